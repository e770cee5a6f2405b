using MovementSim.Batch;
using MovementSim.Reporting;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// Writes the synthetic result folders once for all reporting tests and draws their charts and reports.
/// Set MOVEMENTSIM_KEEP_TEST_RESULTS=1 to keep the folder (its path is in <see cref="Root"/>) for looking at the charts.
/// </summary>
public sealed class ReportingFixture : IDisposable
{
    public ReportingFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "movementsim-reporting-" + Guid.NewGuid().ToString("N")[..8]);
        Single = SyntheticResults.Write(Path.Combine(Root, "direct_payments"),
            new SyntheticResults.Options { WithSensitivity = true, WithCalibration = true });
        MovementOnly = SyntheticResults.Write(Path.Combine(Root, "movement_only"),
            new SyntheticResults.Options { Scenario = "movement_only", MovementOnly = true, Seed = 7 });
        Other = SyntheticResults.Write(Path.Combine(Root, "social_prescribing"),
            new SyntheticResults.Options { Scenario = "social_prescribing", WithReference = false, StartYear = 2005, Steps = 80, Seed = 9,
                Design = [new Dictionary<string, string> { ["conversation"] = "0.9", ["imitation"] = "0.2" }] });
        SweepOne = SyntheticResults.Write(Path.Combine(Root, "sweep_one"), new SyntheticResults.Options
        {
            Scenario = "direct_payments", Replicates = 4, Steps = 60, WithEvents = false,
            Design = new[] { "0.1", "0.2", "0.4", "0.8" }.Select(v => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["imitation"] = v }).ToList(),
        });
        SweepTwo = SyntheticResults.Write(Path.Combine(Root, "sweep_two"), new SyntheticResults.Options
        {
            Scenario = "direct_payments", Replicates = 3, Steps = 40, WithEvents = false, WithAlternativesFile = false,
            Design = (from q in new[] { "0.1", "0.4", "0.8" } from c in new[] { "0", "0.5", "1" }
                      select (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["imitation"] = q, ["conversation"] = c }).ToList(),
        });
        SweepThree = SyntheticResults.Write(Path.Combine(Root, "sweep_three"), new SyntheticResults.Options
        {
            Scenario = "direct_payments", Replicates = 2, Steps = 40, WithEvents = false,
            Design = (from q in new[] { "0.1", "0.8" } from c in new[] { "0", "1" } from p in new[] { "0.5", "2" }
                      select (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["imitation"] = q, ["conversation"] = c, ["coproduction"] = p }).ToList(),
        });
        SweepSampled = SyntheticResults.Write(Path.Combine(Root, "sweep_sampled"), new SyntheticResults.Options
        {
            Scenario = "direct_payments", Replicates = 2, Steps = 40, WithEvents = false,
            // A Latin-hypercube-like design: every design point has its own value of each parameter (conversation barely varies).
            Design = new[] { ("0.15", "0.52"), ("0.3", "0.48"), ("0.45", "0.51"), ("0.6", "0.49"), ("0.75", "0.5") }
                .Select(t => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["imitation"] = t.Item1, ["conversation"] = t.Item2 }).ToList(),
        });
        Paired = SyntheticResults.Write(Path.Combine(Root, "paired_case"),
            new SyntheticResults.Options { Scenario = "paired_case", WithReference = false, WithCounterfactual = true, WithRobustness = true, Seed = 11 });
        NoMovement = SyntheticResults.Write(Path.Combine(Root, "no_movement"), new SyntheticResults.Options
        {
            Scenario = "no_movement", WithReference = false, WithCounterfactual = true, Seed = 13, Steps = 40,
            Overrides = new Dictionary<string, string> { ["movement_capacity"] = "0", ["movement_capacity_max"] = "0" },
        });
        SingleReport = Report.Write(Single.Root);
        PairedReport = Report.Write(Paired.Root);
        SweepTwoCharts = ChartSet.DrawAll(SweepTwo.Root);
        // Only the sweep charts of these two: the rest are the same kinds as sweep_two's, and drawing costs time.
        SweepOneCharts = DrawSection(SweepOne.Root, ChartSet.SectionSweep);
        SweepThreeCharts = DrawSection(SweepThree.Root, ChartSet.SectionSweep);
        SweepSampledCharts = DrawSection(SweepSampled.Root, ChartSet.SectionSweep);
        // Comparison.Write writes a missing report.html; these two stand in for reports written earlier.
        File.WriteAllText(Path.Combine(Other.Root, ResultFiles.Report), "<!DOCTYPE html><title>social prescribing</title>");
        File.WriteAllText(Path.Combine(MovementOnly.Root, ResultFiles.Report), "<!DOCTYPE html><title>movement only</title>");
        File.WriteAllText(Path.Combine(NoMovement.Root, ResultFiles.Report), "<!DOCTYPE html><title>no movement</title>");
        Comparison = MovementSim.Reporting.Comparison.Write([Single.Root, Other.Root, MovementOnly.Root, Paired.Root, NoMovement.Root], Root);
    }

    public string Root { get; }

    public SyntheticResults.Written Single { get; }
    public SyntheticResults.Written MovementOnly { get; }
    public SyntheticResults.Written Other { get; }
    public SyntheticResults.Written SweepOne { get; }
    public SyntheticResults.Written SweepTwo { get; }
    public SyntheticResults.Written SweepThree { get; }
    public SyntheticResults.Written SweepSampled { get; }

    /// <summary>One design point whose runs carry their paired counterfactual (batch --counterfactual).</summary>
    public SyntheticResults.Written Paired { get; }

    /// <summary>Runs with their counterfactual, of a scenario without a movement (as bass-docking).</summary>
    public SyntheticResults.Written NoMovement { get; }

    public ReportResult PairedReport { get; }

    public ReportResult SingleReport { get; }
    public IReadOnlyList<ChartFile> SweepOneCharts { get; }
    public IReadOnlyList<ChartFile> SweepTwoCharts { get; }
    public IReadOnlyList<ChartFile> SweepThreeCharts { get; }
    public IReadOnlyList<ChartFile> SweepSampledCharts { get; }
    public ComparisonResult Comparison { get; }

    public IEnumerable<ChartFile> AllCharts =>
        SingleReport.Charts.Concat(SweepOneCharts).Concat(SweepTwoCharts).Concat(SweepThreeCharts).Concat(SweepSampledCharts).Concat(Comparison.Charts);

    private static IReadOnlyList<ChartFile> DrawSection(string root, string section)
    {
        var results = ResultFolder.Load(root);
        return ChartSet.Build(results).Where(c => c.Section == section).Select(c => c.Save(results.PathOf(ResultFiles.Charts))).ToList();
    }

    public void Dispose() => KeptResults.DeleteUnlessKept(Root);
}

[CollectionDefinition(Name)]
public sealed class ReportingCollection : ICollectionFixture<ReportingFixture>
{
    public const string Name = "Reporting results";
}
