using MathNet.Numerics.Distributions;

namespace MovementSim.Reporting;

/// <summary>
/// Statistics over replicates of one measure at one step, as in <c>summary.csv</c>: the number of
/// non-missing values, mean, sample sd, the 5%, 50% and 95% quantiles (definition R-7, as numpy and R
/// default) and the 95% t-interval of the mean (NaN when fewer than two values).
/// </summary>
public readonly record struct Summary(int N, double Mean, double Sd, double Q05, double Q50, double Q95, double CiLow, double CiHigh)
{
    public static readonly Summary Missing = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public bool HasInterval => N >= 2 && double.IsFinite(CiLow) && double.IsFinite(CiHigh);

    /// <summary>Summarises the values, ignoring NaN (missing) ones.</summary>
    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return Missing;
        }
        Array.Sort(sorted);
        var n = sorted.Length;
        var mean = sorted.Average();
        if (n == 1)
        {
            return new Summary(1, mean, 0, mean, mean, mean, double.NaN, double.NaN);
        }
        var ss = 0.0;
        foreach (var v in sorted)
        {
            ss += (v - mean) * (v - mean);
        }
        var sd = Math.Sqrt(ss / (n - 1));
        var half = TQuantile975(n - 1) * sd / Math.Sqrt(n);
        return new Summary(n, mean, sd,
            Stats.QuantileR7(sorted, 0.05), Stats.QuantileR7(sorted, 0.5), Stats.QuantileR7(sorted, 0.95),
            mean - half, mean + half);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<double, double> TCache = new();

    /// <summary>The 97.5% quantile of Student's t; cached because the inverse CDF is a numerical search and a
    /// result folder asks for the same few degrees of freedom thousands of times.</summary>
    private static double TQuantile975(double degreesOfFreedom) =>
        TCache.GetOrAdd(degreesOfFreedom, df => StudentT.InvCDF(0, 1, df, 0.975));

    internal static double TQuantile(double degreesOfFreedom) => TQuantile975(degreesOfFreedom);
}

/// <summary>A difference of two means with its 95% Welch interval (NaN when either side has fewer than two values).</summary>
public readonly record struct Difference(double Estimate, double Low, double High)
{
    public bool HasInterval => double.IsFinite(Low) && double.IsFinite(High);

    /// <summary>a − b, with the Welch–Satterthwaite degrees of freedom.</summary>
    public static Difference Between(Summary a, Summary b)
    {
        var d = a.Mean - b.Mean;
        if (a.N < 2 || b.N < 2)
        {
            return new Difference(d, double.NaN, double.NaN);
        }
        var va = a.Sd * a.Sd / a.N;
        var vb = b.Sd * b.Sd / b.N;
        var se = Math.Sqrt(va + vb);
        if (se == 0)
        {
            return new Difference(d, d, d);
        }
        var df = (va + vb) * (va + vb) / (va * va / (a.N - 1) + vb * vb / (b.N - 1));
        var half = Summary.TQuantile(df) * se;
        return new Difference(d, d - half, d + half);
    }
}

public static class Stats
{
    /// <summary>Quantile of sorted values by definition R-7 (linear interpolation between order statistics,
    /// h = (n − 1)p): the default of R and numpy.</summary>
    public static double QuantileR7(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Count - 1)
        {
            return sorted[^1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
