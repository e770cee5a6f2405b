namespace MovementSim.Explore;

/// <summary>Where the page's rerun stands.</summary>
public enum PageStatus
{
    /// <summary>A rerun is waiting for more changes or running.</summary>
    Running,

    /// <summary>The charts show the scenario as it now is.</summary>
    Ready,

    /// <summary>The scenario as it now is does not load: <see cref="PageState.Errors"/> say why; the charts are the last good ones.</summary>
    Invalid,

    /// <summary>The rerun failed for another reason (runs failed, a file could not be written); the charts are the last good ones.</summary>
    Failed,
}

/// <summary>One parameter row of the page: what <c>describe</c> shows, the unchanged value, and how the page edits it.</summary>
/// <param name="Value">The value in effect: the page's change when there is one, else the scenario's on disk.</param>
/// <param name="Unchanged">The value in the baseline: the scenario as it was when explore started, or as it was when made the baseline.</param>
/// <param name="Kind">"real", "integer" or "choice".</param>
/// <param name="Changed">The value differs from <paramref name="Unchanged"/> (on the page or on disk).</param>
/// <param name="OnPage">The value was set on this page (not in a file).</param>
/// <param name="SetBy">Where the value was set ("file:line", or "this page"); null when it keeps its default.</param>
/// <param name="Plausible">The plausible range ("0.005–0.1"): the scenario's ranges.csv where it gives one, else the catalog's;
/// "" when the parameter is not uncertain; with its source (the ranges.csv file and line, or the catalog's source).</param>
public sealed record ParameterRow(
    string Name, string Value, string Unchanged, string Default, string Kind, double Min, double Max,
    IReadOnlyList<string>? Choices, string Unit, string Meaning, string Source, string Range, bool Changed, bool OnPage, string? SetBy,
    string Plausible, string PlausibleSource);

/// <summary>A chart on the page: its image's address and what the report says about it.</summary>
public sealed record PageChart(string Name, string Title, string Caption, string Url);

/// <summary>
/// Everything the page shows, as one immutable value: the session publishes a new one (with a higher
/// <see cref="Version"/>) whenever anything changes, and the page asks for the next one.
/// </summary>
/// <param name="ChartsVersion">The rerun the charts and headlines come from (0 before the first).</param>
/// <param name="Seconds">How long the rerun shown took, from the change to its charts.</param>
/// <param name="Baseline">What "unchanged" means on the page and in the charts: the scenario as it was when explore started, or
/// the one made the baseline since (with the changes that made it).</param>
public sealed record PageState(
    long Version,
    string Scenario,
    string Folder,
    PageStatus Status,
    string Message,
    IReadOnlyList<string> Errors,
    string PreviewNote,
    IReadOnlyList<string> Watched,
    IReadOnlyList<ParameterRow> Parameters,
    long ChartsVersion,
    string? HeadlineChanged,
    string? HeadlineUnchanged,
    IReadOnlyList<PageChart> Charts,
    double? Seconds,
    string Baseline);
