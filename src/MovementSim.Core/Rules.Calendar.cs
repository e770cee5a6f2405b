namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 0. Calendar -----------------------------------------------------------------------

    /// <summary>What the calendar decides for the step that starts at <see cref="World.Year"/>: which alternatives
    /// exist (their available_from and available_to years) and which client groups are eligible (their eligible_from
    /// year).</summary>
    public static void AdvanceCalendar(World w)
    {
        UpdateAvailability(w);
        UpdateGroupEligibility(w);
    }

    /// <summary>An alternative exists in the step starting at year y when available_from &lt;= y &lt; available_to.</summary>
    public static void UpdateAvailability(World w)
    {
        var components = w.Scenario.Components;
        for (var k = 0; k < components.Count; k++)
        {
            for (var a = 0; a < components[k].Alternatives.Count; a++)
            {
                w.Available[k][a] = components[k].Alternatives[a].IsAvailable(w.Year);
            }
        }
    }

    /// <summary>A group is eligible from its eligible_from year; until then its members can take nothing up.</summary>
    public static void UpdateGroupEligibility(World w)
    {
        for (var g = 0; g < w.GroupCount; g++)
        {
            var from = w.Groups[g].EligibleFrom;
            w.GroupEligible[g] = from is null || w.Year >= from.Value - 1e-9;
            w.GroupPropensity[g] = w.GroupEligible[g] ? w.Groups[g].Propensity : 0;
        }
    }
}
