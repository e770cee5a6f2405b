using System.Globalization;
using System.Text.Json.Nodes;

namespace MovementSim.Batch;

/// <summary>
/// A finished shard folder checked before merge reads it: its manifest.json must list every result file with its length
/// and SHA-256, every file must match (a file cut short, emptied, deleted or changed is named), and its run count must be
/// the plan's for that shard.
/// </summary>
internal static class ShardCheck
{
    private static readonly string[] Required = [ResultFiles.Design, ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Timing];

    /// <exception cref="MergeException">What is wrong, naming the file.</exception>
    public static void Verify(string dir, JsonObject plan, Shard shard, ResultManifest manifest)
    {
        var manifestPath = Path.Combine(dir, ResultFiles.Manifest);
        if (manifest.Files is not { } files)
        {
            throw new MergeException($"{manifestPath} lists no lengths and checksums of the shard's files (an older movementsim wrote it), " +
                "so the shard cannot be verified: run its batch command again into a new folder");
        }
        var listed = files.ToDictionary(f => f.File, StringComparer.Ordinal);
        var missing = Required.Where(r => !listed.ContainsKey(r))
            .Concat(File.Exists(Path.Combine(dir, ResultFiles.Failures)) && !listed.ContainsKey(ResultFiles.Failures) ? [ResultFiles.Failures] : [])
            .ToList();
        if (missing.Count > 0)
        {
            throw new MergeException($"{manifestPath} does not list {string.Join(", ", missing)}: the shard is damaged");
        }
        foreach (var file in files)
        {
            string path;
            try
            {
                path = SafePath.Combine(dir, file.File);
            }
            catch (ArgumentException e)
            {
                throw new MergeException($"{manifestPath} is damaged: {e.Message}");
            }
            if (file.Digest.Mismatch(path, path, manifestPath) is { } problem)
            {
                throw new MergeException(problem + ": the shard is damaged; run its batch command again into a new folder");
            }
        }
        var runs = (int?)plan["runs"] ?? 0;
        var expected = shard.RunsOf(runs);
        if (manifest.Runs != expected || (manifest.Shard ?? Shard.Whole.ToString()) != shard.ToString())
        {
            throw new MergeException(string.Create(CultureInfo.InvariantCulture,
                $"{manifestPath} says shard {manifest.Shard} of {manifest.Runs} runs, but its plan makes it shard {shard} of {expected} runs: the shard is damaged"));
        }
    }
}
