using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MovementSim.Batch;

/// <summary>Statistics of one measure at one step over a design point's replicates.</summary>
/// <param name="Sd">Sample standard deviation (n - 1); NaN when n &lt; 2, as are the interval ends.</param>
/// <param name="CiLow">Lower end of the 95% Student-t confidence interval of the mean.</param>
public readonly record struct SummaryRow(int N, double Mean, double Sd, double Q05, double Q50, double Q95, double CiLow, double CiHigh);

public static class SummaryStatistics
{
    public const double ConfidenceLevel = 0.95;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, double> Quantiles = new();

    /// <summary>
    /// t(0.975, degrees of freedom), computed once per number of degrees of freedom: MathNet finds it by root
    /// search (about 30 µs), and summary.csv needs it for every step and measure of every design point.
    /// </summary>
    public static double TQuantile(int degreesOfFreedom) =>
        Quantiles.GetOrAdd(degreesOfFreedom, df => StudentT.InvCDF(0, 1, df, 0.5 + ConfidenceLevel / 2));

    /// <summary>
    /// Mean, sample standard deviation, 5/50/95% quantiles by definition R-7 (linear interpolation of
    /// order statistics, Hyndman and Fan 1996; the default of R and numpy) and the t-interval
    /// mean ± t(0.975, n-1)·sd/√n. Sorts <paramref name="values"/> in place.
    /// </summary>
    public static SummaryRow Of(double[] values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("no values to summarise", nameof(values));
        }
        Array.Sort(values);
        var n = values.Length;
        var mean = ArrayStatistics.Mean(values);
        var sd = n > 1 ? ArrayStatistics.StandardDeviation(values) : double.NaN;
        var q05 = SortedArrayStatistics.QuantileCustom(values, 0.05, QuantileDefinition.R7);
        var q50 = SortedArrayStatistics.QuantileCustom(values, 0.50, QuantileDefinition.R7);
        var q95 = SortedArrayStatistics.QuantileCustom(values, 0.95, QuantileDefinition.R7);
        var half = n > 1 ? TQuantile(n - 1) * sd / Math.Sqrt(n) : double.NaN;
        return new SummaryRow(n, mean, sd, q05, q50, q95, mean - half, mean + half);
    }
}

/// <summary>
/// Writes summary.csv from timeseries.csv, whose rows are ordered by run id and so grouped by design
/// point. One design point is read at a time; when its replicates × steps × measures exceed the
/// memory budget it is read again for each window of steps. Memory does not grow with the number of
/// design points or, beyond the budget, with the number of steps.
/// </summary>
public static class SummaryWriter
{
    /// <summary>Doubles held at once (16 M doubles = 128 MB).</summary>
    public const long DefaultMemoryBudget = 16_000_000;

    public static void Write(string timeseriesPath, string summaryPath, int replicates, long memoryBudget = DefaultMemoryBudget)
    {
        using var reader = new LineReader(timeseriesPath);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{timeseriesPath} is empty");
        var measures = header.Split(',')[6..];
        var window = (int)Math.Clamp(memoryBudget / ((long)Math.Max(1, replicates) * (measures.Length + 1)), 1, int.MaxValue);
        using (var output = AtomicFile.CreateText(summaryPath))
        {
            output.Write(OutputLayout.SummaryHeader);
            var blockStart = reader.Position;
            var line = reader.ReadLine();
            while (line is not null)
            {
                var designPoint = Field(line, 1);
                string? next = null;
                long nextStart = 0;
                for (var low = 0; ; low += window)
                {
                    var steps = new SortedDictionary<int, StepRows>();
                    var maxStep = -1;
                    var current = line;
                    next = null;
                    while (current is not null)
                    {
                        if (Field(current, 1) != designPoint)
                        {
                            next = current;
                            break;
                        }
                        var fields = current.Split(',');
                        var step = int.Parse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture);
                        maxStep = Math.Max(maxStep, step);
                        if (step >= low && step - low < window)
                        {
                            if (!steps.TryGetValue(step, out var rows))
                            {
                                steps[step] = rows = new StepRows(fields[5]);
                            }
                            var values = new double[measures.Length];
                            for (var m = 0; m < measures.Length; m++)
                            {
                                values[m] = double.Parse(fields[6 + m], NumberStyles.Float, CultureInfo.InvariantCulture);
                            }
                            rows.Values.Add(values);
                        }
                        nextStart = reader.Position;
                        current = reader.ReadLine();
                    }
                    foreach (var (step, rows) in steps)
                    {
                        WriteStep(output, designPoint, step, rows, measures);
                    }
                    if (maxStep - low < window)
                    {
                        break;
                    }
                    reader.Seek(blockStart);
                    line = reader.ReadLine();
                }
                // The reader stands after `next`, the first line of the following design point.
                line = next;
                blockStart = nextStart;
            }
        }
        AtomicFile.Commit(summaryPath);
    }

    private sealed class StepRows(string year)
    {
        public string Year { get; } = year;
        public List<double[]> Values { get; } = [];
    }

    private static void WriteStep(StreamWriter output, int designPoint, int step, StepRows rows, string[] measures)
    {
        var column = new double[rows.Values.Count];
        for (var m = 0; m < measures.Length; m++)
        {
            for (var r = 0; r < column.Length; r++)
            {
                column[r] = rows.Values[r][m];
            }
            var s = SummaryStatistics.Of(column);
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{designPoint},{step},{rows.Year},{measures[m]},{s.N},"));
            output.Write(string.Join(",", Csv.Number(s.Mean), Csv.Number(s.Sd), Csv.Number(s.Q05), Csv.Number(s.Q50),
                Csv.Number(s.Q95), Csv.Number(s.CiLow), Csv.Number(s.CiHigh)));
            output.Write('\n');
        }
    }

    private static int Field(string line, int index)
    {
        var span = line.AsSpan();
        for (var i = 0; i < index; i++)
        {
            span = span[(span.IndexOf(',') + 1)..];
        }
        return Csv.LeadingInt(span);
    }
}
