namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>An institution's share of its locality receiving its forms.</summary>
    public static double LocalReach(World w, int j)
    {
        var size = w.LocalityStart[j + 1] - w.LocalityStart[j];
        return size > 0 ? (double)w.Served[j] / size : 0;
    }

    /// <summary>Delivery pressure on each adopted institution (0 before adoption): the larger of a coverage target's
    /// pressure, its compliance times the target's relative shortfall, compliance x max(0, T - r) / T, and the pressure
    /// of demand, the share of last step's take-up candidates in its locality that found no open place,
    /// max(0, 1 - open / candidates). It pulls the institution's default towards alternatives that ask little staff
    /// effort and adds to its steering: the fast way to hit a target, or to see more people than there are places
    /// for, is the light, managed form.</summary>
    public static void UpdateDeliveryPressure(World w)
    {
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (!w.Adopted[j])
            {
                w.DeliveryPressure[j] = 0;
                continue;
            }
            var target = w.TargetShare[j];
            var fromTarget = target > 0 ? w.Compliance[j] * Math.Max(0, target - LocalReach(w, j)) / target : 0;
            var demand = w.LastDemand[j];
            var fromDemand = demand > 0 ? Math.Max(0, 1 - w.LastSpare[j] / demand) : 0;
            w.DeliveryPressure[j] = Math.Max(fromTarget, fromDemand);
        }
    }

    /// <summary>The hazard per year with which an adopted institution under a coverage target moves an unreached
    /// eligible person of its locality onto its forms: the rate that would close the shortfall by the target year,
    /// (T - r) / ((1 - r) x max(dt, years left)), but no faster than the share of care-plan reviews it is willing to
    /// use for it, compliance x review_rate (people are moved at their review). A compliant institution keeps to a
    /// feasible schedule; a less compliant one falls behind a demanding target. After the target year a shortfall is
    /// pursued at that cap.</summary>
    public static double ConversionHazard(World w, int j)
    {
        var target = w.TargetShare[j];
        if (!w.Adopted[j] || target <= 0)
        {
            return 0;
        }
        var reach = LocalReach(w, j);
        if (reach >= target)
        {
            return 0;
        }
        var yearsLeft = Math.Max(w.P.DtYears, w.TargetYear[j] - w.Year);
        var needed = (target - reach) / ((1 - reach) * yearsLeft);
        return Math.Min(needed, w.Compliance[j] * w.P.ReviewRate);
    }
}
