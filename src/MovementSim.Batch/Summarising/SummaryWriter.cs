using CsvHelper;

namespace MovementSim.Batch;

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
    /// <exception cref="InvalidDataException">A row of the file does not read as a timeseries row (the file is damaged).</exception>
    public static Effort Write(string timeseriesPath, string summaryPath, long memoryBudget = DefaultMemoryBudget, int jobs = 1)
    {
        using var reader = new LineReader(timeseriesPath);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{timeseriesPath} is empty");
        if (header.Split(',').Length <= TextBlock.FirstMeasureField)
        {
            throw new InvalidDataException($"{timeseriesPath} has no measure columns: it is not a timeseries.csv");
        }
        var measures = header.Split(',')[TextBlock.FirstMeasureField..];
        try
        {
            return Write(summaryPath, measures, TextBlock.All(reader), memoryBudget, jobs);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException or IndexOutOfRangeException or KeyNotFoundException)
        {
            // The text parser counts commas and parses in place for speed; a damaged row fails somewhere inside it.
            AtomicFile.DeleteTemp(summaryPath);
            throw new InvalidDataException($"{timeseriesPath} is damaged: a row does not read as design_point, step, year and {measures.Length} measures", e);
        }
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
                var rows = new Summary[block.Steps.Count * measures.Count];
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
    private static long Summarise(DesignPointValues block, Window window, int measureCount, Summary[] rows, int jobs, CellPool pool)
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
            rows[step * measureCount + measure] = Summary.SortingInPlace(cells[c]);
        });
        return held;
    }

    private static void WriteDesignPoint(CsvWriter output, DesignPointValues block, IReadOnlyList<string> measures, Summary[] rows)
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
}
