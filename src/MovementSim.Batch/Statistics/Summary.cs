namespace MovementSim.Batch;

/// <summary>
/// Statistics of one measure at one step over a design point's replicates, as summary.csv holds them: the number
/// of values, mean, sample standard deviation, 5/50/95% quantiles and the 95% t interval of the mean.
/// </summary>
/// <param name="Sd">Sample standard deviation (n − 1); NaN when n &lt; 2, as are the interval ends.</param>
/// <param name="CiLow">Lower end of the 95% Student-t confidence interval of the mean.</param>
public readonly record struct Summary(int N, double Mean, double Sd, double Q05, double Q50, double Q95, double CiLow, double CiHigh)
{
    /// <summary>No value at all.</summary>
    public static readonly Summary Missing = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public bool HasInterval => N >= 2 && double.IsFinite(CiLow) && double.IsFinite(CiHigh);

    /// <summary>Summarises a copy of the values, ignoring NaN (missing) ones.</summary>
    public static Summary Of(IEnumerable<double> values) => SortingInPlace(values.ToArray());

    /// <summary>Summarises the values, ignoring NaN (missing) ones, and leaves them sorted: no copy, for summary.csv's many cells.</summary>
    public static Summary SortingInPlace(double[] values)
    {
        Array.Sort(values); // NaN sorts first
        var missing = 0;
        while (missing < values.Length && double.IsNaN(values[missing]))
        {
            missing++;
        }
        var sorted = missing == 0 ? values : values[missing..];
        if (sorted.Length == 0)
        {
            return Missing;
        }
        var mean = SampleStatistics.Mean(sorted);
        var sd = SampleStatistics.StandardDeviation(sorted);
        var (low, high) = SampleStatistics.TInterval(mean, sd, sorted.Length);
        return new Summary(sorted.Length, mean, sd,
            SampleStatistics.Quantile(sorted, 0.05), SampleStatistics.Quantile(sorted, 0.50), SampleStatistics.Quantile(sorted, 0.95),
            low, high);
    }
}
