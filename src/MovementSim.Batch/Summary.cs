using System.Globalization;
using System.Text;
using CsvHelper;
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
/// Writes summary.csv: for each design point, step and measure, the statistics of its replicates. The values
/// come from timeseries.csv (a merge) or from the binary parts a batch writes beside it (the same doubles,
/// without parsing text). One design point is summarised at a time, in passes: each pass reads the design
/// point's values again and keeps only a window of measures (and, when one measure alone would not fit, of
/// steps), one array per step and measure. The values held at once never exceed the memory budget, so memory
/// does not grow with the number of replicates, design points or steps; a bigger design point only costs more passes.
/// </summary>
public static class SummaryWriter
{
    /// <summary>
    /// Doubles held at once (2 M doubles = 16 MB). A design point of 200 replicates × 101 steps × 62 measures fits in
    /// one pass; one of 2,000 replicates takes seven.
    /// </summary>
    public const long DefaultMemoryBudget = 2_000_000;

    /// <summary>What writing one summary took: passes over the design points' values, and the most values held at once.</summary>
    public readonly record struct Effort(int Passes, long MostValuesHeld);

    /// <summary>summary.csv from timeseries.csv, whose rows are ordered by run id and so grouped by design point.</summary>
    /// <param name="jobs">Threads computing the statistics of a pass (the output does not depend on it).</param>
    public static Effort Write(string timeseriesPath, string summaryPath, long memoryBudget = DefaultMemoryBudget, int jobs = 1)
    {
        using var reader = new LineReader(timeseriesPath);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{timeseriesPath} is empty");
        var measures = header.Split(',')[TextBlock.FirstMeasureField..];
        return Write(summaryPath, measures, TextBlock.All(reader), memoryBudget, jobs);
    }

    /// <summary>summary.csv from the binary parts (<see cref="ValuesPart"/>) of the finished runs, in run-id order.</summary>
    public static Effort WriteFromParts(IEnumerable<(RunSpec Run, string Path)> finished, IReadOnlyList<string> measures, string summaryPath,
        long memoryBudget = DefaultMemoryBudget, int jobs = 1) =>
        Write(summaryPath, measures, PartsBlock.All(finished, measures.Count), memoryBudget, jobs);

    private static Effort Write(string summaryPath, IReadOnlyList<string> measures, IEnumerable<DesignPointValues> designPoints,
        long memoryBudget, int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBudget, 1);
        var passes = 0;
        long mostHeld = 0;
        var pool = new CellPool();
        using (var output = AtomicFile.CreateCsv(summaryPath))
        {
            output.WriteHeader(OutputLayout.SummaryColumns);
            foreach (var block in designPoints)
            {
                var rows = new SummaryRow[block.Steps.Count * measures.Count];
                foreach (var window in Windows(block, measures.Count, memoryBudget))
                {
                    mostHeld = Math.Max(mostHeld, Summarise(block, window, measures.Count, rows, jobs, pool));
                    passes++;
                }
                WriteDesignPoint(output, block, measures, rows);
            }
        }
        AtomicFile.Commit(summaryPath);
        return new Effort(passes, mostHeld);
    }

    private static IEnumerable<Window> Windows(DesignPointValues block, int measureCount, long budget)
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
    private static long Summarise(DesignPointValues block, Window window, int measureCount, SummaryRow[] rows, int jobs, CellPool pool)
    {
        pool.ReturnAll();
        var width = window.Width;
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
        block.Fill(window, cells);
        Parallel.For(0, cells.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, c =>
        {
            var step = window.FirstStep + c / width;
            var measure = window.FirstMeasure + c % width;
            rows[step * measureCount + measure] = SummaryStatistics.Of(cells[c]);
        });
        return held;
    }

    private static void WriteDesignPoint(CsvWriter output, DesignPointValues block, IReadOnlyList<string> measures, SummaryRow[] rows)
    {
        for (var s = 0; s < block.Steps.Count; s++)
        {
            var step = block.Steps[s];
            for (var m = 0; m < measures.Count; m++)
            {
                var r = rows[s * measures.Count + m];
                output.WriteField(block.DesignPoint);
                output.WriteField(step.Step);
                output.WriteField(step.Year);
                output.WriteField(measures[m]);
                output.WriteField(r.N);
                output.WriteField(r.Mean);
                output.WriteField(r.Sd);
                output.WriteField(r.Q05);
                output.WriteField(r.Q50);
                output.WriteField(r.Q95);
                output.WriteField(r.CiLow);
                output.WriteField(r.CiHigh);
                output.EndRecord();
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
}

/// <summary>Steps [FirstStep, EndStep) (indices into a design point's steps) × measures [FirstMeasure, EndMeasure).</summary>
internal readonly record struct Window(int FirstStep, int EndStep, int FirstMeasure, int EndMeasure)
{
    public int Width => EndMeasure - FirstMeasure;
}

internal sealed record StepRows(int Step, string Year)
{
    public int Count { get; set; }
}

/// <summary>The replicates' values of one design point, however they are stored.</summary>
internal abstract class DesignPointValues(int designPoint)
{
    public int DesignPoint { get; } = designPoint;

    /// <summary>The steps present, in increasing order, with the year as written in timeseries.csv and the number of rows.</summary>
    public List<StepRows> Steps { get; } = [];

    public long Rows => Steps.Sum(s => (long)s.Count);

    /// <summary>
    /// Fills cell [(step - FirstStep) × width + (measure - FirstMeasure)] with that step's and measure's value of
    /// every row, rows in run-id order.
    /// </summary>
    public abstract void Fill(Window window, double[][] cells);
}

/// <summary>One design point's rows of timeseries.csv: where they are in the file and how many there are of each step.</summary>
internal sealed class TextBlock : DesignPointValues
{
    public const int StepField = 4;
    public const int YearField = 5;
    public const int FirstMeasureField = 6;

    private readonly LineReader _reader;
    private readonly Dictionary<int, int> _stepIndex = [];

    private TextBlock(LineReader reader, int designPoint, long start) : base(designPoint)
    {
        _reader = reader;
        Start = start;
    }

    public long Start { get; }
    public long End { get; private set; }

    /// <summary>The design points of the file, the reader standing at the first data line.</summary>
    public static IEnumerable<TextBlock> All(LineReader reader)
    {
        var block = Scan(reader, reader.Position);
        while (block is not null)
        {
            yield return block;
            block = Scan(reader, block.End);
        }
    }

    public override void Fill(Window window, double[][] cells)
    {
        var width = window.Width;
        var filled = new int[window.EndStep - window.FirstStep];
        _reader.Seek(Start);
        while (_reader.Position < End && _reader.TryReadLine(out var line))
        {
            var step = _stepIndex[Fields.Int(line, StepField)];
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
    }

    /// <summary>The block starting at <paramref name="start"/>, or null at the end of the file.</summary>
    private static TextBlock? Scan(LineReader reader, long start)
    {
        reader.Seek(start);
        TextBlock? block = null;
        var byStep = new SortedDictionary<int, StepRows>();
        var lineStart = reader.Position;
        while (reader.TryReadLine(out var line))
        {
            var designPoint = Fields.Int(line, 1);
            if (block is null)
            {
                block = new TextBlock(reader, designPoint, lineStart);
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
            lineStart = reader.Position;
        }
        if (block is null)
        {
            return null;
        }
        block.End = lineStart;
        foreach (var rows in byStep.Values)
        {
            block._stepIndex[rows.Step] = block.Steps.Count;
            block.Steps.Add(rows);
        }
        return block;
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

/// <summary>One design point's finished runs as binary parts: every run reports the same steps.</summary>
internal sealed class PartsBlock : DesignPointValues
{
    private readonly List<string> _paths = [];
    private readonly int _measures;

    private PartsBlock(int designPoint, int measures) : base(designPoint)
    {
        _measures = measures;
    }

    public static IEnumerable<PartsBlock> All(IEnumerable<(RunSpec Run, string Path)> finished, int measures)
    {
        PartsBlock? block = null;
        foreach (var (run, path) in finished)
        {
            if (block is not null && block.DesignPoint != run.DesignPoint)
            {
                yield return block;
                block = null;
            }
            if (block is null)
            {
                block = new PartsBlock(run.DesignPoint, measures);
                foreach (var (step, year) in ValuesPart.ReadYears(path, measures).Select((y, s) => (s, y)))
                {
                    block.Steps.Add(new StepRows(step, Csv.Number(year)));
                }
            }
            block._paths.Add(path);
            foreach (var step in block.Steps)
            {
                step.Count++;
            }
        }
        if (block is not null)
        {
            yield return block;
        }
    }

    public override void Fill(Window window, double[][] cells)
    {
        var width = window.Width;
        var steps = window.EndStep - window.FirstStep;
        var buffer = new double[steps];
        for (var row = 0; row < _paths.Count; row++)
        {
            using var file = File.OpenHandle(_paths[row]);
            for (var m = 0; m < width; m++)
            {
                ValuesPart.Read(file, Steps.Count, _measures, window.FirstMeasure + m, window.FirstStep, buffer);
                for (var s = 0; s < steps; s++)
                {
                    cells[s * width + m][row] = buffer[s];
                }
            }
        }
    }
}

/// <summary>
/// A run's measures as doubles, measure by measure, for summary.csv (in .parts/, deleted with them): an int32 number of
/// steps reported S, an int32 number of measures M, then S years, then S values of each measure in turn; little-endian.
/// </summary>
public static class ValuesPart
{
    private const int HeaderBytes = 8;

    /// <param name="values">Step-major: step s, measure m at [s × measures + m]; years[s] the year of step s.</param>
    public static void Write(string path, ReadOnlySpan<double> years, ReadOnlySpan<double> values, int measures)
    {
        var steps = years.Length;
        var data = new double[steps * (measures + 1)];
        years.CopyTo(data);
        for (var s = 0; s < steps; s++)
        {
            for (var m = 0; m < measures; m++)
            {
                data[steps * (m + 1) + s] = values[s * measures + m];
            }
        }
        using (var stream = new FileStream(AtomicFile.TempOf(path), FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            Span<int> header = [steps, measures];
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(header));
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        }
        AtomicFile.Commit(path);
    }

    public static double[] ReadYears(string path, int measures)
    {
        using var file = File.OpenHandle(path);
        Span<int> header = stackalloc int[2];
        RandomAccess.Read(file, System.Runtime.InteropServices.MemoryMarshal.AsBytes(header), 0);
        if (header[1] != measures)
        {
            throw new InvalidDataException($"{path} holds {header[1]} measures, expected {measures}");
        }
        var years = new double[header[0]];
        Read(file, header[0], measures, -1, 0, years);
        return years;
    }

    /// <summary>Steps [firstStep, firstStep + into.Length) of a measure (-1: the years).</summary>
    public static void Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, int steps, int measures, int measure, int firstStep, Span<double> into)
    {
        var offset = HeaderBytes + ((long)(measure + 1) * steps + firstStep) * sizeof(double);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(into);
        while (bytes.Length > 0)
        {
            var read = RandomAccess.Read(file, bytes, offset);
            if (read == 0)
            {
                throw new InvalidDataException("a values part is shorter than its header says");
            }
            bytes = bytes[read..];
            offset += read;
        }
    }
}
