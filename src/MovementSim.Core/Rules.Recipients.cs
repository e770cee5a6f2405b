namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>Fidelities closer than this count as equal when deciding whether someone lost fidelity.</summary>
    private const double FidelityEpsilon = 1e-12;

    /// <summary>Person i starts receiving <paramref name="form"/> from the movement or their locality's institution,
    /// and their neighbours learn of it.</summary>
    public static void Reach(World w, int i, PersonState state, ushort form)
    {
        Receive(w, i, state, form, state == PersonState.Institution ? w.LocalityOf(i) : w.InstitutionCount);
        if (w.PeopleTies is { } g)
        {
            var counts = w.ReachedNeighbours!;
            foreach (var t in g.Neighbours(i))
            {
                counts[t]++;
            }
        }
    }

    /// <summary>Person i starts receiving a form from provider <paramref name="provider"/> (an institution, or
    /// <see cref="World.InstitutionCount"/> for the movement): every count that depends on who receives what is
    /// updated, except neighbours' counts, which the delivery rule updates in bulk.</summary>
    internal static void Receive(World w, int i, PersonState state, ushort form, int provider)
    {
        w.PersonState[i] = state;
        w.PersonForm[i] = form;
        if (state == PersonState.Movement)
        {
            w.MovementServed++;
        }
        else
        {
            w.InstitutionServed++;
            w.Served[provider]++;
        }
        RaiseBest(w, i, form);
        CountForm(w, i, provider, +1);
    }

    /// <summary>Person i stops receiving their form and returns to the status quo.</summary>
    internal static void Leave(World w, int i, int provider)
    {
        CountForm(w, i, provider, -1);
        if (w.PersonState[i] == PersonState.Movement)
        {
            w.MovementServed--;
        }
        else
        {
            w.InstitutionServed--;
            w.Served[provider]--;
        }
        w.PersonState[i] = PersonState.Unreached;
    }

    /// <summary>Institutional recipient i of institution j moves to another form of the same institution (a better one
    /// becomes their best).</summary>
    internal static void ChangeForm(World w, int i, int j, ushort form)
    {
        CountForm(w, i, j, -1);
        w.PersonForm[i] = form;
        RaiseBest(w, i, form);
        CountForm(w, i, j, +1);
    }

    /// <summary>A form of higher fidelity than any person i has had becomes their best.</summary>
    private static void RaiseBest(World w, int i, ushort form)
    {
        var best = w.BestForm[i];
        if (best == FormTable.None || w.Forms.Fidelity[form] > w.Forms.Fidelity[best])
        {
            w.BestForm[i] = form;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the counts of i's form, by provider and by group, and to their group's
    /// count of people who lost fidelity if i has.</summary>
    private static void CountForm(World w, int i, int provider, int delta)
    {
        var forms = w.Forms.Count;
        var form = w.PersonForm[i];
        var g = w.PersonGroup[i];
        w.ProviderForm[provider * forms + form] += delta;
        w.GroupForm[g * forms + form] += delta;
        if (w.Forms.Fidelity[form] < w.Forms.Fidelity[w.BestForm[i]] - FidelityEpsilon)
        {
            w.GroupLost[g] += delta;
        }
    }
}
