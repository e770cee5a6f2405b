using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>The names of everything MovementSim writes into a result folder (see results/README.md).</summary>
public static class ResultFiles
{
    public const string Timeseries = "timeseries.csv";
    public const string Runs = "runs.csv";
    public const string Summary = "summary.csv";
    public const string Design = "design.csv";
    public const string Failures = "failures.csv";
    public const string Timing = "timing.csv";
    public const string Manifest = "manifest.json";
    public const string ScenarioSnapshot = "scenario";

    // Written by Reporting (plot, report), named here with the rest so that every reader and writer agrees.
    public const string Charts = "charts";
    public const string Report = "report.html";

    // Written by the analyses (sensitivity, calibrate), read by the report: one name for writer and reader.
    public const string Indices = "indices.csv";
    public const string Fit = "fit.csv";
    public const string Observed = ObservedFile.Name;
    public const string Calibration = "calibration.json";

    /// <summary>Finished runs waiting to be assembled: one small file per run (see <see cref="BatchRunner"/>).</summary>
    public const string Parts = ".parts";

    /// <summary>Held with an exclusive OS lock for the life of a batch; the OS drops it when the process dies.</summary>
    public const string Lock = ".lock";

    /// <summary>What batch this folder holds, so that a repeated command resumes it and a different one is refused.</summary>
    public const string Plan = ".plan.json";

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}

/// <summary>The output folder cannot be used: locked by another batch, or holding something else.</summary>
public sealed class OutputFolderException(string message) : Exception(message);

/// <summary>
/// An output folder held for the life of a batch. Opening it takes an exclusive lock on <c>.lock</c>
/// (FileShare.None, which .NET maps to an OS lock that dies with the process, kill -9 included),
/// then checks the folder's plan: the same plan resumes, a different one is refused, a folder with
/// other content and no plan is refused.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly FileStream _lock;

    private OutputFolder(string root, FileStream lockStream, bool resuming)
    {
        Root = root;
        _lock = lockStream;
        Resuming = resuming;
    }

    public string Root { get; }

    /// <summary>The folder already held this batch's plan: finished runs are kept.</summary>
    public bool Resuming { get; }

    /// <param name="plan">The batch's identity; compared with the folder's (see <see cref="BatchPlan"/>).</param>
    /// <param name="tolerated">Entries allowed in a folder without a plan (besides the lock file).</param>
    public static OutputFolder Open(string path, JsonObject plan, IReadOnlyCollection<string>? tolerated = null)
    {
        var root = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"cannot create the output folder {root}: {e.Message}");
        }
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(Path.Combine(root, ResultFiles.Lock), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new OutputFolderException($"another batch is writing to {root} (its {ResultFiles.Lock} is locked): wait for it to finish or choose another --out");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputFolderException($"cannot lock the output folder {root}: {e.Message}");
        }
        try
        {
            var planPath = Path.Combine(root, ResultFiles.Plan);
            var resuming = false;
            if (File.Exists(planPath))
            {
                var existing = BatchPlan.Read(planPath);
                var differences = BatchPlan.Differences(existing, plan);
                if (differences.Count > 0)
                {
                    throw new OutputFolderException(
                        $"{root} holds a different batch ({string.Join("; ", differences)}): repeat that batch's command to resume it, or choose another --out");
                }
                resuming = true;
            }
            else
            {
                var others = Directory.EnumerateFileSystemEntries(root)
                    .Select(Path.GetFileName)
                    .Where(n => n != ResultFiles.Lock && !(tolerated?.Contains(n!) ?? false))
                    .Take(3).ToList();
                if (others.Count > 0)
                {
                    throw new OutputFolderException(
                        $"{root} is not empty and holds no MovementSim batch (it has {string.Join(", ", others)}): choose another --out");
                }
                AtomicFile.WriteAllText(planPath, BatchPlan.ToText(plan));
            }
            return new OutputFolder(root, lockStream, resuming);
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>A path inside the folder; throws if <paramref name="relative"/> would leave it.</summary>
    public string PathOf(string relative) => SafePath.Combine(Root, relative);

    public void Dispose() => _lock.Dispose();
}

/// <summary>Joins paths so that no name, however written, escapes its root folder.</summary>
public static class SafePath
{
    public static string Combine(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root);
        if (Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"'{relative}' is not a relative path inside {fullRoot}");
        }
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        var prefix = Path.EndsInDirectorySeparator(fullRoot) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relative}' leads outside {fullRoot}");
        }
        return full;
    }
}

/// <summary>Files written under a temporary name and renamed when complete, so a reader never sees half a file.</summary>
public static class AtomicFile
{
    public static string TempOf(string path) => path + ".tmp";

    public static void WriteAllText(string path, string text)
    {
        var temp = TempOf(path);
        File.WriteAllText(temp, text, ResultFiles.Utf8);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A CSV writer (<see cref="CsvOutput"/>) on the temporary file; call <see cref="Commit"/> after disposing it.</summary>
    public static CsvWriter CreateCsv(string path, CsvWriterOptions? options = null) => CsvOutput.ToFile(TempOf(path), options);

    /// <summary>Writes the CSV records of <paramref name="write"/> under the temporary name, then renames the file.</summary>
    public static void WriteCsv(string path, Action<CsvWriter> write, CsvWriterOptions? options = null)
    {
        using (var writer = CreateCsv(path, options))
        {
            write(writer);
        }
        Commit(path);
    }

    public static void Commit(string path) => File.Move(TempOf(path), path, overwrite: true);

    public static void DeleteTemp(string path)
    {
        try
        {
            File.Delete(TempOf(path));
        }
        catch (IOException)
        {
            // Best effort: a stale temporary file is ignored and overwritten by the next attempt.
        }
    }
}

/// <summary>
/// A batch's identity: everything that decides its output bytes (scenario inputs by SHA-256, the
/// effective parameters, the design, seeds, replicates, shard) and nothing that does not (--jobs,
/// times, the output path). Kept as <c>.plan.json</c> in the output folder.
/// </summary>
public static class BatchPlan
{
    public const string ShardKey = "shard";

    public static JsonObject Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new OutputFolderException($"{path} is not a batch plan");
        }
        catch (JsonException e)
        {
            throw new OutputFolderException($"{path} is damaged ({e.Message}): choose another --out");
        }
    }

    public static string ToText(JsonObject plan) =>
        plan.ToJsonString(JsonText.Options) + "\n";

    /// <summary>Keys whose values differ, as "key: old vs new", ignoring <paramref name="ignore"/>.</summary>
    public static IReadOnlyList<string> Differences(JsonObject a, JsonObject b, params string[] ignore)
    {
        var keys = a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)).Where(k => !ignore.Contains(k));
        var result = new List<string>();
        foreach (var key in keys)
        {
            var va = a[key]?.ToJsonString() ?? "null";
            var vb = b[key]?.ToJsonString() ?? "null";
            if (va != vb)
            {
                result.Add(va.Length + vb.Length <= 80 ? $"{key}: {va} vs {vb}" : $"{key} differs");
            }
        }
        return result;
    }

    public static JsonObject WithoutShard(JsonObject plan)
    {
        var copy = (JsonObject)plan.DeepClone();
        copy[ShardKey] = Shard.Whole.ToString();
        return copy;
    }
}
