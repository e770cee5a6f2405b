namespace MovementSim.Explore;

/// <summary>
/// Watches the CSV files of a scenario's folders (the scenario and its bases) and says which one was written, created,
/// deleted or renamed. A spreadsheet saves in several steps (a temporary file, a rename, several writes): every step is
/// reported, and the session's debounce makes one rerun of them.
/// </summary>
public sealed class ScenarioWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public ScenarioWatcher(IEnumerable<string> folders, Action<string> changed)
    {
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            void Report(string? path)
            {
                if (path is not null && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    changed(path);
                }
            }
            watcher.Changed += (_, e) => Report(e.FullPath);
            watcher.Created += (_, e) => Report(e.FullPath);
            watcher.Deleted += (_, e) => Report(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Report(e.FullPath);
                Report(e.OldFullPath);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }
    }
}
