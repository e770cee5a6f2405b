using MovementSim.Explore;
using Xunit;

namespace MovementSim.Tests.Explore;

/// <summary>
/// A temporary folder holding a copy of a shipped scenario under scenarios/ and an empty results/, and explore settings
/// for it that rerun quickly (two replicates of 2,000 people): tests may edit the copy's files and save variants beside
/// it. Deleted on dispose.
/// </summary>
public sealed class ExploreWorkspace : IDisposable
{
    public ExploreWorkspace(string scenario = "direct-payments")
    {
        Root = Path.Combine(Path.GetTempPath(), "movementsim-explore-" + Guid.NewGuid().ToString("N")[..8]);
        Scenarios = Path.Combine(Root, "scenarios");
        Scenario = Path.Combine(Scenarios, scenario);
        Results = Path.Combine(Root, "results");
        Directory.CreateDirectory(Scenario);
        Directory.CreateDirectory(Results);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Scenario(scenario)))
        {
            File.Copy(file, Path.Combine(Scenario, Path.GetFileName(file)));
        }
        Settings = new ExploreSettings
        {
            ScenarioFolder = Scenario,
            Port = 0,
            Replicates = 2,
            PreviewPeople = 2_000,
            ResultsRoot = Results,
            Debounce = TimeSpan.FromMilliseconds(100),
            ScenarioRanges = MovementSim.Cli.Commands.ScenarioRangesFile.Read, // as the explore command gives it
        };
    }

    public string Root { get; }

    /// <summary>The parent of the scenario folder, where variants are saved.</summary>
    public string Scenarios { get; }

    public string Scenario { get; }

    public string Results { get; }

    public ExploreSettings Settings { get; }

    /// <summary>How long a test waits for a rerun: generous, since the machine may be busy; speed is measured elsewhere (docs/performance.md).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public ExploreSession Open(TextWriter? log = null)
    {
        var session = ExploreSession.Open(Settings, log ?? TextWriter.Null, out var errors);
        Assert.True(session is not null, string.Join("\n", errors));
        return session!;
    }

    /// <summary>Opens and starts a session and waits for its first charts.</summary>
    public async Task<(ExploreSession Session, PageState First)> StartAsync(TextWriter? log = null)
    {
        var session = Open(log);
        session.Start();
        var first = await WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > 0, "the first charts");
        return (session, first);
    }

    /// <summary>The first published state that satisfies <paramref name="done"/>.</summary>
    public static async Task<PageState> WaitFor(ExploreSession session, Func<PageState, bool> done, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var state = session.State;
        while (!done(state))
        {
            try
            {
                state = await session.NextState(state.Version, TimeSpan.FromSeconds(5), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{what}: not within {Patience.TotalSeconds:0} s; last state: {state.Status}, {state.Message}, {string.Join("; ", state.Errors)}");
            }
        }
        return state;
    }

    /// <summary>The value the copy's parameters.csv gives a parameter, as written there.</summary>
    public string InFile(string parameter) =>
        File.ReadLines(Path.Combine(Scenario, "parameters.csv")).Single(l => l.StartsWith(parameter + ",", StringComparison.Ordinal))[(parameter.Length + 1)..];

    /// <summary>The line of one of the copy's files (parameters.csv unless named) that has a parameter's row (1 is the header).</summary>
    public int LineOf(string parameter, string file = "parameters.csv") =>
        File.ReadLines(Path.Combine(Scenario, file)).ToList().FindIndex(l => l.StartsWith(parameter + ",", StringComparison.Ordinal)) + 1;

    /// <summary>Rewrites a parameter's row of one of the copy's files (parameters.csv unless named; added when it has
    /// none), as a student editing it would: <paramref name="value"/> is the rest of the row.</summary>
    public void SetInFile(string parameter, string value, string file = "parameters.csv")
    {
        var path = Path.Combine(Scenario, file);
        var lines = File.ReadAllLines(path).ToList();
        var i = lines.FindIndex(l => l.StartsWith(parameter + ",", StringComparison.Ordinal));
        if (i < 0)
        {
            lines.Add($"{parameter},{value}");
        }
        else
        {
            lines[i] = $"{parameter},{value}";
        }
        File.WriteAllLines(path, lines);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
