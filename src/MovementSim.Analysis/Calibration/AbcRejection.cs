using MovementSim.Batch;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>
/// Which sampled points ABC keeps: the closest fraction of the sample, or all within a distance. Use
/// <see cref="Closest"/> or <see cref="Within"/>.
/// </summary>
public sealed record AbcAcceptance
{
    private AbcAcceptance(double? fraction, double? epsilon)
    {
        Fraction = fraction;
        Epsilon = epsilon;
    }

    /// <summary>Share of the sample kept, closest first; null when <see cref="Epsilon"/> decides.</summary>
    public double? Fraction { get; }

    /// <summary>Largest distance kept; null when <see cref="Fraction"/> decides.</summary>
    public double? Epsilon { get; }

    public static AbcAcceptance Closest(double fraction) =>
        fraction > 0 && fraction <= 1
            ? new AbcAcceptance(fraction, null)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the accepted fraction must lie in (0, 1], e.g. 0.05");

    public static AbcAcceptance Within(double epsilon) =>
        double.IsFinite(epsilon) && epsilon >= 0
            ? new AbcAcceptance(null, epsilon)
            : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a finite distance >= 0");
}

/// <summary>Settings of ABC rejection: how many points to simulate, which to keep, and the seed of the sample.</summary>
public sealed record AbcOptions(int Samples, AbcAcceptance Acceptance, int Seed);

/// <summary>One simulated point (parameter units) and its distance to the observations.</summary>
public sealed record AbcSample(double[] Point, double Distance);

/// <summary>Posterior summary of one parameter from the accepted sample: mean and the 5% and 95% quantiles .</summary>
public sealed record PosteriorSummary(string Parameter, double Mean, double Q05, double Q95);

/// <summary>
/// An ABC rejection run: every sampled point in sample order, the accepted ones closest first, the distance
/// cut-off that applied, and per-parameter posterior summaries (NaN when nothing was accepted).
/// </summary>
public sealed record AbcResult(
    IReadOnlyList<ParameterRange> Parameters,
    IReadOnlyList<AbcSample> Samples,
    IReadOnlyList<AbcSample> Accepted,
    double Epsilon,
    IReadOnlyList<PosteriorSummary> Posterior)
{
    /// <summary>
    /// The posterior as fit rows: mean, 90% interval, and Identified when that interval covers at most
    /// <paramref name="unidentifiedFraction"/> of the range (a flat posterior's 90% interval covers about 90%).
    /// </summary>
    public IReadOnlyList<FitRow> ToFitRows(double unidentifiedFraction = 0.5) =>
        Posterior.Select((p, i) => new FitRow(p.Parameter, p.Mean, p.Q05, p.Q95,
            Accepted.Count > 0 && p.Q95 - p.Q05 <= unidentifiedFraction * Parameters[i].Width)).ToArray();
}

/// <summary>
/// Rejection approximate Bayesian computation (Pritchard et al. 1999; Beaumont, Zhang and Balding 2002): sample
/// the uniform prior over the ranges, simulate all points in one batch, keep those closest to the observations
/// under the calibration distance. The prior is sampled by a seeded Latin hypercube, a stratified draw from the
/// same uniform prior that covers the box more evenly than independent draws.
/// </summary>
public static class AbcRejection
{
    public static AbcResult Run(IReadOnlyList<ParameterRange> parameters, IReadOnlyList<Observation> observations,
        ISimulatedMeasures simulator, AbcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Acceptance);
        var objective = new CalibrationObjective(parameters, observations, simulator);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 2, "ABC samples");

        var random = AnalysisRandom.Create(options.Seed, AnalysisStream.Design);
        var points = LatinHypercube.Sample(options.Samples, parameters.Count, random)
            .Select(u => ParameterSpace.FromUnit(parameters, u))
            .ToArray();
        var distances = objective.Distances(points);
        var samples = points.Select((p, j) => new AbcSample(p, distances[j])).ToArray();

        // Closest first; ties keep sample order so the accepted set never depends on sort stability.
        var ranked = Enumerable.Range(0, samples.Length).OrderBy(j => distances[j]).ThenBy(j => j).ToArray();
        int keep;
        double epsilon;
        if (options.Acceptance.Epsilon is { } within)
        {
            keep = ranked.TakeWhile(j => distances[j] <= within).Count();
            epsilon = within;
        }
        else
        {
            keep = Math.Max(1, (int)Math.Ceiling(options.Acceptance.Fraction!.Value * samples.Length));
            epsilon = distances[ranked[keep - 1]];
        }
        var accepted = ranked.Take(keep).Select(j => samples[j]).ToArray();

        var posterior = new PosteriorSummary[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var values = accepted.Select(s => s.Point[i]).ToArray();
            var mean = SampleStatistics.Mean(values); // summed in acceptance order, before the sort
            Array.Sort(values);
            posterior[i] = new PosteriorSummary(parameters[i].Name, mean, SampleStatistics.Quantile(values, 0.05), SampleStatistics.Quantile(values, 0.95));
        }
        return new AbcResult(parameters, samples, accepted, epsilon, posterior);
    }
}
