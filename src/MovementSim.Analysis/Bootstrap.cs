using MathNet.Numerics.Statistics;

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
    public static (double Low, double High) PercentileInterval(double[] replicates, double confidence)
    {
        var tail = (1.0 - confidence) / 2.0;
        var sorted = (double[])replicates.Clone();
        Array.Sort(sorted);
        return (SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 1.0 - tail, QuantileDefinition.R7));
    }

    public static void ValidateOptions(int resamples, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2, "bootstrap resamples");
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence level must lie strictly between 0 and 1, e.g. 0.95");
        }
    }
}
