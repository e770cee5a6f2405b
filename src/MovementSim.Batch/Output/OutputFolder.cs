using System.Text.Json.Nodes;

namespace MovementSim.Batch;

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
