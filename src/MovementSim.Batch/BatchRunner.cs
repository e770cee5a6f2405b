using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>
/// Runs a batch into its output folder, resumably.
/// <para>
/// Each run writes its own small files in <c>.parts/</c> under temporary names and renames them when
/// complete (<see cref="PartFiles"/>): its timeseries rows, its values, its runs.csv and timing rows, or
/// only its failures.csv row when it throws; then, last, <c>&lt;id&gt;.check</c> with the length, SHA-256
/// and rows of each, which marks the run finished. Rename is atomic, so a killed batch leaves complete
/// parts or none, and running the same command again executes only the runs that have no <c>.check</c>
/// or whose files do not match it (those are reported). When every run is done the parts are concatenated
/// in run id order, so the result does not depend on completion order or --jobs; then summary.csv is
/// computed, manifest.json is written last (it lists every result file with its length and SHA-256, and
/// marks the folder complete) and the parts are deleted.
/// </para>
/// </summary>
public static class BatchRunner
{
    public static BatchOutcome Run(BatchRequest request, IBatchProgress? progress = null, CancellationToken cancel = default)
    {
        CheckJobs(request);
        var inputs = InputFiles.Describe(request.InputFiles);
        using var folder = OutputFolder.Open(request.OutputDirectory, PlanOf(request, inputs));
        return RunOpened(folder, request, inputs, progress, cancel);
    }

    /// <summary>
    /// Runs the batch into a folder its caller has already opened (locked, plan checked): the result folder of
    /// an analysis, whose plan names the analysis, runs at its end the batch the analysis settled on (the
    /// fitted point, the baseline). <see cref="BatchRequest.OutputDirectory"/> is not used. The batch must be
    /// a function of the folder's plan, or resuming would mix two batches.
    /// </summary>
    public static BatchOutcome RunIn(OutputFolder folder, BatchRequest request, IBatchProgress? progress = null, CancellationToken cancel = default)
    {
        CheckJobs(request);
        return RunOpened(folder, request, InputFiles.Describe(request.InputFiles), progress, cancel);
    }

    private static void CheckJobs(BatchRequest request)
    {
        if (request.Jobs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "--jobs must be at least 1");
        }
    }

    private static BatchOutcome RunOpened(OutputFolder folder, BatchRequest request, IReadOnlyList<InputFile> inputs,
        IBatchProgress? progress, CancellationToken cancel)
    {
        progress ??= NoProgress.Instance;
        var design = request.Design;
        var started = DateTimeOffset.UtcNow;
        var layout = new OutputLayout(request.Scenario, request.Counterfactual);
        var manifestPath = folder.PathOf(ResultFiles.Manifest);
        var parts = folder.PathOf(ResultFiles.Parts);
        var total = design.RunCountIn(request.Shard);

        if (File.Exists(manifestPath))
        {
            DeleteParts(parts, design.Runs(request.Shard));
            return new BatchOutcome(folder.Root, total, total, 0, ResultAssembler.CountFailures(folder), true);
        }

        Directory.CreateDirectory(parts);
        PartFiles.DeleteStaleTemporaries(parts);
        AtomicFile.WriteAllText(folder.PathOf(ResultFiles.Design), design.ToCsv());
        WriteSnapshot(request, inputs, folder);

        var expectedRows = new ExpectedRows(request);
        var inventory = PartsInventory.Take(parts, design.Runs(request.Shard), expectedRows.Of);
        var resumed = inventory.Finished.Count;
        progress.Started(total, resumed);
        var pending = design.Runs(request.Shard).Where(r => !inventory.Finished.Contains(r.RunId));
        var executed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Jobs, CancellationToken = cancel };
        try
        {
            Parallel.ForEach(Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering), options, run =>
            {
                var failed = !ExecuteOne(request, layout, parts, run, expectedRows.Of(run));
                Interlocked.Increment(ref executed);
                progress.RunFinished(run, failed);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Only the batch's own I/O errors get here (a run's exception is a recorded failure): report the first.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        progress.Assembling();
        var failures = ResultAssembler.AssembleFromParts(folder, layout, design.Runs(request.Shard));
        if (WritesSummary(request))
        {
            var finished = design.Runs(request.Shard).Where(r => File.Exists(PartFiles.Done(parts, r.RunId)))
                .Select(r => (r, PartFiles.Values(parts, r.RunId))).ToList();
            if (finished.All(f => File.Exists(f.Item2)))
            {
                SummaryWriter.WriteFromParts(finished, layout.MeasureNames, folder.PathOf(ResultFiles.Summary), request.SummaryMemoryBudget, request.Jobs);
            }
            else
            {
                // A run's values part is missing only when the folder was last resumed without a summary
                // (BatchRequest.WriteSummary, which the plan does not record): the same statistics from the text.
                SummaryWriter.Write(folder.PathOf(ResultFiles.Timeseries), folder.PathOf(ResultFiles.Summary), request.SummaryMemoryBudget, request.Jobs);
            }
        }
        var manifest = ResultManifest.Create(request.Scenario.Name, inputs, design, request.Shard, request.CommandLine,
            request.Jobs, (request.Executor as SimulationExecutor)?.Threads ?? 1, started, DateTimeOffset.UtcNow, folder.Resuming, total, failures)
            with { Counterfactual = request.Counterfactual ? true : null, Analysis = ResultManifest.AnalysisEntries(request.ManifestExtra), Files = ResultManifest.FilesOf(folder.Root) };
        AtomicFile.WriteAllText(manifestPath, manifest.ToText());
        DeleteParts(parts, design.Runs(request.Shard));
        return new BatchOutcome(folder.Root, total, resumed, executed, failures, false) { Repaired = inventory.Repaired };
    }

    private static bool WritesSummary(BatchRequest request) => request.Shard.IsWhole && request.WriteSummary;

    /// <summary>The plan's entry of a batch run with its counterfactual (absent otherwise).</summary>
    public const string CounterfactualKey = "counterfactual";

    /// <summary>The batch's identity for resume and merge checks (see <see cref="BatchPlan"/>).</summary>
    public static JsonObject PlanOf(BatchRequest request, IReadOnlyList<InputFile> inputs)
    {
        var design = request.Design;
        var parameters = new JsonObject();
        foreach (var spec in ParameterCatalog.All)
        {
            parameters[spec.Name] = spec.FormatOf(request.Scenario.Parameters);
        }
        var plan = new JsonObject
        {
            ["format"] = 1,
            ["scenario"] = request.Scenario.Name,
            ["scenario_sha256"] = Sha256(JsonSerializer.Serialize(request.Scenario)),
            ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode)new JsonObject { ["file"] = i.Name, ["sha256"] = i.Sha256 }).ToArray()),
            ["parameters"] = parameters,
            ["design_method"] = Design.MethodName(design.Method),
            ["design_sha256"] = Sha256(design.ToCsv()),
            ["design_points"] = design.Points.Count,
            ["replicates"] = design.Replicates,
            ["runs"] = design.RunCount,
            ["master_seed"] = design.RunSeed is null ? design.MasterSeed : null,
            ["run_seed"] = design.RunSeed,
            [BatchPlan.ShardKey] = request.Shard.ToString(),
        };
        if (design.CommonRandomNumbers)
        {
            // Only when set, so that plans of folders written before the option existed still match.
            plan["common_random_numbers"] = true;
        }
        if (request.Counterfactual)
        {
            plan[CounterfactualKey] = true;
        }
        return plan;
    }

    private static string Sha256(string text) =>
        FileDigest.Of(ResultFiles.Utf8.GetBytes(text)).Sha256;

    /// <returns>False if the run threw (it is then recorded as a failure).</returns>
    /// <param name="expectedRows">Timeseries rows the run must report (its steps + 1): fewer or more is a failed run.</param>
    private static bool ExecuteOne(BatchRequest request, OutputLayout layout, string parts, RunSpec run, int expectedRows)
    {
        var executor = request.Counterfactual ? new CounterfactualExecutor(request.Executor) : request.Executor;
        var scenario = request.Scenario with { Parameters = request.Design.ParametersOf(run.DesignPoint, request.Scenario.Parameters) };
        var tsPath = PartFiles.Timeseries(parts, run.RunId);
        var measureCount = layout.MeasureNames.Count;
        var last = new double[measureCount];
        // Kept for summary.csv, which then reads doubles instead of parsing timeseries.csv again.
        var keep = WritesSummary(request);
        var years = new double[keep ? scenario.Parameters.Steps + 1 : 0];
        var kept = new double[years.Length * measureCount];
        long writeTicks = 0;
        var steps = 0;
        var rows = 0;
        Exception? failure = null;
        var start = Stopwatch.GetTimestamp();
        using (var writer = AtomicFile.CreateCsv(tsPath))
        {
            try
            {
                executor.Execute(scenario, run.Seed, (step, year, values) =>
                {
                    if (values.Length != measureCount)
                    {
                        throw new InvalidOperationException($"the run reported {values.Length} measures, expected {measureCount}");
                    }
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        WriteHead(writer, run);
                        writer.WriteField(step);
                        writer.WriteField(year);
                        foreach (var v in values)
                        {
                            writer.WriteField(v);
                        }
                        writer.EndRecord();
                    }
                    catch (IOException e)
                    {
                        throw new OutputWriteException(e);
                    }
                    values.CopyTo(last);
                    if (keep)
                    {
                        if (step >= years.Length)
                        {
                            Array.Resize(ref years, Math.Max(step + 1, years.Length * 2));
                            Array.Resize(ref kept, years.Length * measureCount);
                        }
                        years[step] = year;
                        values.CopyTo(kept.AsSpan(step * measureCount));
                    }
                    steps = step;
                    writeTicks += Stopwatch.GetTimestamp() - t0;
                    rows++;
                });
                if (rows != expectedRows)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"the run reported {rows} steps, but its scenario has {expectedRows} (0 to {expectedRows - 1})"));
                }
            }
            catch (OutputWriteException)
            {
                throw;
            }
            catch (Exception e)
            {
                failure = e;
            }
        }
        var wallSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds - (double)writeTicks / Stopwatch.Frequency;
        if (failure is not null)
        {
            AtomicFile.DeleteTemp(tsPath);
            var error = $"{failure.GetType().FullName}: {failure.Message}".ReplaceLineEndings(" ");
            AtomicFile.WriteCsv(PartFiles.Failure(parts, run.RunId), w =>
            {
                WriteHead(w, run);
                w.WriteField(error);
                w.EndRecord();
            });
            PartFiles.WriteCheck(parts, run.RunId, [(PartFiles.Failure(parts, run.RunId), 1)]);
            return false;
        }
        AtomicFile.Commit(tsPath);
        var written = new List<(string, long)> { (tsPath, rows) };
        if (keep)
        {
            ValuesPart.Write(PartFiles.Values(parts, run.RunId), years.AsSpan(0, steps + 1), kept.AsSpan(0, (steps + 1) * measureCount), measureCount);
            written.Add((PartFiles.Values(parts, run.RunId), rows));
        }

        // Its runs.csv row, then its timing.csv row.
        AtomicFile.WriteCsv(PartFiles.Done(parts, run.RunId), w =>
        {
            WriteHead(w, run);
            foreach (var spec in ParameterCatalog.All)
            {
                w.WriteField(spec.FormatOf(scenario.Parameters));
            }
            foreach (var v in last)
            {
                w.WriteField(v);
            }
            w.WriteField((long)scenario.Parameters.People * steps);
            w.EndRecord();
            w.WriteField(run.RunId);
            w.WriteField(Math.Max(0, wallSeconds));
            w.EndRecord();
        }, CsvOutput.MixedRecords);
        written.Add((PartFiles.Done(parts, run.RunId), 2));
        PartFiles.WriteCheck(parts, run.RunId, written);
        return true;
    }

    /// <summary>The key fields that start every row of a run: run_id, design_point, replicate, seed.</summary>
    private static void WriteHead(CsvWriter writer, RunSpec run)
    {
        writer.WriteField(run.RunId);
        writer.WriteField(run.DesignPoint);
        writer.WriteField(run.Replicate);
        writer.WriteField(run.Seed);
    }

    /// <summary>
    /// Copies the inputs to scenario/ once: an earlier attempt's snapshot is kept as it is (the plan already checked that
    /// the inputs have not changed), so a resumed batch never deletes what a user put there.
    /// </summary>
    private static void WriteSnapshot(BatchRequest request, IReadOnlyList<InputFile> inputs, OutputFolder folder)
    {
        var target = folder.PathOf(ResultFiles.ScenarioSnapshot);
        if (Directory.Exists(target))
        {
            return;
        }
        var temp = folder.PathOf(ResultFiles.ScenarioSnapshot + ".tmp");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        Directory.CreateDirectory(temp);
        if (request.WriteSnapshot is not null)
        {
            request.WriteSnapshot(temp);
        }
        else
        {
            foreach (var input in inputs)
            {
                var destination = SafePath.Combine(temp, input.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(input.Path, destination, overwrite: true);
            }
        }
        Directory.Move(temp, target);
    }

    /// <summary>Deletes the runs' part files, then .parts/ if nothing else is in it.</summary>
    private static void DeleteParts(string parts, IEnumerable<RunSpec> runs)
    {
        if (!Directory.Exists(parts))
        {
            return;
        }
        foreach (var run in runs)
        {
            PartFiles.Delete(parts, run.RunId);
        }
        if (!Directory.EnumerateFileSystemEntries(parts).Any())
        {
            Directory.Delete(parts);
        }
    }
}

/// <summary>Writing a run's own output failed: the batch stops (a full disk is not a failed run).</summary>
public sealed class OutputWriteException(IOException inner) : IOException(inner.Message, inner);

/// <summary>Column headers of the result files for one scenario.</summary>
public sealed class OutputLayout
{
    /// <param name="counterfactual">The runs carry their counterfactual's columns (<see cref="CounterfactualColumns.Added"/>) after the measures.</param>
    public OutputLayout(ScenarioDefinition scenario, bool counterfactual = false)
    {
        var measures = new MeasureSet(scenario).Names;
        if (counterfactual && CounterfactualColumns.Added.FirstOrDefault(measures.Contains) is { } clash)
        {
            throw new ArgumentException($"the counterfactual's column '{clash}' is also a measure of the scenario: rename the component, alternative or group that makes it");
        }
        MeasureNames = counterfactual ? [.. measures, .. CounterfactualColumns.Added] : measures;
        TimeseriesHeader = CsvOutput.Line([.. RunKey, "step", "year", .. MeasureNames]);
        RunsHeader = CsvOutput.Line([.. RunKey, .. ParameterCatalog.All.Select(p => p.Name), .. MeasureNames.Select(m => "final_" + m), "agent_steps"]);
    }

    private static readonly string[] RunKey = ["run_id", "design_point", "replicate", "seed"];

    public static readonly string TimingHeader = CsvOutput.Line(["run_id", "wall_seconds"]);
    public static readonly string FailuresHeader = CsvOutput.Line([.. RunKey, "error"]);
    public static readonly string[] SummaryColumns = ["design_point", "step", "year", "measure", "n", "mean", "sd", "q05", "q50", "q95", "ci_low", "ci_high"];

    public IReadOnlyList<string> MeasureNames { get; }
    public string TimeseriesHeader { get; }
    public string RunsHeader { get; }
}

/// <summary>A file read to make a batch's scenario or design, and its name inside scenario/ (relative, may contain '/').</summary>
public sealed record InputSource(string Path, string Name);

/// <summary>An input file as hashed and snapshotted: where it was read, its name inside scenario/ and its SHA-256.</summary>
public sealed record InputFile(string Path, string Name, string Sha256);

public static class InputFiles
{
    /// <summary>Hashes the files; names must be distinct relative paths that stay inside the snapshot folder.</summary>
    public static IReadOnlyList<InputFile> Describe(IReadOnlyList<InputSource> sources)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<InputFile>();
        foreach (var source in sources)
        {
            SafePath.Combine(ResultFiles.ScenarioSnapshot, source.Name);
            if (!used.Add(source.Name))
            {
                throw new ArgumentException($"two input files are both named '{source.Name}'");
            }
            var full = System.IO.Path.GetFullPath(source.Path);
            result.Add(new InputFile(full, source.Name, FileDigest.Of(full).Sha256));
        }
        return result;
    }
}
