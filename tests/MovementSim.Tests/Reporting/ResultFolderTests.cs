using System.Text.Json.Nodes;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>Reading a result folder back from its files alone.</summary>
public sealed class ResultFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "movementsim-folder-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private SyntheticResults.Written Write(string name, SyntheticResults.Options? options = null) =>
        SyntheticResults.Write(Path.Combine(_root, name), options ?? new SyntheticResults.Options { Replicates = 4, Steps = 20 });

    [Fact]
    public void Bands_are_computed_over_every_replicate_of_each_design_point_and_step()
    {
        var written = Write("a");
        // Without summary.csv (a shard, say) the bands are computed from timeseries.csv itself.
        File.Delete(Path.Combine(written.Root, ResultFiles.Summary));
        var r = ResultFolder.Load(written.Root);

        Assert.Equal(ResultFiles.Timeseries, r.SeriesSource);
        Assert.Equal([0, 1], r.DesignPoints.Select(d => d.Id));
        var column = SyntheticResults.MeasureNames.ToList().IndexOf(MeasureSet.Reach);
        foreach (var step in new[] { 0, 7, 20 })
        {
            var expected = Summary.Of(Enumerable.Range(0, 4).Select(rep => written.Values[(0, rep)][step][column]));
            Assert.Equal(expected, r.DesignPoints[0].Get(MeasureSet.Reach)[step]);
        }
        Assert.Equal(written.Years, r.DesignPoints[0].Years);
        Assert.Equal(4, r.DesignPoints[0].Replicates);
    }

    [Fact]
    public void Without_timeseries_the_summary_file_gives_the_same_bands()
    {
        var full = ResultFolder.Load(Write("full").Root);
        var summaryOnly = ResultFolder.Load(Write("summary", new SyntheticResults.Options { Replicates = 4, Steps = 20, WithTimeseries = false }).Root);

        Assert.Equal(ResultFiles.Summary, summaryOnly.SeriesSource);
        Assert.Equal(full.Measures, summaryOnly.Measures);
        foreach (var measure in new[] { MeasureSet.Reach, MeasureSet.Fidelity, "share_payment_cash" })
        {
            Assert.Equal(full.DesignPoints[1].Get(measure), summaryOnly.DesignPoints[1].Get(measure));
        }
    }

    [Fact]
    public void The_movement_only_design_point_is_the_reference_and_the_other_the_primary()
    {
        var r = ResultFolder.Load(Write("a").Root);

        Assert.False(r.DesignPoints[0].IsMovementOnly);
        Assert.True(r.DesignPoints[1].IsMovementOnly);
        Assert.Equal(0, r.Primary.Id);
        Assert.Equal(1, r.ReferenceFor(r.Primary)?.Id);
        Assert.Equal(["institutional_adoption"], r.SweptParameters);
        Assert.Equal("direct_payments", r.ScenarioName);
        Assert.Equal(42, r.Manifest?.MasterSeed);
    }

    [Fact]
    public void Events_components_and_alternatives_come_from_the_scenario_copy()
    {
        var r = ResultFolder.Load(Write("a").Root);

        Assert.Equal(SyntheticResults.Events, r.Events);
        Assert.Equal(["payment", "support_plan"], r.Components.Select(c => c.Component));
        Assert.Equal(["cash", "managed_account", "notional_budget"], r.Components[0].Alternatives.Select(a => a.Alternative));
    }

    [Fact]
    public void A_missing_folder_is_reported_with_its_path()
    {
        var path = Path.Combine(_root, "nowhere");

        var e = Assert.Throws<ResultFolderException>(() => ResultFolder.Load(path));

        Assert.Equal($"{path}: no such folder", e.Message);
    }

    [Fact]
    public void A_folder_without_timeseries_or_summary_is_not_a_result_folder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        var e = Assert.Throws<ResultFolderException>(() => ResultFolder.Load(Path.Combine(_root, "empty")));

        Assert.Contains("not a result folder", e.Message);
        Assert.Contains("timeseries.csv", e.Message);
    }

    [Fact]
    public void A_bad_number_is_reported_with_file_line_and_column()
    {
        var written = Write("bad");
        File.Delete(Path.Combine(written.Root, ResultFiles.Summary));
        var file = Path.Combine(written.Root, "timeseries.csv");
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        var cells = lines[2].Split(',');
        cells[Array.IndexOf(header, "fidelity")] = "0.5x";
        lines[2] = string.Join(",", cells);
        File.WriteAllText(file, string.Join("\n", lines) + "\n");

        var e = Assert.Throws<ResultFolderException>(() => ResultFolder.Load(written.Root));

        Assert.Equal(file, e.FilePath);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'fidelity'", e.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var written = Write("nostep");
        File.Delete(Path.Combine(written.Root, ResultFiles.Summary));
        var file = Path.Combine(written.Root, "timeseries.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace(",step,", ",stage,"));

        var e = Assert.Throws<ResultFolderException>(() => ResultFolder.Load(written.Root));

        Assert.Contains("missing column step", e.Message);
    }

    [Fact]
    public void A_decimal_comma_that_shifts_the_columns_is_refused()
    {
        var written = Write("comma");
        var file = Path.Combine(written.Root, "runs.csv");
        var lines = File.ReadAllLines(file);
        lines[1] = lines[1].Replace(",0.25,", ",0,25,");
        File.WriteAllText(file, string.Join("\n", lines) + "\n");

        var e = Assert.Throws<ResultFolderException>(() => ResultFolder.Load(written.Root));

        Assert.Equal(file, e.FilePath);
        Assert.Contains("line 2", e.Message);
        Assert.Contains("fields where the header has", e.Message);
    }

    [Fact]
    public void A_folder_with_only_a_timeseries_of_the_three_outcomes_still_gets_its_charts_and_report()
    {
        var root = Path.Combine(_root, "minimal");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "timeseries.csv"),
            "run_id,design_point,replicate,seed,step,year,reach,fidelity,net_benefit\n" +
            "0,0,0,11,0,2010,0.01,1,0.01\n0,0,0,11,1,2011,0.2,0.8,0.16\n" +
            "1,0,1,12,0,2010,0.01,1,0.01\n1,0,1,12,1,2011,0.3,0.7,0.21\n");

        var result = Report.Write(root);

        Assert.Equal(["reach_fidelity", "reach_over_time", "fidelity_over_time", "net_benefit_over_time"], result.Charts.Select(c => c.Name));
        var html = File.ReadAllText(result.ReportPath);
        Assert.Contains("By 2011, reach was 25% (95% CI ", html);
        Assert.Contains("manifest.json is missing", html);
        Assert.Contains("runs.csv is missing", html);
    }

    [Fact]
    public void A_movement_only_folder_is_described_as_the_movement_acting_alone()
    {
        var r = ResultFolder.Load(Write("alone", new SyntheticResults.Options { Replicates = 3, Steps = 12, MovementOnly = true }).Root);

        Assert.True(r.IsMovementOnly);
        Assert.Null(r.ReferenceFor(r.Primary));
        Assert.EndsWith("These runs are the movement acting alone (institutional adoption switched off).", Headline.Sentence(r, r.Primary));
        Assert.All(ChartSet.Build(r), c => Assert.DoesNotContain("NaN", c.Caption));
    }

    [Fact]
    public void A_summary_only_folder_with_a_single_step_builds_every_chart()
    {
        var r = ResultFolder.Load(Write("one_step", new SyntheticResults.Options { Replicates = 3, Steps = 0, WithTimeseries = false }).Root);

        var charts = ChartSet.Build(r).ToList();

        Assert.Equal(ResultFiles.Summary, r.SeriesSource);
        Assert.Contains(charts, c => c.Name == "reach_fidelity");
        Assert.All(charts, c => Assert.DoesNotContain("NaN", c.Caption));
        using var png = Pixels.Decode(MovementSim.Reporting.Charts.Chart.Png(charts.Single(c => c.Name == "reach_over_time").Plot));
        Assert.True(Pixels.Dark(png, Pixels.TitleBand(png)) > 150);
    }

    [Fact]
    public void Manifest_entries_are_flattened_with_array_items_named_by_file_parameter_or_position()
    {
        var manifest = new ResultManifest(ResultManifest.ProgramName, "0.1.0", "abc", "tiny",
            [new ManifestInput("parameters.csv", "2daf"), new ManifestInput("events.csv", "098f")], 1, null, "full_factorial", true, [], 1, 2, 2, 0,
            null, "movementsim run tiny", 1, 1, "2026-11-27T17:14:20Z", "2026-11-27T17:14:21Z", false, true)
        {
            Analysis = ResultManifest.AnalysisEntries(new JsonObject
            {
                ["ranges"] = new JsonArray(new JsonObject { ["parameter"] = "imitation", ["min"] = 0, ["max"] = 10 }),
                ["starts"] = new JsonArray(new JsonObject { ["distance"] = 0.5 }, new JsonObject { ["distance"] = 0.25 }),
            }),
        };

        var entries = ManifestEntries.Of(manifest);

        Assert.Contains(new KeyValuePair<string, string>("master_seed", "1"), entries);
        Assert.Contains(new KeyValuePair<string, string>("started", "2026-11-27T17:14:20Z"), entries);
        Assert.Contains(new KeyValuePair<string, string>("inputs[parameters.csv].sha256", "2daf"), entries);
        Assert.Contains(new KeyValuePair<string, string>("inputs[events.csv].sha256", "098f"), entries);
        Assert.Contains(new KeyValuePair<string, string>("ranges[imitation].max", "10"), entries);
        Assert.Contains(new KeyValuePair<string, string>("starts[1].distance", "0.25"), entries); // no naming member: by position
    }

    [Fact]
    public void A_manifest_is_read_back_as_it_was_written_and_an_analysis_may_not_replace_a_batch_entry()
    {
        var path = Path.Combine(_root, "manifest.json");
        Directory.CreateDirectory(_root);
        var written = new ResultManifest(ResultManifest.ProgramName, "0.1.0", "abc", "tiny", [new ManifestInput("events.csv", "098f")], null, 7,
            "full_factorial", false, ["imitation"], 2, 3, 6, 1, "1/2", "movementsim batch tiny", 2, 1, "2026-11-27T17:14:20Z", "2026-11-27T17:14:21Z", true, true)
        {
            Analysis = ResultManifest.AnalysisEntries(new JsonObject { [ResultManifest.SensitivityMeasureKey] = "reach", [ResultManifest.AtYearKey] = 2004.5 }),
        };
        File.WriteAllText(path, written.ToText());

        var read = ResultManifest.Read(path);

        Assert.Equal(written.ToText(), read.ToText());
        Assert.Equal((null, 7, "1/2"), (read.MasterSeed, read.RunSeed, read.Shard));
        Assert.Equal("reach", ManifestEntries.Analysis(read, ResultManifest.SensitivityMeasureKey));
        Assert.Equal("2004.5", ManifestEntries.Analysis(read, ResultManifest.AtYearKey));
        var clash = Assert.Throws<ArgumentException>(() => written with { Analysis = ResultManifest.AnalysisEntries(new JsonObject { ["runs"] = 1 }) });
        Assert.Contains("'runs' is the batch's own", clash.Message);
    }

    [Theory]
    [InlineData("0.30000000000000004", "0.3")] // round-trip noise
    [InlineData("0.4562269650381737", "0.456")] // a sampled value
    [InlineData("20000", "20000")] // whole numbers keep their digits
    [InlineData("small_world", "small_world")] // not a number
    public void Values_from_files_are_shown_to_three_significant_digits(string raw, string shown)
    {
        Assert.Equal(shown, Text.Value(raw));
    }
}
