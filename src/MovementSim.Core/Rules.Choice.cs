namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>The form a new recipient of institution j takes: per component, the alternative chosen by
    /// <see cref="ChooseAlternative"/> with that component's keyed draw.</summary>
    internal static ushort Choose(World w, DeliveryScratch s, int j, int i)
    {
        var forms = w.Forms;
        if (forms.Count == 1)
        {
            return 0;
        }
        var tolerance = w.Tolerance(i);
        var g = w.PersonGroup[i];
        var code = 0;
        for (var k = 0; k < w.ComponentCount; k++)
        {
            code += forms.Part(k, ChooseAlternative(w, j, k, g, tolerance, RunRandom.Uniform(s.ChoiceKeys[k], i)));
        }
        return (ushort)code;
    }

    /// <summary>The form of recipient i of institution j after their review: components whose alternative is still
    /// offered keep it; the others are chosen again from the menu.</summary>
    internal static ushort Rechoose(World w, DeliveryScratch s, int j, int i)
    {
        var forms = w.Forms;
        var current = w.PersonForm[i];
        var tolerance = w.Tolerance(i);
        var g = w.PersonGroup[i];
        var code = 0;
        for (var k = 0; k < w.ComponentCount; k++)
        {
            var a = forms.AlternativeOf(current, k);
            if ((w.Menu[j * w.ComponentCount + k] & (1u << a)) == 0)
            {
                a = ChooseAlternative(w, j, k, g, tolerance, RunRandom.Uniform(s.RechoiceKeys[k], i));
            }
            code += forms.Part(k, a);
        }
        return (ushort)code;
    }

    /// <summary>
    /// The alternative of component k that a person of group g with fidelity tolerance <paramref name="tolerance"/> ends
    /// up with at institution j (ODD 7.6.4). For a component the institution decides, its default. Otherwise the person
    /// wants, among the offered alternatives that suit their group (all offered ones if none suits), the least demanding
    /// that meets their tolerance: the lowest fidelity at or above it, or, if none reaches it, the highest fidelity. If
    /// that is not the default they get it with probability (1 - extra person effort) x (1 - steering x extra staff
    /// effort), the extras being what it asks beyond the default (0 if it asks less); else the default.
    /// <paramref name="u"/> is the person's keyed uniform draw for this component.
    /// </summary>
    public static int ChooseAlternative(World w, int j, int k, int g, double tolerance, double u)
    {
        var chosen = w.Form[w.InstOrg[j] * w.ComponentCount + k];
        if (w.ChosenBy[k] == Chooser.Institution)
        {
            return chosen;
        }
        var menu = w.Menu[j * w.ComponentCount + k];
        var candidates = menu & w.Suits[g * w.ComponentCount + k];
        if (candidates == 0)
        {
            candidates = menu;
        }
        var fidelity = w.AlternativeFidelity[k];
        int wanted = -1, highest = -1;
        for (var m = candidates; m != 0; m &= m - 1)
        {
            var a = System.Numerics.BitOperations.TrailingZeroCount(m);
            if (fidelity[a] >= tolerance && (wanted < 0 || fidelity[a] < fidelity[wanted]))
            {
                wanted = a;
            }
            if (highest < 0 || fidelity[a] > fidelity[highest])
            {
                highest = a;
            }
        }
        if (wanted < 0)
        {
            wanted = highest;
        }
        if (wanted == chosen || wanted < 0)
        {
            return chosen;
        }
        var putOff = Math.Max(0, w.PersonEffort[k][wanted] - w.PersonEffort[k][chosen]);
        var turnedBack = w.Steering[j] * Math.Max(0, w.StaffEffort[k][wanted] - w.StaffEffort[k][chosen]);
        return u < (1 - putOff) * (1 - turnedBack) ? wanted : chosen;
    }
}
