namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 1. Events -------------------------------------------------------------------------

    /// <summary>Applies the scenario's events scheduled in [year, year + dt) of the current step.</summary>
    public static void ApplyEvents(World w)
    {
        var from = w.P.StartYear + w.StepIndex * w.P.DtYears;
        var to = from + w.P.DtYears;
        const double Eps = 1e-9;
        var events = w.Scenario.Events;
        for (var k = 0; k < events.Count; k++)
        {
            if (events[k].Year >= from - Eps && events[k].Year < to - Eps)
            {
                ApplyEvent(w, events[k], k);
            }
        }
    }

    /// <summary>Applies one event; <paramref name="eventIndex"/> keys its random draws so that two events in one
    /// step draw independently.</summary>
    public static void ApplyEvent(World w, EventSpec e, int eventIndex = 0)
    {
        bool Targets(int o) => e.Target == ScenarioDefinition.AllTargets ||
                               w.Scenario.Organisations[w.OrgSpec[o]].Name == e.Target;
        switch (e.Kind)
        {
            case EventKind.Mandate:
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (Targets(w.InstOrg[j]))
                    {
                        w.Mandate[j] = e.Value;
                    }
                }
                break;
            case EventKind.BudgetShock:
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (Targets(w.InstOrg[j]))
                    {
                        w.BudgetFactor[j] *= 1 - e.Value;
                    }
                }
                for (var i = 0; i < w.ActorCount; i++)
                {
                    if (w.DecisionMaker[i] && Targets(w.ActorOrg[i]))
                    {
                        RaiseMoneyWeight(w, i, e.Value);
                    }
                }
                break;
            case EventKind.Forum:
                w.Conversation = Math.Min(1, w.Conversation + e.Value);
                break;
            case EventKind.LeadershipChange:
                for (var i = 0; i < w.ActorCount; i++)
                {
                    if (w.DecisionMaker[i] && Targets(w.ActorOrg[i]) &&
                        w.Random.Uniform(RandomStream.Leadership, w.StepIndex, eventIndex * w.ActorCount + i) < e.Value)
                    {
                        var a = w.Scenario.Archetypes[w.ActorArchetype[i]];
                        WorldBuilder.DrawActor(w, i, a, RandomStream.LeadershipNoise, w.StepIndex * (w.Scenario.Events.Count + 1) + eventIndex);
                        w.Stance[i] = Stance.Loyalty;
                    }
                }
                break;
            case EventKind.MovementFunding:
                w.MovementCapacity = Math.Min(1, w.MovementCapacity + e.Value);
                break;
            case EventKind.WorkforceFunding:
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (Targets(w.InstOrg[j]))
                    {
                        w.FundedWorkers[j] = e.Value * RealPerSimulatedInstitution(w);
                        w.Workers[j] = Math.Min(w.Workers[j], w.FundedWorkers[j]);
                    }
                }
                break;
            case EventKind.CoverageTarget:
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (Targets(w.InstOrg[j]))
                    {
                        w.TargetShare[j] = e.Value;
                        w.TargetYear[j] = e.By ?? e.Year;
                    }
                }
                break;
        }
    }

    /// <summary>Budget pressure: the money weight grows by <paramref name="amount"/> and the row is renormalised.</summary>
    internal static void RaiseMoneyWeight(World w, int actor, double amount)
    {
        var row = w.Weights.AsSpan(actor * MC, MC);
        row[(int)Motive.Money] += amount;
        double sum = 0;
        foreach (var v in row)
        {
            sum += v;
        }
        for (var m = 0; m < MC; m++)
        {
            row[m] /= sum;
        }
    }

}
