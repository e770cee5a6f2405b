using MovementSim.Reporting;
using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>
/// The published reruns the page may still ask for: the one shown (its charts, its preview and the changes that made it,
/// and the folder it ran in) and the one before it, whose images a page may still be loading. Not thread-safe: the
/// session uses it under its lock.
/// </summary>
internal sealed class ShownRerun
{
    private (long Number, IReadOnlyList<ChartImage> Images) _current = (0, []);
    private (long Number, IReadOnlyList<ChartImage> Images) _previous = (0, []);
    private string? _folder;

    /// <summary>The scenario shown, with its preview: what "Make this the baseline" takes. Null before the first rerun.</summary>
    public (Preview Preview, ScenarioLoadResult Load, List<(string Name, string Value)> Changes)? Scenario { get; private set; }

    /// <summary>Shows a new rerun; returns the folder of the one it replaces, for the caller to delete (null when none,
    /// when it is the same folder, or when that folder was handed to the baseline).</summary>
    public string? Show(long number, IReadOnlyList<ChartImage> images, string? folder, Preview preview, ScenarioLoadResult load,
        List<(string Name, string Value)> changes)
    {
        _previous = _current;
        _current = (number, images);
        var superseded = _folder == folder ? null : _folder;
        _folder = folder;
        Scenario = (preview, load, changes);
        return superseded;
    }

    /// <summary>The shown rerun's folder now holds the baseline's preview: it must outlive later reruns (the session's
    /// folder, removed on stop, holds it).</summary>
    public void KeepFolder() => _folder = null;

    /// <summary>A chart's PNG from the rerun shown or the one before; null when neither has it.</summary>
    public byte[]? Png(long number, string name)
    {
        foreach (var (n, images) in new[] { _current, _previous })
        {
            if (n == number && images.FirstOrDefault(i => i.Name == name) is { } image)
            {
                return image.Png;
            }
        }
        return null;
    }
}
