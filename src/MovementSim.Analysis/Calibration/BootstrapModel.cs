using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>
/// What a parametric bootstrap needs of the model beyond the fit's simulator: data sets like the observed one,
/// simulated at a point from random numbers the fit never used, and, for each refit, a simulator that (like the
/// fit's) uses the same seeds at every point, but a set of seeds of its own. Implementations must be
/// deterministic: the same arguments always give the same values.
/// </summary>
public interface IBootstrapModel
{
    /// <summary>
    /// <paramref name="count"/> synthetic data sets at <paramref name="point"/> (parameter units), each one value
    /// per observation, in order. Each is what the observed data are: one realisation of the world (or the mean
    /// of as many as the observed values average), not a replicate mean.
    /// </summary>
    IReadOnlyList<double[]> SyntheticData(double[] point, int count, IReadOnlyList<Observation> observations);

    /// <summary>The simulator of refit <paramref name="refit"/> (0-based), which fits <paramref name="data"/>.</summary>
    ISimulatedMeasures RefitSimulator(int refit, IReadOnlyList<Observation> data);

    /// <summary>
    /// How many refits may run at once, each on a thread of its own. Above 1, <see cref="RefitSimulator"/> must be
    /// safe to call from several threads (each simulator it returns is used by one thread).
    /// </summary>
    int Concurrency => 1;
}

/// <summary>
/// One bootstrap refit: the synthetic data it fitted (one value per observation), the refitted point in
/// parameter units, its distance to those data, whether Nelder-Mead converged, and how many points it simulated.
/// </summary>
public sealed record BootstrapRefit(double[] Data, double[] Values, double Distance, bool Converged, int SimulatedPoints);

/// <summary>
/// The bootstrap behind a fit's intervals: every refit, each parameter's percentile interval of the refitted
/// values (before widening to the profile interval), and <see cref="DistancePValue"/>, the share of refits whose
/// distance is at least the fit's, counting the fit itself, (1 + #{D*_b ≥ D}) / (N + 1): a small value says the
/// observed data lie farther from the model than its own randomness explains, so the model (or the fixed
/// parameters) do not describe them and the intervals, which assume it does, are too narrow.
/// </summary>
public sealed record BootstrapSummary(IReadOnlyList<BootstrapRefit> Refits, IReadOnlyList<(double Low, double High)> Percentile, double DistancePValue);
