using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>What <c>explore</c> was asked to do, checked (<see cref="Problems"/>) before anything starts.</summary>
public sealed record ExploreSettings
{
    public const int DefaultPort = 5050;

    /// <summary>Replicates of each preview: enough for bands and an interval of the difference, few enough to rerun
    /// within seconds (docs/performance.md).</summary>
    public const int DefaultReplicates = 5;

    /// <summary>Previews run at most this many people (the direct-payments scenario's own size), so that a larger
    /// scenario still reruns within seconds.</summary>
    public const int DefaultPreviewPeople = 20_000;

    /// <summary>The scenario folder as the user gave it; messages and the printed batch command use this path.</summary>
    public required string ScenarioFolder { get; init; }

    /// <summary>Port on 127.0.0.1; 0 takes any free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    public int Replicates { get; init; } = DefaultReplicates;

    /// <summary>Previews run min(people, this) people; the scenario saved keeps its own size.</summary>
    public int PreviewPeople { get; init; } = DefaultPreviewPeople;

    /// <summary>Where previews are written: a session folder under &lt;this&gt;/explore/.</summary>
    public string ResultsRoot { get; init; } = "results";

    /// <summary>Runs of a preview at once.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a change waits for the next one before its rerun starts: a slider dragged, or a spreadsheet
    /// saving a file in several writes, gives one rerun.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The scenario's own plausible ranges (its ranges.csv), which narrow the catalog's on the page as in
    /// <c>describe</c>, or the file's problems. Given by the command line, which reads the file with the analysis
    /// layer that explore does not reference; asked again at every rerun, since the file may have been saved since.</summary>
    public Func<ScenarioLoadResult, ScenarioRanges> ScenarioRanges { get; init; } = _ => Scenarios.ScenarioRanges.None;

    /// <summary>Everything wrong with these settings as given on the command line (empty when they are fine).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"--port must be from 1 to 65535, or 0 for any free port (got {Port})");
        }
        if (Replicates < 1)
        {
            problems.Add($"--reps must be at least 1 (got {Replicates})");
        }
        if (PreviewPeople < 1)
        {
            problems.Add($"--people must be at least 1 (got {PreviewPeople})");
        }
        if (Jobs < 1)
        {
            problems.Add($"jobs must be at least 1 (got {Jobs})");
        }
        return problems;
    }
}
