using System.Text.Json.Nodes;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>
/// An output folder held for the life of a batch. Opening it takes an exclusive lock on <c>.lock</c>
/// (FileShare.None, which .NET maps to an OS lock that dies with the process, kill -9 included),
/// then checks the folder's plan: the same plan resumes, a different one is refused, a folder with
/// other content and no plan is refused. A refused folder is left as it was found (no <c>.lock</c>, no
/// folder created). Disposed before its manifest.json was written (the command failed or was stopped), it
/// deletes the temporary files it may have left, and when it was new and nothing resumable was written,
/// everything it created, so that a failed command leaves no half-written result behind.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly FileStream _lock;
    private readonly bool _createdRoot;
    private readonly IReadOnlyCollection<string> _tolerated;
    private bool _kept;

    private OutputFolder(string root, FileStream lockStream, bool resuming, bool createdRoot, IReadOnlyCollection<string> tolerated)
    {
        Root = root;
        _lock = lockStream;
        Resuming = resuming;
        _createdRoot = createdRoot;
        _tolerated = tolerated;
    }

    public string Root { get; }

    /// <summary>The folder already held this batch's plan: finished runs are kept.</summary>
    public bool Resuming { get; }

    /// <param name="plan">The batch's identity; compared with the folder's (see <see cref="BatchPlan"/>).</param>
    /// <param name="tolerated">Entries allowed in a folder without a plan (besides the lock file).</param>
    /// <exception cref="OutputFolderException">The folder is in use, holds another batch or other files, or its path cannot be used.</exception>
    /// <exception cref="IOException">The folder cannot be created or written (read-only, permission denied, disk full).</exception>
    public static OutputFolder Open(string path, JsonObject plan, IReadOnlyCollection<string>? tolerated = null)
    {
        tolerated ??= [];
        if (Echo.FirstControl(path) is { } control)
        {
            throw new OutputFolderException($"the output folder '{Echo.Value(path)}' has {Echo.Describe(control)} in its name: choose a name without control characters");
        }
        string root;
        try
        {
            root = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputFolderException($"'{Echo.Value(path)}' is not a usable folder path: {e.Message}");
        }
        if (File.Exists(root))
        {
            throw new OutputFolderException($"{root} is a file: give a folder as --out");
        }
        var createdRoot = !Directory.Exists(root);
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the output folder {root}: {e.Message}", e);
        }
        var lockPath = Path.Combine(root, ResultFiles.Lock);
        var createdLock = !File.Exists(lockPath);
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IoErrors.IsLockHeld(e))
        {
            throw new OutputFolderException($"another batch is writing to {root} (its {ResultFiles.Lock} is locked): wait for it to finish or choose another --out");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(root, createdRoot, null);
            throw new IOException($"cannot write in the output folder {root}: {e.Message}", e);
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
                    .Where(n => n != ResultFiles.Lock && !tolerated.Contains(n!))
                    .Take(3).ToList();
                if (others.Count > 0)
                {
                    throw new OutputFolderException(
                        $"{root} is not empty and holds no MovementSim batch (it has {string.Join(", ", others.Select(o => Echo.Value(o!)))}): choose another --out");
                }
                AtomicFile.WriteAllText(planPath, BatchPlan.ToText(plan));
            }
            return new OutputFolder(root, lockStream, resuming, createdRoot, tolerated);
        }
        catch
        {
            lockStream.Dispose();
            RemoveCreated(root, createdRoot, createdLock ? lockPath : null);
            AtomicFile.DeleteTemp(Path.Combine(root, ResultFiles.Plan));
            throw;
        }
    }

    /// <summary>A path inside the folder; throws if <paramref name="relative"/> would leave it.</summary>
    public string PathOf(string relative) => SafePath.Combine(Root, relative);

    /// <summary>Keep the folder as it is when disposed without a manifest (a Slurm submission: the merge job will finish it).</summary>
    public void Keep() => _kept = true;

    public void Dispose()
    {
        _lock.Dispose();
        if (_kept || File.Exists(Path.Combine(Root, ResultFiles.Manifest)))
        {
            return;
        }
        try
        {
            Abandon();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning up after a failure is best effort: the failure itself is what the user must see.
        }
    }

    /// <summary>
    /// The command ended without a result: delete the temporary files of result files; and when this command made the
    /// folder's plan and nothing resumable is in it (no finished run part, no finished batch below), everything it wrote.
    /// </summary>
    private void Abandon()
    {
        foreach (var name in ResultFiles.Verified.Append(ResultFiles.Manifest).Append(ResultFiles.Plan))
        {
            AtomicFile.DeleteTemp(Path.Combine(Root, name));
        }
        var parts = Path.Combine(Root, ResultFiles.Parts);
        if (Directory.Exists(parts))
        {
            PartFiles.DeleteStaleTemporaries(parts);
        }
        var snapshotTemp = Path.Combine(Root, ResultFiles.ScenarioSnapshot + ".tmp");
        if (Directory.Exists(snapshotTemp))
        {
            Directory.Delete(snapshotTemp, recursive: true);
        }
        if (Resuming || HoldsProgress())
        {
            return;
        }
        // New in this command, so every entry but the tolerated ones was written by it.
        foreach (var entry in Directory.EnumerateFileSystemEntries(Root).ToList())
        {
            if (_tolerated.Contains(Path.GetFileName(entry)))
            {
                continue;
            }
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
        RemoveCreated(Root, _createdRoot, null);
    }

    /// <summary>A finished run's part (<c>.check</c>) or a finished batch (manifest.json) anywhere below the folder: work a repeated command reuses.</summary>
    private bool HoldsProgress() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Any(f => PartFiles.IsCheck(f) || Path.GetFileName(f) == ResultFiles.Manifest);

    private static void RemoveCreated(string root, bool createdRoot, string? createdLock)
    {
        try
        {
            if (createdLock is not null)
            {
                File.Delete(createdLock);
            }
            if (createdRoot && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, as above.
        }
    }
}
