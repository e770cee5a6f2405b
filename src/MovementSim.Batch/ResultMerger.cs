using System.Globalization;
using System.Text.Json.Nodes;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>The shard folders given to merge do not form one batch.</summary>
public sealed class MergeException(string message) : Exception(message);

public sealed record MergeOutcome(string OutputDirectory, int Runs, int RunsFailed, bool WasAlreadyComplete)
{
    public bool AllSucceeded => RunsFailed == 0;
}

/// <summary>
/// Joins the folders of shards 0/N .. N-1/N of one batch into one result, identical byte for byte
/// in timeseries.csv, runs.csv, design.csv, failures.csv and summary.csv to the same batch run unsharded:
/// each shard's rows are already in run id order, so a streaming k-way merge on run id restores
/// the order of the whole. Refuses shards of different batches, missing or repeated shards, shards that
/// have not finished, and shards whose files do not match the lengths and SHA-256 their manifest.json lists
/// (<see cref="ShardCheck"/>), before anything is written. While merging it checks the rows against the
/// plan: each shard holds only its own runs, each run once, each finished run its steps + 1 timeseries rows,
/// every row as many fields as its header. Everything is written under temporary names and renamed at the
/// end, so a merge that fails leaves no result behind.
/// </summary>
public static class ResultMerger
{
    public static MergeOutcome Merge(IReadOnlyList<string> shardFolders, string outputDirectory, string commandLine = "",
        IBatchProgress? progress = null, long summaryMemoryBudget = SummaryWriter.DefaultMemoryBudget)
    {
        progress ??= NoProgress.Instance;
        var started = DateTimeOffset.UtcNow;
        var shards = ReadShards(shardFolders);
        var first = shards[0];
        var plan = BatchPlan.WithoutShard(first.Plan);
        var runs = (int)plan["runs"]!;

        // The Slurm layout merges into the folder that holds slurm/ and shards/.
        using var folder = OutputFolder.Open(outputDirectory, plan, tolerated: [SlurmScripts.Folder, SlurmScripts.ShardsFolder]);
        var manifestPath = folder.PathOf(ResultFiles.Manifest);
        if (File.Exists(manifestPath))
        {
            return new MergeOutcome(folder.Root, runs, ResultAssembler.CountFailures(folder), true);
        }
        progress.Started(runs, runs);
        progress.Assembling();
        var dirs = shards.Select(s => s.Folder).ToArray();
        using var outputs = new ResultAssembler.Outputs(folder);
        var finished = new RowCheck.FinishedRuns();
        var done = MergeRows(dirs, ResultFiles.Runs, outputs.Runs, required: true, RowCheck.RunsRows(finished));
        MergeRows(dirs, ResultFiles.Timeseries, outputs.Timeseries, required: true, RowCheck.TimeseriesRows(finished));
        MergeRows(dirs, ResultFiles.Timing, outputs.Timing, required: true, RowCheck.OneRowPerRun());
        var failed = 0;
        if (dirs.Any(d => File.Exists(Path.Combine(d, ResultFiles.Failures))))
        {
            failed = MergeRows(dirs, ResultFiles.Failures, outputs.OpenFailures(), required: false, RowCheck.OneRowPerRun(countFields: false));
        }
        finished.CheckAllHaveTimeseries();
        if (done + failed != runs)
        {
            throw new MergeException($"the shards hold {done} finished and {failed} failed runs, but the batch has {runs}: a shard folder is damaged");
        }
        outputs.Timeseries.Close();
        var summary = folder.PathOf(ResultFiles.Summary);
        SummaryWriter.Write(outputs.Timeseries.TempPath, summary, summaryMemoryBudget, Environment.ProcessorCount);
        File.Copy(Path.Combine(first.Folder, ResultFiles.Design), AtomicFile.TempOf(folder.PathOf(ResultFiles.Design)), overwrite: true);
        var snapshot = CopySnapshot(first.Folder, folder);
        outputs.Commit();
        AtomicFile.Commit(folder.PathOf(ResultFiles.Design));
        snapshot();

        var manifest = first.Manifest with
        {
            Version = ProgramInfo.Version,
            GitCommit = ProgramInfo.GitCommit,
            Runs = runs,
            RunsFailed = failed,
            Shard = null,
            CommandLine = commandLine,
            Jobs = null,
            ThreadsPerRun = null,
            Started = ResultManifest.Time(started),
            Finished = ResultManifest.Time(DateTimeOffset.UtcNow),
            Resumed = false,
            MergedFrom = shards.Select(s => new MergedShard(s.Folder, s.Shard.ToString(), s.Manifest.CommandLine, s.Manifest.Started, s.Manifest.Finished)).ToArray(),
            Files = ResultManifest.FilesOf(folder.Root),
        };
        AtomicFile.WriteAllText(manifestPath, manifest.ToText());
        return new MergeOutcome(folder.Root, runs, failed, false);
    }

    private sealed record ShardFolder(string Folder, Shard Shard, JsonObject Plan, ResultManifest Manifest);

    private static List<ShardFolder> ReadShards(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0)
        {
            throw new MergeException("give at least one shard folder to merge");
        }
        var shards = new List<ShardFolder>();
        foreach (var f in folders)
        {
            var dir = Path.GetFullPath(f);
            var planPath = Path.Combine(dir, ResultFiles.Plan);
            var manifestPath = Path.Combine(dir, ResultFiles.Manifest);
            if (!Directory.Exists(dir))
            {
                throw new MergeException($"{dir} does not exist");
            }
            if (!File.Exists(planPath))
            {
                throw new MergeException($"{dir} is not a MovementSim batch folder (it has no {ResultFiles.Plan})");
            }
            if (!File.Exists(manifestPath))
            {
                throw new MergeException($"{dir} is not finished (it has no {ResultFiles.Manifest}): run its batch command again to complete it");
            }
            JsonObject plan;
            ResultManifest manifest;
            try
            {
                plan = BatchPlan.Read(planPath);
                manifest = ResultManifest.Read(manifestPath);
            }
            catch (Exception e) when (e is OutputFolderException or InvalidDataException)
            {
                throw new MergeException(e.Message);
            }
            var shardText = (string?)plan[BatchPlan.ShardKey] ?? "";
            if (!Shard.TryParse(shardText, out var shard, out _))
            {
                throw new MergeException($"{dir}: its plan names no valid shard ('{Echo.Value(shardText)}')");
            }
            ShardCheck.Verify(dir, plan, shard, manifest);
            shards.Add(new ShardFolder(dir, shard, plan, manifest));
        }
        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            var differences = BatchPlan.Differences(first.Plan, other.Plan, BatchPlan.ShardKey);
            if (differences.Count > 0)
            {
                throw new MergeException($"{first.Folder} and {other.Folder} are shards of different batches ({string.Join("; ", differences)}): merge only shards of one command");
            }
            if (!File.ReadAllBytes(Path.Combine(first.Folder, ResultFiles.Design)).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(other.Folder, ResultFiles.Design))))
            {
                throw new MergeException($"{first.Folder} and {other.Folder} have different designs ({ResultFiles.Design} differs)");
            }
        }
        var count = first.Shard.Count;
        if (shards.Any(s => s.Shard.Count != count))
        {
            throw new MergeException("the shards were cut into different numbers of parts: " +
                string.Join(", ", shards.Select(s => $"{s.Folder} is {s.Shard}")));
        }
        var repeated = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new MergeException($"shard {repeated.Key}/{count} is given twice: {string.Join(" and ", repeated.Select(s => s.Folder))}");
        }
        var missing = Enumerable.Range(0, count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new MergeException($"shards {string.Join(", ", missing.Select(k => $"{k}/{count}"))} are missing: merge needs all {count} shards");
        }
        return shards.OrderBy(s => s.Shard.Index).ToList();
    }

    /// <summary>
    /// K-way merge of row files on their leading run id, each row checked by <paramref name="check"/>; returns the number of
    /// distinct run ids written. Shard folder i (in shard order) may only hold runs whose id modulo N is i.
    /// </summary>
    private static int MergeRows(IReadOnlyList<string> dirs, string name, ResultAssembler.Sink sink, bool required, RowCheck check)
    {
        var readers = new List<(LineReader Reader, string Path, int Shard)>();
        try
        {
            string? header = null;
            var heads = new List<string?>();
            var lines = new List<long>();
            for (var d = 0; d < dirs.Count; d++)
            {
                var path = Path.Combine(dirs[d], name);
                if (!File.Exists(path))
                {
                    if (required)
                    {
                        throw new MergeException($"{dirs[d]} has no {name}");
                    }
                    continue;
                }
                var reader = new LineReader(path);
                readers.Add((reader, path, d));
                var h = reader.ReadLine();
                if (header is null)
                {
                    header = h;
                    check.Header(h ?? "", path);
                }
                else if (h != header)
                {
                    throw new MergeException($"{path} has different columns from the other shards' {name}");
                }
                heads.Add(reader.ReadLine());
                lines.Add(2);
            }
            if (header is null)
            {
                return 0;
            }
            sink.Write(header + "\n");
            var lastId = -1;
            var distinct = 0;
            var lastSource = -1;
            var ids = new int?[heads.Count];
            while (true)
            {
                var best = -1;
                var bestId = int.MaxValue;
                for (var i = 0; i < heads.Count; i++)
                {
                    if (heads[i] is { } line)
                    {
                        var id = ids[i] ??= LeadingRunId(line, readers[i].Path, lines[i]);
                        if (id < bestId)
                        {
                            bestId = id;
                            best = i;
                        }
                    }
                }
                if (best < 0)
                {
                    return distinct;
                }
                var (reader, source, shard) = readers[best];
                var where = string.Create(CultureInfo.InvariantCulture, $"{source}:{lines[best]}");
                if (bestId % dirs.Count != shard)
                {
                    throw new MergeException($"{where}: run {bestId.ToString(CultureInfo.InvariantCulture)} does not belong to shard {shard}/{dirs.Count}");
                }
                if (bestId < lastId || (bestId == lastId && best != lastSource))
                {
                    throw new MergeException($"{where}: run {bestId.ToString(CultureInfo.InvariantCulture)} appears in more than one shard or out of order in {name}");
                }
                check.Row(bestId, bestId == lastId, heads[best]!, source, lines[best]);
                if (bestId != lastId)
                {
                    distinct++;
                }
                lastId = bestId;
                lastSource = best;
                sink.Write(heads[best] + "\n");
                heads[best] = reader.ReadLine();
                ids[best] = null;
                lines[best]++;
            }
        }
        finally
        {
            foreach (var r in readers)
            {
                r.Reader.Dispose();
            }
        }
    }

    private static int LeadingRunId(string line, string path, long lineNumber) =>
        Csv.TryLeadingInt(line, out var id, out var head)
            ? id
            : throw new MergeException(string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}: the row does not start with a run id ('{Echo.Value(head.ToString())}')"));

    /// <summary>Copies the shard's scenario/ to scenario.tmp/ in the result; returns the action that puts it in place.</summary>
    private static Action CopySnapshot(string from, OutputFolder folder)
    {
        var source = Path.Combine(from, ResultFiles.ScenarioSnapshot);
        var target = folder.PathOf(ResultFiles.ScenarioSnapshot);
        if (Directory.Exists(target))
        {
            // An earlier attempt of this merge put it in place: the plan says it is the same; keep it as it is.
            return () => { };
        }
        var temp = folder.PathOf(ResultFiles.ScenarioSnapshot + ".tmp");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        Directory.CreateDirectory(temp);
        if (Directory.Exists(source))
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var destination = SafePath.Combine(temp, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
        }
        return () => Directory.Move(temp, target);
    }
}
