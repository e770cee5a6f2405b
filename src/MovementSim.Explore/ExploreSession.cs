using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MovementSim.Core;
using MovementSim.Reporting;
using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>
/// One exploration of one scenario: the scenario as it was when explore started (the unchanged one, previewed once),
/// the parameter changes made on the page, and the reruns of the scenario as it now is (its files on disk plus those
/// changes) against it. Every change, on the page or in a CSV file of the scenario, schedules a rerun; a newer change
/// cancels the rerun in progress. A rerun that succeeds publishes new charts and headlines; one that cannot load the
/// scenario publishes the loader's messages and keeps the last good charts. Nothing a user does can make it throw:
/// every failure becomes a message on the page.
/// </summary>
public sealed class ExploreSession : IDisposable
{
    /// <summary>What the page's changes are called where the loader would say "--set".</summary>
    public const string PageSource = "this page";

    private const string UnchangedFolder = "unchanged";

    private readonly ExploreSettings _settings;
    private readonly TextWriter _log;
    private readonly ScenarioLoadResult _startLoad;
    private readonly string _sessionFolder;
    private readonly object _gate = new();

    /// <summary>One preview runs or draws at a time: a cancelled one finishes its current run before the next starts,
    /// rather than both sharing the cores.</summary>
    private readonly SemaphoreSlim _runGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, string> _changes = new(StringComparer.Ordinal);
    private Baseline _baseline;
    private ScenarioWatcher? _watcher;
    private CancellationTokenSource? _current;
    /// <summary>Reruns not yet finished: the current one, and cancelled ones finishing their current run.</summary>
    private readonly List<Task> _reruns = [];
    private long _requested;
    private long _version;
    private PageState _state;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ScenarioLoadResult _lastValid;
    private readonly ShownRerun _shown = new();
    private bool _disposed;

    private ExploreSession(ExploreSettings settings, TextWriter log, ScenarioLoadResult unchanged, string sessionFolder)
    {
        _settings = settings;
        _log = TextWriter.Synchronized(log);
        _startLoad = unchanged;
        _lastValid = unchanged;
        _baseline = new Baseline(unchanged, Preview.Scaled(unchanged.Scenario!, settings.PreviewPeople),
            Task.FromException<Preview>(new InvalidOperationException("the session has not started")), Baseline.AtStart);
        _sessionFolder = sessionFolder;
        _state = new PageState(0, unchanged.Scenario!.Name, settings.ScenarioFolder, PageStatus.Running,
            $"running the scenario as it is ({Preview.Words(unchanged.Scenario!, settings)})", [], Preview.Note(unchanged.Scenario!, settings),
            unchanged.Chain.Select(Shown).ToList(), ParameterRows.Of(unchanged, unchanged, settings.ScenarioRanges(unchanged).Ranges, [], applied: true), 0, null, null, [], null,
            Baseline.AtStart);
    }

    /// <summary>The scenario folders whose CSV files are watched: the scenario and its bases.</summary>
    public IReadOnlyList<string> WatchedFolders => _startLoad.Chain;

    /// <summary>Where this session writes its previews (deleted when it ends).</summary>
    public string SessionFolder => _sessionFolder;

    /// <summary>
    /// Loads the scenario and names the session's folder under the results root (made by <see cref="Start"/>); null, with the loader's messages,
    /// when the scenario does not load: the unchanged scenario is what every change is compared with, so it must be valid.
    /// </summary>
    public static ExploreSession? Open(ExploreSettings settings, TextWriter log, out IReadOnlyList<string> errors)
    {
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            errors = problems;
            return null;
        }
        var loaded = ScenarioLoader.Load(settings.ScenarioFolder);
        if (!loaded.IsValid)
        {
            errors = loaded.Errors.Select(e => e.ToString()).ToList();
            return null;
        }
        var session = SessionFolders.New(settings.ResultsRoot, loaded.Scenario!.Name);
        errors = [];
        return new ExploreSession(settings, log, loaded, session);
    }

    /// <summary>Makes the session's folder, previews the unchanged scenario and starts watching its files.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Directory.CreateDirectory(_sessionFolder);
            var previewed = _baseline.Previewed;
            _baseline = _baseline with { Preview = Task.Run(() => RunGated(previewed, Path.Combine(_sessionFolder, UnchangedFolder), _stopping.Token)) };
            _watcher = new ScenarioWatcher(_startLoad.Chain, path => Schedule($"{Path.GetFileName(path)} changed on disk"));
        }
        Schedule("starting");
    }

    /// <summary>The page as it is now.</summary>
    public PageState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The first state after version <paramref name="after"/>: at once when there is one, else when one is
    /// published or <paramref name="timeout"/> passes (then the current one).</summary>
    public async Task<PageState> NextState(long after, TimeSpan timeout, CancellationToken cancel)
    {
        Task published;
        lock (_gate)
        {
            if (_state.Version > after)
            {
                return _state;
            }
            published = _published.Task;
        }
        try
        {
            await published.WaitAsync(timeout, cancel);
        }
        catch (TimeoutException)
        {
        }
        return State;
    }

    /// <summary>Sets a parameter on the page (null or empty: back to the value in the files) and schedules a rerun.
    /// Returns why not when the parameter does not exist; a bad value is reported by the rerun, as the loader words it.</summary>
    public string? SetParameter(string? name, string? value)
    {
        var spec = string.IsNullOrWhiteSpace(name) ? null : ParameterCatalog.Find(name);
        if (spec is null)
        {
            return $"unknown parameter '{Echo.Value(name ?? "")}': the page lists every parameter (describe does too)";
        }
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                _changes.Remove(spec.Name);
            }
            else
            {
                _changes[spec.Name] = value.Trim();
            }
        }
        Schedule($"{spec.Name} changed on this page");
        return null;
    }

    /// <summary>Undoes every change made on the page (changes to files stay).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _changes.Clear();
        }
        Schedule("changes on this page undone");
    }

    /// <summary>
    /// Makes the scenario shown (its files and the page's changes, as its charts show it) what later changes are
    /// compared with, reusing its preview; returns why not while a rerun is running or the scenario does not load.
    /// </summary>
    public string? MakeBaseline()
    {
        lock (_gate)
        {
            if (_state.Status != PageStatus.Ready || _shown.Scenario is not { } shown)
            {
                return "wait until the charts show the scenario as it now is (a rerun is running, or the scenario does not load)";
            }
            if (_baseline.Preview.IsCompletedSuccessfully && ReferenceEquals(shown.Preview, _baseline.Preview.Result))
            {
                return "the scenario shown is already the baseline";
            }
            _baseline = new Baseline(shown.Load, Preview.Scaled(shown.Load.Scenario!, _settings.PreviewPeople), Task.FromResult(shown.Preview),
                Baseline.WordsFor(shown.Changes, DateTime.Now));
            _shown.KeepFolder();
        }
        Schedule("the scenario shown is the new baseline");
        return null;
    }

    /// <summary>Writes the scenario as changed (at full size) as a variant folder beside it; see <see cref="VariantSaver"/>.</summary>
    public SaveResult SaveAs(string? name)
    {
        if (VariantSaver.NameProblem(name) is { } problem)
        {
            return SaveResult.Refused(problem);
        }
        var loaded = ScenarioLoader.Load(_settings.ScenarioFolder, Changes());
        if (!loaded.IsValid)
        {
            return SaveResult.Refused("the scenario as changed does not load: fix the problems shown first");
        }
        var result = VariantSaver.Save(_settings.ScenarioFolder, loaded.Scenario!, name);
        if (result.Saved)
        {
            _log.WriteLine(result.Message);
        }
        return result;
    }

    /// <summary>The PNG of a chart of a published rerun (the one shown or the one before, which a page may still be loading).</summary>
    public byte[]? Chart(long number, string name)
    {
        lock (_gate)
        {
            return _shown.Png(number, name);
        }
    }

    private List<(string Name, string Value)> Changes()
    {
        lock (_gate)
        {
            // Catalog order, so that the loader reports problems in the order the page lists the parameters.
            return ParameterCatalog.All.Where(s => _changes.ContainsKey(s.Name)).Select(s => (s.Name, _changes[s.Name])).ToList();
        }
    }

    private void Schedule(string why)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _current?.Cancel();
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            _current = cancel;
            var number = ++_requested;
            var changes = Changes();
            var started = Stopwatch.GetTimestamp();
            Publish(_state with { Status = PageStatus.Running, Message = $"{why}: rerunning ({Preview.Words(_lastValid.Scenario!, _settings)})" });
            _reruns.RemoveAll(t => t.IsCompleted);
            var baseline = _baseline;
            _reruns.Add(Task.Run(() => Rerun(number, changes, baseline, started, cancel)));
        }
    }

    private async Task Rerun(long number, List<(string Name, string Value)> changes, Baseline baseline, long started, CancellationTokenSource cancelSource)
    {
        var cancel = cancelSource.Token;
        string? folder = null;
        var kept = false;
        try
        {
            await Task.Delay(_settings.Debounce, cancel);
            var loaded = ScenarioLoader.Load(_settings.ScenarioFolder, changes);
            if (!loaded.IsValid)
            {
                // The page's values as typed, over the files as they are when those load by themselves.
                var files = changes.Count == 0 ? loaded : ScenarioLoader.Load(_settings.ScenarioFolder);
                var basis = files.IsValid ? files : _lastValid;
                PublishIfNewest(number, s => s with
                {
                    Status = PageStatus.Invalid,
                    Message = "the scenario as it now is does not load; the charts are from the last version that did",
                    Errors = loaded.Errors.Select(ParameterRows.ErrorText(changes)).ToList(),
                    Parameters = ParameterRows.Of(baseline.Load, basis, _settings.ScenarioRanges(basis).Ranges, changes, applied: false),
                });
                return;
            }
            var unchanged = await baseline.Preview.WaitAsync(cancel);
            var scenario = Preview.Scaled(loaded.Scenario!, _settings.PreviewPeople);
            Preview changed;
            IReadOnlyList<ChartImage> images;
            await _runGate.WaitAsync(cancel);
            try
            {
                if (JsonSerializer.Serialize(scenario) == baseline.Json)
                {
                    changed = unchanged;
                }
                else
                {
                    folder = Path.Combine(_sessionFolder, $"changed-{number}");
                    changed = Preview.Run(scenario, _settings, folder, cancel);
                }
                var drawn = new List<ChartImage>();
                foreach (var image in ChangeCharts.Render(changed.Results, unchanged.Results))
                {
                    cancel.ThrowIfCancellationRequested();
                    drawn.Add(image);
                }
                images = drawn;
            }
            finally
            {
                _runGate.Release();
            }
            kept = PublishResult(number, loaded, changes, baseline, changed, unchanged, images, folder, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // A newer change (or the end of the session) took over.
        }
        catch (Exception e)
        {
            // Never let a rerun take the server down: whatever went wrong is shown on the page.
            PublishIfNewest(number, s => s with
            {
                Status = PageStatus.Failed,
                Message = "the rerun failed; the charts are from the last one that did not",
                Errors = [e is PreviewException or IOException or UnauthorizedAccessException or ResultFolderException ? e.Message : $"{e.GetType().Name}: {e.Message}"],
            });
        }
        finally
        {
            if (!kept && folder is not null)
            {
                SessionFolders.Delete(folder);
            }
            lock (_gate)
            {
                // Once it is no longer the current one, nobody cancels it any more.
                if (_current == cancelSource)
                {
                    _current = null;
                }
            }
            cancelSource.Dispose();
        }
    }

    private Preview RunGated(ScenarioDefinition scenario, string folder, CancellationToken cancel)
    {
        _runGate.Wait(cancel);
        try
        {
            return Preview.Run(scenario, _settings, folder, cancel);
        }
        finally
        {
            _runGate.Release();
        }
    }

    /// <returns>Whether the rerun was published (it was still the newest) and so its folder is kept.</returns>
    private bool PublishResult(long number, ScenarioLoadResult loaded, List<(string Name, string Value)> changes, Baseline baseline, Preview changed, Preview unchanged,
        IReadOnlyList<ChartImage> images, string? folder, double seconds)
    {
        string? superseded;
        lock (_gate)
        {
            if (number != _requested || _disposed)
            {
                return false;
            }
            superseded = _shown.Show(number, images, folder, changed, loaded, changes);
            var ranges = _settings.ScenarioRanges(loaded);
            _lastValid = loaded;
            Publish(_state with
            {
                Status = PageStatus.Ready,
                Message = ReferenceEquals(changed, unchanged)
                    ? $"the scenario is the baseline ({baseline.Words}): change a parameter here, or save a CSV file of the scenario"
                    : $"rerun done in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
                // A ranges.csv with problems does not stop the rerun: the page shows the catalog's ranges and says why.
                Errors = ranges.Problems.Select(e => $"{e} (the catalog's plausible ranges are shown)").ToList(),
                PreviewNote = Preview.Note(loaded.Scenario!, _settings),
                Parameters = ParameterRows.Of(baseline.Load, loaded, ranges.Ranges, changes, applied: true),
                Baseline = baseline.Words,
                ChartsVersion = number,
                HeadlineChanged = changed.Headline,
                HeadlineUnchanged = unchanged.Headline,
                Charts = images.Select(i => new PageChart(i.Name, i.Title, i.Caption, $"/chart/{number}/{i.Name}.png")).ToList(),
                Seconds = seconds,
            });
        }
        if (superseded is not null)
        {
            SessionFolders.Delete(superseded);
        }
        return true;
    }

    private void PublishIfNewest(long number, Func<PageState, PageState> change)
    {
        lock (_gate)
        {
            if (number == _requested && !_disposed)
            {
                Publish(change(_state));
            }
        }
    }

    /// <summary>Call with the gate held.</summary>
    private void Publish(PageState state)
    {
        _state = state with { Version = ++_version };
        var published = _published;
        _published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        published.SetResult();
    }

    private static string Shown(string fullPath) => Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);

    /// <summary>Stops watching, cancels any rerun, waits for it and deletes the session's previews.</summary>
    public void Dispose()
    {
        Task[] running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _stopping.Cancel();
            _watcher?.Dispose();
            running = [.. _reruns, _baseline.Preview];
        }
        try
        {
            Task.WaitAll(running, TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Cancelled or failed: either way it is over.
        }
        SessionFolders.DeleteWithEmptyParents(_sessionFolder);
        _stopping.Dispose();
        _runGate.Dispose();
    }
}
