namespace MovementSim.Batch;

/// <summary>A difference of two means with its 95% Welch interval (NaN ends when either side has fewer than two values).</summary>
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
        var half = SampleStatistics.TQuantile(df) * se;
        return new Difference(d, d - half, d + half);
    }
}
