using System.Text.RegularExpressions;
using MovementSim.Reporting.Charts;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>The report of a scenario that ships observed.csv shows the evidence: markers, a table, what was not produced.</summary>
[Collection(EvidenceCollection.Name)]
public sealed class EvidenceReportTests(EvidenceFixture fixture)
{
    /// <summary>
    /// Pixels of the observed markers' colour a chart with three diamonds 16 px wide holds at the least (each diamond
    /// covers about 128 px; its legend entry more): far above the few anti-aliased pixels other colours blend into.
    /// </summary>
    public const int MarkerPixels = 200;

    /// <summary>Pixels of that colour a chart without observations may hold, from anti-aliasing of other colours.</summary>
    public const int StrayPixels = 20;

    public static readonly (int R, int G, int B) MarkerColour =
        ((int)(ObservedPoints.MarkerColor.R), ObservedPoints.MarkerColor.G, ObservedPoints.MarkerColor.B);

    private string Html => File.ReadAllText(fixture.ReportPath);

    private static List<string[]> Rows(string html, string tableId)
    {
        var table = Regex.Match(html, $"<table id=\"{tableId}\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Skip(1)
            .Select(m => Regex.Matches(m.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(c => Regex.Replace(c.Groups[1].Value, "<[^>]+>", "")).ToArray())
            .ToList();
    }

    [Fact]
    public void The_model_against_record_table_has_each_observed_figure_within_the_run_with_the_model_mean_its_interval_and_its_source()
    {
        var rows = Rows(Html, "model-record");

        Assert.Equal(["2002", "2005", "2008"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("reach", r[1]));
        Assert.Equal(["1%", "2%", "3%"], rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.Matches(@"^\d+(\.\d)?% \(95% CI -?\d+(\.\d)?% to \d+(\.\d)?%\)$", r[3])); // mean and interval over the 3 runs
        Assert.All(rows, r => Assert.Matches(@"^([+−]\d+(\.\d)?%|n/a)$", r[4]));
        Assert.Equal(["Survey A, 2003, table 2", "Survey B, 2006, table 1", "Survey C"], rows.Select(r => System.Net.WebUtility.HtmlDecode(r[5])));
        Assert.Equal("a snapshot at 31 March, not a count over the year", System.Net.WebUtility.HtmlDecode(rows[1][6]));
    }

    [Fact]
    public void A_measure_the_runs_do_not_produce_is_listed_as_not_produced_and_a_figure_after_the_run_as_outside_it()
    {
        var html = Html;

        Assert.Matches($"id=\"model-record-not-produced\"><strong>Not produced by these runs</strong>, so not compared: <code>{EvidenceFixture.NotAMeasure}</code>", html);
        Assert.Contains("id=\"model-record-outside\">Outside the simulated years (2000 to 2010), so not compared: reach 2030.", html);
    }

    [Fact]
    public void The_reach_chart_shows_the_published_figures_with_their_own_marker_and_legend_entry()
    {
        var caption = Regex.Match(Html, "<figure id=\"chart-reach_over_time\">.*?<figcaption>(.*?)</figcaption>", RegexOptions.Singleline).Groups[1].Value;
        using var reach = Pixels.Decode(fixture.ChartPng("reach_over_time"));
        using var fidelity = Pixels.Decode(fixture.ChartPng("fidelity_over_time"));

        Assert.Contains("Diamonds mark the published figures (3): ", caption);
        var marked = Pixels.Near(reach, Pixels.Whole(reach), MarkerColour);
        var unmarked = Pixels.Near(fidelity, Pixels.Whole(fidelity), MarkerColour);
        Assert.True(marked >= MarkerPixels, $"reach chart: {marked} pixels of the marker colour, expected at least {MarkerPixels}");
        Assert.True(unmarked <= StrayPixels, $"fidelity chart (no observations): {unmarked} pixels of the marker colour, expected at most {StrayPixels}");
    }

    [Fact]
    public void Event_markers_say_what_happened_and_events_weeks_apart_share_one_label()
    {
        var caption = Regex.Match(Html, "<figure id=\"chart-reach_over_time\">.*?<figcaption>(.*?)</figcaption>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("Dashed vertical lines mark scheduled events: Apr 2003 duty to offer; Apr 2003 first forum; 2007 budget shock (council).", caption);
        var rows = Style.EventRows(MovementSim.Reporting.ResultFolder.Load(fixture.Results).Events, 2000, 2010);
        Assert.Equal(["Apr 2003 duty to offer + first forum", "2007 budget shock"], rows.Select(r => r.Label));
    }
}

/// <summary>The commands that read a scenario's own observed.csv: describe lists it, calibrate fits to it.</summary>
[Collection(EvidenceCollection.Name)]
public sealed class ScenarioObservationsTests(EvidenceFixture fixture)
{
    [Fact]
    public void Describe_lists_the_events_with_what_happened_and_the_observations_with_their_sources()
    {
        var (code, stdout, err) = MovementSim.Tests.Batch.CliFixture.Run("describe", fixture.Scenario);

        Assert.True(code == 0, err);
        Assert.Matches(@"2003\.25 +mandate +council +0\.5 +duty to offer", stdout);
        Assert.Matches(@"2007 +budget_shock +council +0\.2 +\(no label: charts name the kind of event\)", stdout);
        Assert.Contains($"Observations (observed.csv): 5 of reach, {EvidenceFixture.NotAMeasure}, 2002 to 2030; 5 name their source.", stdout);
    }

    [Fact]
    public void Calibrate_without_observed_uses_the_scenarios_own_file_and_names_the_valid_measures_for_one_the_runs_do_not_produce()
    {
        using var tmp = new MovementSim.Tests.Batch.TempFolder();

        var (code, _, err) = MovementSim.Tests.Batch.CliFixture.Run("calibrate", fixture.Scenario, "--fit", "movement_capacity", "--out", tmp.Sub("out"), "--quiet");

        Assert.Equal(1, code);
        // Row 6 names the measure; the year 2030 of row 5 is after the run.
        Assert.Contains(Path.Combine(fixture.Scenario, "observed.csv") + $":6:2: unknown measure '{EvidenceFixture.NotAMeasure}': the scenario's runs produce the measures reach, reach_movement,", err);
        Assert.Contains(Path.Combine(fixture.Scenario, "observed.csv") + ":5:1: year 2030 is outside the simulated years 2000 to 2010", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void Calibrate_without_observed_fits_to_the_scenarios_own_file_and_keeps_its_sources()
    {
        using var tmp = new MovementSim.Tests.Batch.TempFolder();
        var scenario = tmp.Sub("evidence");
        Directory.CreateDirectory(scenario);
        foreach (var file in Directory.EnumerateFiles(fixture.Scenario))
        {
            File.Copy(file, Path.Combine(scenario, Path.GetFileName(file)));
        }
        // Only the rows a calibration can use: the measure the runs do not produce and the year after the run are gone.
        File.WriteAllLines(Path.Combine(scenario, "observed.csv"), EvidenceFixture.Observed.Split('\n').Take(4));
        var ranges = tmp.Sub("ranges.csv");
        File.WriteAllText(ranges, "parameter,min,max\nmovement_capacity,0.01,0.05\n");

        var (code, _, err) = MovementSim.Tests.Batch.CliFixture.Run("calibrate", scenario, "--fit", "movement_capacity", "--ranges", ranges, "--reps", "2", "--starts", "1",
            "--profile-points", "3", "--tolerance", "1e-2", "--bootstrap", "2", "--out", tmp.Sub("out"), "--quiet");

        Assert.True(code == 0, err);
        var fitted = File.ReadAllLines(tmp.Sub("out/observed.csv"));
        Assert.Equal("year,measure,value,weight,source,note", fitted[0]);
        Assert.Equal(4, fitted.Length);
        Assert.Contains("\"Survey B, 2006, table 1\",\"a snapshot at 31 March, not a count over the year\"", fitted[2]);
    }
}
