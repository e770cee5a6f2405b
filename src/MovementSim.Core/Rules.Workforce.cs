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
    /// workers x caseload (real people a year) x the mean episode in years (1 / completion_rate; one year when episodes
    /// do not end), in simulated people (x simulated / real eligible people). 0 without a caseload.</summary>
    public static double WorkforceCapacity(World w, int j, double eligible)
    {
        if (w.P.Caseload <= 0 || eligible <= 0)
        {
            return 0;
        }
        var episodeYears = w.P.CompletionRate > 0 ? 1 / w.P.CompletionRate : 1;
        return w.Workers[j] * w.P.Caseload * episodeYears * w.People / eligible;
    }
}
