namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>Real institutions each simulated one stands for (1 unless real_institutions says otherwise).</summary>
    public static double RealPerSimulatedInstitution(World w) =>
        w.P.RealInstitutions > 0 && w.InstitutionCount > 0 ? w.P.RealInstitutions / w.InstitutionCount : 1;

    /// <summary>Adopted institutions fill funded workforce posts at recruitment_rate: the gap between funded and filled
    /// posts closes by the share 1 - exp(-rate x dt) each step. Cut funding removes posts at once (in the event).</summary>
    public static void Recruit(World w)
    {
        var fill = 1 - Math.Exp(-w.P.RecruitmentRate * w.P.DtYears);
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (w.Adopted[j] && w.FundedWorkers[j] > w.Workers[j])
            {
                w.Workers[j] += (w.FundedWorkers[j] - w.Workers[j]) * fill;
            }
        }
    }

    /// <summary>The simulated people institution j's workforce can support at a time with the original form: its
    /// workers x caseload (real people a year) x the years a place is held per person supported
    /// (<see cref="PlaceYears"/>), in simulated people (x simulated / real eligible people). 0 without a caseload.</summary>
    public static double WorkforceCapacity(World w, int j, double eligible)
    {
        if (w.P.Caseload <= 0 || eligible <= 0)
        {
            return 0;
        }
        return w.Workers[j] * w.P.Caseload * PlaceYears(w.P) * w.People / eligible;
    }

    /// <summary>Years a place is held per person supported, so that a workforce whose places are all taken starts
    /// caseload people a year per worker (with the original form). An episode ends in a step with probability
    /// z = 1 - exp(-completion_rate x dt), so a recipient holds their place for 1/z steps on average, and the place
    /// they free is offered again only in the next step's delivery (spare places are counted at its start): dt (1 + z)
    /// / z years, which tends to the mean episode 1 / completion_rate as dt shrinks. One year when episodes do not end
    /// (the workforce then supports caseload people at a time).</summary>
    public static double PlaceYears(ModelParameters p)
    {
        if (p.CompletionRate <= 0)
        {
            return 1;
        }
        var z = 1 - Math.Exp(-p.CompletionRate * p.DtYears);
        return p.DtYears * (1 + z) / z;
    }
}
