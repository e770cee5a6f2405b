using MathNet.Numerics.Statistics;
using MovementSim.Batch;

namespace MovementSim.Analysis;

/// <summary>Percentile bootstrap helpers shared by the estimators (Efron and Tibshirani 1993, ch. 13).</summary>
internal static class Bootstrap
{
    /// <summary>Fills <paramref name="indices"/> with draws, with replacement, from 0..count-1.</summary>
    public static void Resample(int[] indices, int count, System.Random random)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = random.Next(count);
        }
    }

    /// <summary>
    /// The central <paramref name="confidence"/> percentile interval of bootstrap replicates, using quantile
    /// definition R-7 (the default of R and numpy) so the numbers match other tools.
    /// </summary>
    public static (double Low, double High) PercentileInterval(double[] replicates, double confidence) =>
        SampleStatistics.CentralInterval(replicates, confidence, QuantileDefinition.R7);

    /// <summary>
    /// The central <paramref name="confidence"/> interval of expensive replicates, read from order statistics as
    /// quantile definition R-6 does: the k-th smallest of N values estimates the k/(N + 1) quantile, which is
    /// exact coverage for exchangeable replicates and the reason to choose N with (N + 1)·tail whole, e.g. 39
    /// or 999 for 95% (Davison and Hinkley 1997, section 5.2.1). R-7 would read the 2.5% point of 39 values
    /// nearly at the second smallest, an interval of about 90%. With fewer than 1/tail - 1 values the ends are
    /// the smallest and largest, an interval of (N - 1)/(N + 1).
    /// </summary>
    public static (double Low, double High) OrderStatisticInterval(double[] replicates, double confidence) =>
        SampleStatistics.CentralInterval(replicates, confidence, QuantileDefinition.R6);

    public static void ValidateOptions(int resamples, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2, "bootstrap resamples");
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence level must lie strictly between 0 and 1, e.g. 0.95");
        }
    }
}
