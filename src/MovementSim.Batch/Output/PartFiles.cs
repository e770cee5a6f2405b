using System.Globalization;
using System.Text;

namespace MovementSim.Batch;

/// <summary>What the parts of one run in <c>.parts/</c> say about it.</summary>
public enum PartStatus
{
    /// <summary>No file of the run: it has not started.</summary>
    Missing,

    /// <summary>Files without a <c>.check</c>: the run was interrupted (or written by a version without checksums).</summary>
    Unfinished,

    /// <summary>Finished: its timeseries, values and runs parts match their <c>.check</c>.</summary>
    Done,

    /// <summary>Finished by failing: its <c>.fail</c> matches its <c>.check</c>.</summary>
    Failed,

    /// <summary>A <c>.check</c> that its files do not match (truncated, emptied, deleted or changed after the run).</summary>
    Damaged,
}

/// <param name="Problem">For <see cref="PartStatus.Damaged"/>: what is wrong, naming the file.</param>
public readonly record struct PartState(PartStatus Status, string? Problem = null)
{
    public bool IsFinished => Status is PartStatus.Done or PartStatus.Failed;
}

/// <summary>
/// The per-run files in <c>.parts/</c>: <c>N.ts</c> (the run's timeseries rows), <c>N.bin</c> (its values for summary.csv,
/// <see cref="ValuesPart"/>) and <c>N.run</c> (its runs.csv row and timing row) for a finished run, or <c>N.fail</c> (its
/// failures.csv row) for a failed one; then, last, <c>N.check</c>: the length, SHA-256 and rows of each of those files.
/// <c>N.check</c> marks the run finished; a run whose files do not match it is run again. Every file is written under a
/// temporary name and renamed, so a kill leaves whole files or none.
/// </summary>
public static class PartFiles
{
    public const string CheckHeader = "file,bytes,sha256,rows";

    private static readonly string[] Extensions = ["ts", "bin", "run", "fail", "check"];

    public static string Timeseries(string parts, int runId) => Path.Combine(parts, Name(runId, "ts"));

    /// <summary>The run's measures as doubles, for summary.csv (<see cref="ValuesPart"/>).</summary>
    public static string Values(string parts, int runId) => Path.Combine(parts, Name(runId, "bin"));

    public static string Done(string parts, int runId) => Path.Combine(parts, Name(runId, "run"));

    public static string Failure(string parts, int runId) => Path.Combine(parts, Name(runId, "fail"));

    /// <summary>Whether a file is a finished run's check file (<c>N.check</c>).</summary>
    public static bool IsCheck(string path) => path.EndsWith(".check", StringComparison.Ordinal);

    public static string Check(string parts, int runId) => Path.Combine(parts, Name(runId, "check"));

    /// <summary>Writes <c>N.check</c> for files already in place, last of the run's files.</summary>
    /// <param name="files">Each file of the run (in <paramref name="parts"/>) and the rows it holds.</param>
    public static void WriteCheck(string parts, int runId, IEnumerable<(string Path, long Rows)> files)
    {
        var text = new StringBuilder(CheckHeader).Append('\n');
        foreach (var (path, rows) in files)
        {
            var digest = FileDigest.Of(path);
            text.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)},{digest.Bytes},{digest.Sha256},{rows}\n");
        }
        AtomicFile.WriteAllText(Check(parts, runId), text.ToString());
    }

    /// <summary>Reads a run's <c>.check</c> and compares every file it lists, and the timeseries rows with the plan's.</summary>
    /// <param name="expectedRows">The timeseries rows the run must have: its design point's steps + 1.</param>
    public static PartState Verify(string parts, int runId, long expectedRows)
    {
        var check = Check(parts, runId);
        if (!File.Exists(check))
        {
            return Extensions.Any(e => File.Exists(Path.Combine(parts, Name(runId, e))))
                ? new PartState(PartStatus.Unfinished)
                : new PartState(PartStatus.Missing);
        }
        var checkName = Name(runId, "check");
        var lines = File.ReadAllText(check, ResultFiles.Utf8).Split('\n');
        if (lines.Length < 3 || lines[0] != CheckHeader || lines[^1].Length != 0)
        {
            return Damaged($"{checkName} is damaged (it is not a whole list of files)");
        }
        var listed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines[1..^1])
        {
            var fields = line.Split(',');
            if (fields.Length != 4 || Extensions.All(e => fields[0] != Name(runId, e)) ||
                !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ||
                !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ||
                fields[2].Length != 64)
            {
                return Damaged($"{checkName} is damaged (a line does not read as file,bytes,sha256,rows)");
            }
            if (new FileDigest(bytes, fields[2]).Mismatch(Path.Combine(parts, fields[0]), fields[0], checkName) is { } problem)
            {
                return Damaged(problem);
            }
            listed[fields[0]] = rows;
        }
        if (listed.TryGetValue(Name(runId, "fail"), out var failRows))
        {
            return failRows == 1 ? new PartState(PartStatus.Failed) : Damaged($"{checkName} gives {Name(runId, "fail")} {failRows} rows, not 1");
        }
        if (!listed.TryGetValue(Name(runId, "run"), out var runRows) || !listed.TryGetValue(Name(runId, "ts"), out var tsRows))
        {
            return Damaged($"{checkName} lists neither a finished nor a failed run");
        }
        if (runRows != 2)
        {
            return Damaged($"{checkName} gives {Name(runId, "run")} {runRows} rows, not 2 (a runs.csv row and a timing.csv row)");
        }
        if (tsRows != expectedRows)
        {
            return Damaged(string.Create(CultureInfo.InvariantCulture,
                $"{Name(runId, "ts")} holds {tsRows} rows, but run {runId} has {expectedRows} steps (0 to {expectedRows - 1})"));
        }
        return new PartState(PartStatus.Done);
    }

    private static PartState Damaged(string problem) => new(PartStatus.Damaged, problem);

    /// <summary>Deletes the run's files and their temporary files (only those: .parts/ may hold other files).</summary>
    public static void Delete(string parts, int runId)
    {
        foreach (var e in Extensions)
        {
            var path = Path.Combine(parts, Name(runId, e));
            File.Delete(path);
            File.Delete(AtomicFile.TempOf(path));
        }
    }

    /// <summary>Deletes temporary part files a killed batch left (<c>N.ts.tmp</c> and the like; no other file).</summary>
    public static void DeleteStaleTemporaries(string parts)
    {
        foreach (var path in Directory.EnumerateFiles(parts, "*.tmp"))
        {
            var name = Path.GetFileName(path);
            var dot = name.IndexOf('.');
            if (dot > 0 && name[..dot].All(char.IsAsciiDigit) && Extensions.Any(e => name[dot..] == $".{e}.tmp"))
            {
                File.Delete(path);
            }
        }
    }

    private static string Name(int runId, string extension) => runId.ToString(CultureInfo.InvariantCulture) + "." + extension;
}
