using System.Globalization;
using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Analysis.Model;

/// <summary>What a <see cref="BatchModel"/> runs: a scenario, the parameters an analysis varies, and the batch settings.</summary>
public sealed record BatchModelSettings
{
    /// <summary>The scenario with --set applied; design points vary its <see cref="Parameters"/>.</summary>
    public required ScenarioDefinition Scenario { get; init; }

    public required IReadOnlyList<VariedParameter> Parameters { get; init; }

    public required int Replicates { get; init; }

    public required int MasterSeed { get; init; }

    /// <summary>Replicate r of every point gets the same seed (see <see cref="Design"/>); off, seeds also depend on the point.</summary>
    public bool CommonRandomNumbers { get; init; } = true;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The files the scenario was read from: hashed into every batch's plan and manifest.</summary>
    public IReadOnlyList<InputSource> Inputs { get; init; } = [];

    /// <summary>Writes the scenario snapshot of a batch folder (see <see cref="BatchRequest.WriteSnapshot"/>).</summary>
    public Action<string>? WriteSnapshot { get; init; }

    public string CommandLine { get; init; } = "";

    public IRunExecutor Executor { get; init; } = SimulationExecutor.Instance;
}

/// <summary>Some runs of a batch threw: the analysis cannot go on without their values.</summary>
public sealed class RunsFailedException(string folder, int failed, int total)
    : Exception($"{failed} of {total} runs failed (see {Path.Combine(folder, ResultFiles.Failures)}); failed runs are not retried on resume: fix the cause and use a new --out")
{
    public string Folder { get; } = folder;
    public int Failed { get; } = failed;
}

/// <summary>
/// The model as analyses see it, run through the batch engine: a list of points (one value per varied
/// parameter, in order) becomes an explicit design with <see cref="BatchModelSettings.Replicates"/> replicates,
/// run by <see cref="BatchRunner"/> into a folder (in parallel, streamed to disk, resumable by running the same
/// points into the same folder), then read back as replicate means of measures at given steps.
/// </summary>
public sealed class BatchModel(BatchModelSettings settings)
{
    public BatchModelSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public IReadOnlyList<VariedParameter> Parameters => Settings.Parameters;

    /// <summary>The values the model runs at a point (integer parameters rounded).</summary>
    public double[] ToModel(IReadOnlyList<double> point)
    {
        if (point.Count != Parameters.Count)
        {
            throw new ArgumentException($"point has {point.Count} coordinates for {Parameters.Count} parameters");
        }
        return Parameters.Select((p, i) => p.ToModel(point[i])).ToArray();
    }

    /// <summary>The scenario with the point's values put in.</summary>
    public ScenarioDefinition ScenarioAt(IReadOnlyList<double> point)
    {
        var values = ToModel(point);
        var p = Settings.Scenario.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            p = Parameters[i].Spec.Set(p, values[i]);
        }
        return Settings.Scenario with { Parameters = p };
    }

    public Design DesignOf(IReadOnlyList<double[]> points) =>
        Design.Explicit(Parameters.Select(p => p.Spec).ToArray(), points.Select(ToModel).ToArray(),
            Settings.Replicates, Settings.MasterSeed, Settings.CommonRandomNumbers);

    /// <summary>
    /// The batch of <paramref name="design"/> into <paramref name="folder"/>: without summary.csv, since the
    /// analysis reads replicates itself (a closing batch turns it back on).
    /// </summary>
    public BatchRequest RequestFor(Design design, string folder) => new()
    {
        Scenario = Settings.Scenario,
        Design = design,
        OutputDirectory = folder,
        InputFiles = Settings.Inputs,
        Jobs = Settings.Jobs,
        CommandLine = Settings.CommandLine,
        Executor = Settings.Executor,
        WriteSnapshot = Settings.WriteSnapshot,
        WriteSummary = false,
    };

    /// <summary>
    /// Runs the points as one batch in <paramref name="folder"/> and returns, per point, the replicate mean of
    /// each target. Running the same points into the same folder again resumes or reuses that batch.
    /// </summary>
    /// <exception cref="RunsFailedException">Some runs threw.</exception>
    public double[][] Run(IReadOnlyList<double[]> points, IReadOnlyList<MeasureAt> targets, string folder, IBatchProgress? progress = null)
    {
        var design = DesignOf(points);
        var outcome = BatchRunner.Run(RequestFor(design, folder), progress);
        if (!outcome.AllSucceeded)
        {
            throw new RunsFailedException(outcome.OutputDirectory, outcome.RunsFailed, outcome.RunsTotal);
        }
        return ReplicateMeans.Read(outcome.OutputDirectory, design.Points.Count, design.Replicates, targets,
            Settings.Scenario.Parameters.Steps);
    }
}

/// <summary>Replicate means of measures at steps, read back from a finished batch folder.</summary>
public static class ReplicateMeans
{
    /// <summary>
    /// [design point][target] means over replicates. Targets all at the final step are read from runs.csv
    /// (one row per run); others from timeseries.csv, streamed once, parsing only the rows at wanted steps.
    /// Sums run in run id order, so the means do not depend on how the batch was executed.
    /// </summary>
    public static double[][] Read(string folder, int points, int replicates, IReadOnlyList<MeasureAt> targets, int finalStep)
    {
        var sums = new double[points][];
        var counts = new int[points][];
        for (var i = 0; i < points; i++)
        {
            sums[i] = new double[targets.Count];
            counts[i] = new int[targets.Count];
        }
        if (targets.All(t => t.Step == finalStep))
        {
            ReadRuns(Path.Combine(folder, ResultFiles.Runs), targets, sums, counts);
        }
        else
        {
            ReadTimeseries(Path.Combine(folder, ResultFiles.Timeseries), targets, sums, counts);
        }
        for (var i = 0; i < points; i++)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                if (counts[i][t] != replicates)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"{folder}: design point {i} has {counts[i][t]} values of {targets[t].Measure} at step {targets[t].Step}, expected {replicates} (one per replicate)"));
                }
                sums[i][t] /= replicates;
            }
        }
        return sums;
    }

    private static void ReadRuns(string path, IReadOnlyList<MeasureAt> targets, double[][] sums, int[][] counts)
    {
        using var reader = new LineReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty")).Split(',');
        var designPoint = Column(header, "design_point", path);
        var columns = targets.Select(t => Column(header, "final_" + t.Measure, path)).ToArray();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            var dp = int.Parse(fields[designPoint], NumberStyles.None, CultureInfo.InvariantCulture);
            for (var t = 0; t < columns.Length; t++)
            {
                sums[dp][t] += double.Parse(fields[columns[t]], NumberStyles.Float, CultureInfo.InvariantCulture);
                counts[dp][t]++;
            }
        }
    }

    private static void ReadTimeseries(string path, IReadOnlyList<MeasureAt> targets, double[][] sums, int[][] counts)
    {
        using var reader = new LineReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty")).Split(',');
        var designPoint = Column(header, "design_point", path);
        var stepColumn = Column(header, "step", path);
        var columns = targets.Select(t => Column(header, t.Measure, path)).ToArray();
        var byStep = Enumerable.Range(0, targets.Count).GroupBy(t => targets[t].Step).ToDictionary(g => g.Key, g => g.ToArray());
        while (reader.ReadLine() is { } line)
        {
            if (!byStep.TryGetValue(FieldAsInt(line, stepColumn), out var wanted))
            {
                continue;
            }
            var fields = line.Split(',');
            var dp = int.Parse(fields[designPoint], NumberStyles.None, CultureInfo.InvariantCulture);
            foreach (var t in wanted)
            {
                sums[dp][t] += double.Parse(fields[columns[t]], NumberStyles.Float, CultureInfo.InvariantCulture);
                counts[dp][t]++;
            }
        }
    }

    private static int Column(string[] header, string name, string path)
    {
        var i = Array.IndexOf(header, name);
        return i >= 0 ? i : throw new InvalidDataException($"{path} has no column '{name}'");
    }

    /// <summary>The integer in field <paramref name="index"/> of a line without quoted fields, without splitting the line.</summary>
    private static int FieldAsInt(string line, int index)
    {
        var start = 0;
        for (var f = 0; f < index; f++)
        {
            start = line.IndexOf(',', start) + 1;
        }
        var end = line.IndexOf(',', start);
        return int.Parse(line.AsSpan(start, (end < 0 ? line.Length : end) - start), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
