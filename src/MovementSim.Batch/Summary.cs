using System.Globalization;
using System.Text;
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
/// point. One design point is summarised at a time, in passes: each pass reads the design point's rows
/// again and keeps only a window of measures (and, when one measure alone would not fit, of steps), one
/// array per step and measure. The values held at once never exceed the memory budget, so memory does not
/// grow with the number of replicates, design points or steps; a bigger design point only costs more passes.
/// </summary>
public static class SummaryWriter
{
    /// <summary>
    /// Doubles held at once (2 M doubles = 16 MB). A design point of 200 replicates × 101 steps × 62 measures fits in
    /// one pass; one of 2,000 replicates takes seven, and summary.csv then costs about 5% of the batch.
    /// </summary>
    public const long DefaultMemoryBudget = 2_000_000;

    /// <summary>What writing one summary took: passes over the design points' rows, and the most values held at once.</summary>
    public readonly record struct Effort(int Passes, long MostValuesHeld);

    /// <param name="jobs">Threads computing the statistics of a pass (the output does not depend on it).</param>
    public static Effort Write(string timeseriesPath, string summaryPath, long memoryBudget = DefaultMemoryBudget, int jobs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBudget, 1);
        using var reader = new LineReader(timeseriesPath);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{timeseriesPath} is empty");
        var measures = header.Split(',')[FirstMeasureField..];
        var passes = 0;
        long mostHeld = 0;
        var pool = new CellPool();
        using (var output = AtomicFile.CreateText(summaryPath))
        {
            output.Write(OutputLayout.SummaryHeader);
            var block = DesignPointBlock.Scan(reader, reader.Position);
            while (block is not null)
            {
                var rows = new SummaryRow[block.Steps.Count * measures.Length];
                foreach (var window in Windows(block, measures.Length, memoryBudget))
                {
                    mostHeld = Math.Max(mostHeld, Summarise(reader, block, window, measures.Length, rows, jobs, pool));
                    passes++;
                }
                WriteDesignPoint(output, block, measures, rows);
                block = DesignPointBlock.Scan(reader, block.End);
            }
        }
        AtomicFile.Commit(summaryPath);
        return new Effort(passes, mostHeld);
    }

    private const int StepField = 4;
    private const int YearField = 5;
    private const int FirstMeasureField = 6;

    /// <summary>Steps [FirstStep, EndStep) (indices into the block's steps) × measures [FirstMeasure, EndMeasure).</summary>
    private readonly record struct Window(int FirstStep, int EndStep, int FirstMeasure, int EndMeasure);

    private static IEnumerable<Window> Windows(DesignPointBlock block, int measureCount, long budget)
    {
        var measuresPerPass = (int)Math.Clamp(budget / Math.Max(1, block.Rows), 1, measureCount);
        for (var m = 0; m < measureCount; m += measuresPerPass)
        {
            var endMeasure = Math.Min(measureCount, m + measuresPerPass);
            var width = endMeasure - m;
            var first = 0;
            while (first < block.Steps.Count)
            {
                // At least one step per pass, then as many as the budget allows.
                var end = first + 1;
                long held = (long)block.Steps[first].Count * width;
                while (end < block.Steps.Count && held + (long)block.Steps[end].Count * width <= budget)
                {
                    held += (long)block.Steps[end].Count * width;
                    end++;
                }
                yield return new Window(first, end, m, endMeasure);
                first = end;
            }
        }
    }

    /// <summary>Reads the window's values of the block, fills its rows; returns the number of values held.</summary>
    private static long Summarise(LineReader reader, DesignPointBlock block, Window window, int measureCount, SummaryRow[] rows, int jobs,
        CellPool pool)
    {
        pool.ReturnAll();
        var width = window.EndMeasure - window.FirstMeasure;
        var cells = new double[(window.EndStep - window.FirstStep) * width][];
        long held = 0;
        for (var s = window.FirstStep; s < window.EndStep; s++)
        {
            for (var m = 0; m < width; m++)
            {
                cells[(s - window.FirstStep) * width + m] = pool.Rent(block.Steps[s].Count);
            }
            held += (long)block.Steps[s].Count * width;
        }
        var filled = new int[window.EndStep - window.FirstStep];
        reader.Seek(block.Start);
        while (reader.Position < block.End && reader.TryReadLine(out var line))
        {
            var step = block.StepIndex[Fields.Int(line, StepField)];
            if (step < window.FirstStep || step >= window.EndStep)
            {
                continue;
            }
            var rest = Fields.From(line, FirstMeasureField + window.FirstMeasure);
            var row = filled[step - window.FirstStep]++;
            for (var m = 0; m < width; m++)
            {
                var comma = rest.IndexOf((byte)',');
                var field = comma < 0 ? rest : rest[..comma];
                cells[(step - window.FirstStep) * width + m][row] = double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);
                rest = comma < 0 ? [] : rest[(comma + 1)..];
            }
        }
        Parallel.For(0, cells.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, c =>
        {
            var step = window.FirstStep + c / width;
            var measure = window.FirstMeasure + c % width;
            rows[step * measureCount + measure] = SummaryStatistics.Of(cells[c]);
        });
        return held;
    }

    private static void WriteDesignPoint(StreamWriter output, DesignPointBlock block, string[] measures, SummaryRow[] rows)
    {
        for (var s = 0; s < block.Steps.Count; s++)
        {
            var step = block.Steps[s];
            for (var m = 0; m < measures.Length; m++)
            {
                var r = rows[s * measures.Length + m];
                output.Write(string.Create(CultureInfo.InvariantCulture, $"{block.DesignPoint},{step.Step},{step.Year},{measures[m]},{r.N},"));
                output.Write(string.Join(",", Csv.Number(r.Mean), Csv.Number(r.Sd), Csv.Number(r.Q05), Csv.Number(r.Q50),
                    Csv.Number(r.Q95), Csv.Number(r.CiLow), Csv.Number(r.CiHigh)));
                output.Write('\n');
            }
        }
    }

    /// <summary>
    /// The arrays of one pass, used again by the next (the same lengths come back pass after pass): a pass allocates
    /// nothing new, so memory holds one pass's values and not a pass's worth of garbage besides.
    /// </summary>
    private sealed class CellPool
    {
        private readonly Dictionary<int, Stack<double[]>> _free = [];
        private readonly List<double[]> _rented = [];

        public double[] Rent(int length)
        {
            var array = _free.TryGetValue(length, out var stack) && stack.Count > 0 ? stack.Pop() : new double[length];
            _rented.Add(array);
            return array;
        }

        public void ReturnAll()
        {
            foreach (var array in _rented)
            {
                if (!_free.TryGetValue(array.Length, out var stack))
                {
                    _free[array.Length] = stack = new Stack<double[]>();
                }
                stack.Push(array);
            }
            _rented.Clear();
        }
    }

    private sealed record StepRows(int Step, string Year)
    {
        public int Count { get; set; }
    }

    /// <summary>The rows of one design point: where they are in the file and how many there are of each step.</summary>
    private sealed class DesignPointBlock
    {
        private DesignPointBlock(int designPoint, long start)
        {
            DesignPoint = designPoint;
            Start = start;
        }

        public int DesignPoint { get; }
        public long Start { get; }
        public long End { get; private set; }
        public long Rows { get; private set; }

        /// <summary>The steps present, in increasing order, with the year as written in their first row.</summary>
        public List<StepRows> Steps { get; } = [];

        public Dictionary<int, int> StepIndex { get; } = [];

        /// <summary>The block starting at <paramref name="start"/>, or null at the end of the file.</summary>
        public static DesignPointBlock? Scan(LineReader reader, long start)
        {
            reader.Seek(start);
            DesignPointBlock? block = null;
            var byStep = new SortedDictionary<int, StepRows>();
            var lineStart = reader.Position;
            while (reader.TryReadLine(out var line))
            {
                var designPoint = Fields.Int(line, 1);
                if (block is null)
                {
                    block = new DesignPointBlock(designPoint, lineStart);
                }
                else if (designPoint != block.DesignPoint)
                {
                    break;
                }
                var step = Fields.Int(line, StepField);
                if (!byStep.TryGetValue(step, out var rows))
                {
                    var year = Fields.From(line, YearField);
                    byStep[step] = rows = new StepRows(step, Encoding.UTF8.GetString(year[..year.IndexOf((byte)',')]));
                }
                rows.Count++;
                block.Rows++;
                lineStart = reader.Position;
            }
            if (block is null)
            {
                return null;
            }
            block.End = lineStart;
            foreach (var rows in byStep.Values)
            {
                block.StepIndex[rows.Step] = block.Steps.Count;
                block.Steps.Add(rows);
            }
            return block;
        }
    }

    /// <summary>Fields of a UTF-8 timeseries line, found by counting commas.</summary>
    private static class Fields
    {
        public static ReadOnlySpan<byte> From(ReadOnlySpan<byte> line, int index)
        {
            for (var i = 0; i < index; i++)
            {
                line = line[(line.IndexOf((byte)',') + 1)..];
            }
            return line;
        }

        public static int Int(ReadOnlySpan<byte> line, int index)
        {
            var field = From(line, index);
            var comma = field.IndexOf((byte)',');
            return int.Parse(comma < 0 ? field : field[..comma], NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }
}
