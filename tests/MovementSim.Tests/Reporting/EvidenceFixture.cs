using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// A small scenario of its own that ships an observed.csv and labelled events (two a few weeks apart), run as a real
/// batch of 3 replicates with its report: the evidence the report shows does not depend on the shipped scenarios.
/// The observations: reach in three years within the run (with sources and a note), one year after it, and a measure
/// no run produces. Set MOVEMENTSIM_KEEP_TEST_RESULTS=1 to keep the folder.
/// </summary>
public sealed class EvidenceFixture : IDisposable
{
    public const string NotAMeasure = "volunteers_recruited";

    public const string Observed =
        "year,measure,value,source,note,entered_by\n"
        + "2002,reach,0.01,\"Survey A, 2003, table 2\",,ann\n"
        + "2005,reach,0.02,\"Survey B, 2006, table 1\",\"a snapshot at 31 March, not a count over the year\",ann\n"
        + "2008,reach,0.03,Survey C,,bo\n"
        + "2030,reach,0.5,Survey D,after the run,bo\n"
        + $"2005,{NotAMeasure},120,Annual report,,bo\n";

    public EvidenceFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "movementsim-evidence-" + Guid.NewGuid().ToString("N")[..8]);
        Scenario = Path.Combine(Root, "evidence");
        var tiny = BatchFixtures.Tiny(people: 300, steps: 40);
        ScenarioWriter.WriteFolder(tiny with
        {
            Name = "evidence",
            Events =
            [
                new EventSpec(2003.25, EventKind.Mandate, "council", 0.5) { Label = "duty to offer" },
                new EventSpec(2003.3, EventKind.Forum, "all", 0.2) { Label = "first forum" },
                new EventSpec(2007, EventKind.BudgetShock, "council", 0.2),
            ],
        }, Scenario);
        File.WriteAllText(Path.Combine(Scenario, ObservedFile.Name), Observed);
        Results = Path.Combine(Root, "results");
        var (code, _, err) = CliFixture.Run("batch", Scenario, "--reps", "3", "--seed", "11", "--out", Results, "--quiet");
        if (code != 0)
        {
            throw new InvalidOperationException(err);
        }
        ReportPath = Path.Combine(Results, ResultFiles.Report);
    }

    public string Root { get; }

    /// <summary>The scenario folder, with its observed.csv.</summary>
    public string Scenario { get; }

    /// <summary>The batch's result folder, with charts and report.html.</summary>
    public string Results { get; }

    public string ReportPath { get; }

    public string ChartPng(string name) => Path.Combine(Results, ResultFiles.Charts, name + ".png");

    public void Dispose() => KeptResults.DeleteUnlessKept(Root);
}

[CollectionDefinition(Name)]
public sealed class EvidenceCollection : ICollectionFixture<EvidenceFixture>
{
    public const string Name = "Evidence scenario";
}
