using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MovementSim.Batch;

/// <summary>
/// A batch cut into shards for Slurm: a job array with one task per shard, each running
/// <c>movementsim batch ... --shard K/N --out OUT/shards/K</c>, and a job that depends on the whole
/// array (afterany, so it also runs when a shard reports failed runs) and merges the shards into OUT.
/// </summary>
/// <param name="Command">How to start movementsim on the cluster, e.g. ["dotnet", "/opt/movementsim/movementsim.dll"].</param>
/// <param name="BatchArguments">The batch's arguments without --out, --shard, --jobs and the Slurm options; paths absolute.</param>
/// <param name="CpusPerTask">Cores per shard, passed on as --jobs.</param>
public sealed record SlurmJob(
    string OutputDirectory,
    int Shards,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> BatchArguments,
    string JobName,
    int CpusPerTask = 1)
{
    /// <summary>The movementsim command each array task runs with --shard (robustness runs its sampled worlds this way).</summary>
    public string Subcommand { get; init; } = "batch";

    /// <summary>What the job after the array runs instead of merging the shards into OUT (robustness merges and analyses them itself); null: merge.</summary>
    public IReadOnlyList<string>? FinalArguments { get; init; }
}

public sealed record SlurmSubmission(string ArrayScript, string MergeScript, string? ArrayJobId, string? MergeJobId);

public static class SlurmScripts
{
    public const string Folder = "slurm";
    public const string ShardsFolder = "shards";
    public const string ArrayScriptName = "shards.sbatch";
    public const string MergeScriptName = "merge.sbatch";

    public static string ShardFolder(string outputDirectory, int shard) =>
        Path.Combine(Path.GetFullPath(outputDirectory), ShardsFolder, shard.ToString(CultureInfo.InvariantCulture));

    public static string ArrayScript(SlurmJob job)
    {
        var output = Path.GetFullPath(job.OutputDirectory);
        var command = string.Join(" ", job.Command.Select(Quote));
        var args = string.Join(" ", job.BatchArguments.Select(Quote));
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name={JobName(job.JobName)}\n");
        sb.Append($"#SBATCH --array=0-{job.Shards - 1}\n");
        sb.Append($"#SBATCH --cpus-per-task={job.CpusPerTask}\n");
        sb.Append($"#SBATCH --output={SbatchPath(Path.Combine(output, Folder), "shard-%a.log")}\n");
        sb.Append("# Written by movementsim batch --slurm: one array task per shard of the batch.\n");
        sb.Append("# Partition, account and time limit: set SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_TIMELIMIT\n");
        sb.Append("# before sbatch, or add #SBATCH lines here. Without Slurm: SLURM_ARRAY_TASK_ID=K bash this-script.\n");
        sb.Append("set -euo pipefail\n");
        sb.Append("shard=\"${SLURM_ARRAY_TASK_ID:?set SLURM_ARRAY_TASK_ID to the shard number}\"\n");
        sb.Append($"exec {command} {job.Subcommand} {args} --shard \"$shard/{job.Shards}\" --out {Quote(Path.Combine(output, ShardsFolder))}/\"$shard\" --jobs \"${{SLURM_CPUS_PER_TASK:-{job.CpusPerTask}}}\" --quiet\n");
        return sb.ToString();
    }

    public static string MergeScript(SlurmJob job)
    {
        var output = Path.GetFullPath(job.OutputDirectory);
        var command = string.Join(" ", job.Command.Select(Quote));
        var shards = string.Join(" ", Enumerable.Range(0, job.Shards).Select(k => Quote(ShardFolder(output, k))));
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name={JobName(job.JobName)}-merge\n");
        sb.Append("#SBATCH --cpus-per-task=1\n");
        sb.Append($"#SBATCH --output={SbatchPath(Path.Combine(output, Folder), "merge.log")}\n");
        sb.Append("# Written by movementsim batch --slurm: joins the shards into one result (then charts and report).\n");
        sb.Append("set -euo pipefail\n");
        sb.Append(job.FinalArguments is { } final
            ? $"exec {command} {string.Join(" ", final.Select(Quote))}\n"
            : $"exec {command} merge {shards} --out {Quote(output)} --quiet\n");
        return sb.ToString();
    }

    /// <summary>Writes both scripts into OUT/slurm/ and returns their paths.</summary>
    /// <exception cref="ArgumentException">A word of the job cannot be written into a script safely (see <see cref="Problem"/>).</exception>
    public static (string ArrayScript, string MergeScript) Write(SlurmJob job)
    {
        if (job.Shards < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(job), "--shards must be at least 1");
        }
        var unsafeWord = job.Command.Concat(job.BatchArguments).Append(job.JobName).Select(w => Problem(w))
            .Append(Problem(Path.GetFullPath(job.OutputDirectory), logFolder: true)).FirstOrDefault(p => p is not null);
        if (unsafeWord is not null)
        {
            throw new ArgumentException(unsafeWord);
        }
        var folder = Path.Combine(Path.GetFullPath(job.OutputDirectory), Folder);
        Directory.CreateDirectory(folder);
        var array = Path.Combine(folder, ArrayScriptName);
        var merge = Path.Combine(folder, MergeScriptName);
        AtomicFile.WriteAllText(array, ArrayScript(job));
        AtomicFile.WriteAllText(merge, MergeScript(job));
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(array, Executable);
            File.SetUnixFileMode(merge, Executable);
        }
        return (array, merge);
    }

    /// <summary>Writes the scripts and submits them with sbatch: the array, then the merge depending on it.</summary>
    /// <exception cref="InvalidOperationException">sbatch is missing or refused a script (its message included).</exception>
    public static SlurmSubmission Submit(SlurmJob job, string sbatch = "sbatch")
    {
        var (array, merge) = Write(job);
        var arrayId = RunSbatch(sbatch, ["--parsable", array]);
        var mergeId = RunSbatch(sbatch, ["--parsable", $"--dependency=afterany:{arrayId}", merge]);
        return new SlurmSubmission(array, merge, arrayId, mergeId);
    }

    private static string RunSbatch(string sbatch, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(sbatch)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {sbatch}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not run {sbatch} ({e.Message}): is Slurm installed here? Use --dry-run to only write the scripts");
        }
        using (process)
        {
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var stdout = stdoutTask.Result.Trim();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{sbatch} {string.Join(" ", arguments)} failed (exit {process.ExitCode}): {stderr.Trim()}");
            }
            // --parsable prints "jobid" or "jobid;cluster".
            return stdout.Split(';')[0].Trim();
        }
    }

    /// <summary>
    /// Why <paramref name="word"/> cannot go into a generated script, or null when it can. A control character (a newline
    /// above all) would end a line of the script, and the next line would run as a command; a backslash in a log path turns
    /// off Slurm's %a in file names. Everything else is quoted: for bash in the command line, for Slurm in #SBATCH lines.
    /// </summary>
    /// <param name="logFolder">The word is the output folder, which the #SBATCH --output lines name.</param>
    public static string? Problem(string word, bool logFolder = false)
    {
        if (Scenarios.Echo.FirstControl(word) is { } c)
        {
            return $"'{Scenarios.Echo.Value(word)}' has {Scenarios.Echo.Describe(c)}: a Slurm script cannot hold it safely; rename the folder or choose another --out";
        }
        return logFolder && word.Contains('\\', StringComparison.Ordinal)
            ? $"'{Scenarios.Echo.Value(word)}' has a backslash, which Slurm reads as an escape in the script's log paths: rename the folder or choose another --out"
            : null;
    }

    /// <summary>A Slurm job name of letters, digits, '.', '_' and '-' only: the name is a label, so anything else becomes '_'.</summary>
    public static string JobName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());

    /// <summary>
    /// <paramref name="folder"/>/<paramref name="pattern"/> as one word of an #SBATCH line: in double quotes with '"' and '\'
    /// escaped (sbatch's own reading of such lines: quotes group, a backslash escapes, an unquoted '#' starts a comment),
    /// and '%' in the folder doubled so that Slurm's file name patterns (%a, %j) apply only to <paramref name="pattern"/>.
    /// </summary>
    public static string SbatchPath(string folder, string pattern)
    {
        var escaped = folder.Replace("%", "%%", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"\"{escaped}/{pattern}\"";
    }

    /// <summary>Quotes a word for bash only when it needs it.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)))
        {
            return word;
        }
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
