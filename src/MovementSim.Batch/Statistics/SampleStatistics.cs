using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MovementSim.Batch;

/// <summary>
/// The one place MovementSim computes quantiles, standard deviations, t intervals and correlations, on
/// MathNet.Numerics. Batch (summary.csv), Reporting (charts and report) and Analysis (bootstrap and ABC intervals,
/// Morris' sigma) all call it, so that a statistic means the same everywhere: fewer than two values have no
/// standard deviation and no interval (NaN), and no values have no quantile (NaN).
/// </summary>
public static class SampleStatistics
{
    /// <summary>The level of every t interval MovementSim reports.</summary>
    public const double ConfidenceLevel = 0.95;

    private static readonly ConcurrentDictionary<int, double> TQuantiles = new();

    /// <summary>
    /// The p-quantile of values sorted in increasing order, by definition R-7 (linear interpolation of order
    /// statistics, h = (n − 1)p; Hyndman and Fan 1996): the default of R and numpy. NaN when there are none.
    /// </summary>
    public static double Quantile(double[] sorted, double p) => Quantile(sorted, p, QuantileDefinition.R7);

    /// <summary>The p-quantile of sorted values by another of Hyndman and Fan's definitions; NaN when there are none.</summary>
    public static double Quantile(double[] sorted, double p, QuantileDefinition definition) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, p, definition);

    /// <summary>
    /// The quantile PRIM peels and pastes at, as EMA Workbench computes it (modelled there on the Scenario Discovery
    /// Toolkit): it never falls on a sampled value but midway between two distinct ones, so a bound cleanly splits the
    /// values it keeps from those it removes, ties included; none of Hyndman and Fan's definitions does that. For
    /// q ≤ 0.5: midway between the value at floor((m − 1)q) and the next larger value; for q &gt; 0.5: midway between
    /// the value at ceil((m − 1)q) and the next smaller value. With every value equal, that value.
    /// </summary>
    public static double SplittingQuantile(ReadOnlySpan<double> sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var higher = (int)Math.Ceiling(position);
        if (q > 0.5)
        {
            while (sorted[lower] == sorted[higher] && lower > 0)
            {
                lower--;
            }
        }
        else
        {
            while (sorted[lower] == sorted[higher] && higher < sorted.Length - 1)
            {
                higher++;
            }
        }
        return (sorted[lower] + sorted[higher]) / 2;
    }

    /// <summary>The central <paramref name="level"/> interval of values (sorted or not): its two quantiles.</summary>
    public static (double Low, double High) CentralInterval(double[] values, double level, QuantileDefinition definition)
    {
        var tail = (1.0 - level) / 2.0;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return (Quantile(sorted, tail, definition), Quantile(sorted, 1.0 - tail, definition));
    }

    public static double Mean(double[] values) => values.Length == 0 ? double.NaN : ArrayStatistics.Mean(values);

    /// <summary>The sample standard deviation (divisor n − 1); NaN for fewer than two values.</summary>
    public static double StandardDeviation(double[] values) =>
        values.Length < 2 ? double.NaN : ArrayStatistics.StandardDeviation(values);

    /// <summary>
    /// The 97.5% quantile of Student's t. MathNet finds it by root search (about 30 µs) and summary.csv asks for
    /// the same few whole degrees of freedom for every step and measure, so those are kept; a Welch interval's
    /// fractional degrees of freedom are computed each time.
    /// </summary>
    public static double TQuantile(double degreesOfFreedom)
    {
        var upper = 0.5 + ConfidenceLevel / 2;
        return degreesOfFreedom == Math.Floor(degreesOfFreedom) && degreesOfFreedom is >= 1 and <= int.MaxValue
            ? TQuantiles.GetOrAdd((int)degreesOfFreedom, df => StudentT.InvCDF(0, 1, df, upper))
            : StudentT.InvCDF(0, 1, degreesOfFreedom, upper);
    }

    /// <summary>The 95% t interval of a mean, mean ± t(0.975, n − 1)·sd/√n; NaN ends for fewer than two values.</summary>
    public static (double Low, double High) TInterval(double mean, double sd, int n)
    {
        var half = n > 1 ? TQuantile(n - 1) * sd / Math.Sqrt(n) : double.NaN;
        return (mean - half, mean + half);
    }

    /// <summary>
    /// Pearson's correlation of paired values, skipping pairs with a missing (non-finite) value; NaN with fewer than
    /// three pairs or when either side does not vary.
    /// </summary>
    public static double Correlation(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var pairs = xs.Zip(ys).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        if (pairs.Length < 3)
        {
            return double.NaN;
        }
        var x = pairs.Select(p => p.First).ToArray();
        var y = pairs.Select(p => p.Second).ToArray();
        if (x.Min() == x.Max() || y.Min() == y.Max())
        {
            return double.NaN;
        }
        return MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
    }
}
