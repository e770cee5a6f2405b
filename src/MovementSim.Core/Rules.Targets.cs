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
    /// use for it, compliance x capacity x review_rate (people are moved at their review, as far as the institution
    /// has built the means to). A compliant institution keeps to a
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
        return Math.Min(needed, w.Compliance[j] * Capacity(w, j) * w.P.ReviewRate);
    }

    /// <summary>An adopted institution under a coverage target builds the means to meet it in two stages, each with
    /// mean time target_build_up: first its systems s (ds/dt = (1 - s) / tau), then its capacity c, which follows
    /// them (dc/dt = (s - c) / tau). From nothing, c = 1 - (1 + t/tau) exp(-t/tau): slow at first, fastest after
    /// about tau. Each step applies the exact solution over dt, with u = 1 - s and v = 1 - c:
    /// v' = (v + u dt/tau) exp(-dt/tau), u' = u exp(-dt/tau). With target_build_up 0 capacity is full at once. What
    /// is built stays built when a target ends. Councils given the personal-budget target in 2007 had no resource
    /// allocation systems, trained assessors or payment arrangements for it; they designed the systems first and
    /// rolled them out across their teams over the next years, with the Social Care Reform Grant of 2008-11.</summary>
    public static void BuildTargetCapacity(World w)
    {
        var tau = w.P.TargetBuildUp;
        if (tau <= 0)
        {
            return;
        }
        var dt = w.P.DtYears;
        var keep = Math.Exp(-dt / tau);
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (!w.Adopted[j] || w.TargetShare[j] <= 0)
            {
                continue;
            }
            var unbuilt = 1 - w.TargetSystems[j];
            var lacking = 1 - w.TargetCapacity[j];
            w.TargetCapacity[j] = 1 - (lacking + unbuilt * dt / tau) * keep;
            w.TargetSystems[j] = 1 - unbuilt * keep;
        }
    }

    /// <summary>Whether institution j (-1: an organisation that is not an institution) runs the systems that
    /// alternatives marked needs_systems require: once its systems for coverage targets are built to systems_needed
    /// (always when systems_needed or target_build_up is 0). Built as 1 - exp(-t / target_build_up), they reach it
    /// -target_build_up x ln(1 - systems_needed) years after its first target. Councils could run council-managed
    /// personal budgets and individual service funds only once they had the accounts and payment arrangements for
    /// them; until then a personal budget was a direct payment.</summary>
    public static bool HasSystems(World w, int j) =>
        j < 0 || w.P.TargetBuildUp <= 0 || w.TargetSystems[j] >= w.P.SystemsNeeded;

    /// <summary>Institution j's capacity to move people onto its forms (0..1): what it has built, or full when
    /// target_build_up is 0.</summary>
    public static double Capacity(World w, int j) => w.P.TargetBuildUp > 0 ? w.TargetCapacity[j] : 1;
}
