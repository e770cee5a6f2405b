using MovementSim.Batch;

namespace MovementSim.Reporting.Charts;

/// <summary>
/// One point of a sweep chart: a mean and the band drawn around it. What the band is depends on the chart:
/// the 5–95% range of a design point's runs (<see cref="OfRuns"/>), or, for a main effect, the range of the
/// design-point means averaged over (<see cref="MainEffect"/>). Low ≤ Mean ≤ High when all three are finite.
/// </summary>
internal readonly record struct SweepBand(double Mean, double Low, double High)
{
    public static readonly SweepBand Missing = new(double.NaN, double.NaN, double.NaN);

    /// <summary>A design point's final value: the mean of its runs and their 5% and 95% quantiles.</summary>
    public static SweepBand OfRuns(Summary s) => new(s.Mean, s.Q05, s.Q95);

    /// <summary>A main effect: the average of the design-point means at one level, and their smallest and largest.</summary>
    public static SweepBand MainEffect(IReadOnlyList<double> means)
    {
        var ok = means.Where(double.IsFinite).ToList();
        return ok.Count == 0 ? Missing : new SweepBand(ok.Average(), ok.Min(), ok.Max());
    }
}
