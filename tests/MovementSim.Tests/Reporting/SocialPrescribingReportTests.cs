using MovementSim.Batch;
using MovementSim.Reporting;
using MovementSim.Reporting.Charts;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// The shipped social-prescribing scenario run as a real batch with its report (2 replicates of 20,000 people): the
/// report shows the published figures, the forms over time and the link workers' caseload against capacity. Set
/// MOVEMENTSIM_KEEP_TEST_RESULTS=1 to keep the folder.
/// </summary>
public sealed class SocialPrescribingFixture : IDisposable
{
    public SocialPrescribingFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "movementsim-social-prescribing-" + Guid.NewGuid().ToString("N")[..8]);
        Results = Path.Combine(Root, "results");
        var (code, _, err) = CliFixture.Run("batch", RepoPaths.Scenario("social-prescribing"), "--reps", "2", "--seed", "3",
            "--set", "people=20000", "--out", Results, "--quiet");
        if (code != 0)
        {
            throw new InvalidOperationException(err);
        }
        ReportPath = Path.Combine(Results, ResultFiles.Report);
    }

    public string Root { get; }

    public string Results { get; }

    public string ReportPath { get; }

    public string ChartPng(string name) => Path.Combine(Results, ResultFiles.Charts, name + ".png");

    public void Dispose() => KeptResults.DeleteUnlessKept(Root);
}

[CollectionDefinition(Name)]
public sealed class SocialPrescribingCollection : ICollectionFixture<SocialPrescribingFixture>
{
    public const string Name = "Shipped social-prescribing report";
}

[Collection(SocialPrescribingCollection.Name)]
public sealed class SocialPrescribingReportTests(SocialPrescribingFixture fixture)
{
    /// <summary>Pixels of a line's colour a chart with a 3-pixel line across most of its width holds at the least (a line
    /// 1,000 px long covers about 3,000; its legend entry more): far above what anti-aliasing of other colours gives.</summary>
    public const int LinePixels = 1_000;

    public static (int R, int G, int B) Rgb(ScottPlot.Color c) => (c.R, c.G, c.B);

    [Fact]
    public void The_report_shows_the_published_figures_the_forms_over_time_and_caseload_against_capacity()
    {
        var html = File.ReadAllText(fixture.ReportPath);

        // The published figures: a chart per observed measure with the diamonds, and the model-against-record table.
        Assert.Contains("<figure id=\"chart-evidence_workforce\">", html);
        Assert.Contains("<figure id=\"chart-evidence_people_taking_up_per_year\">", html);
        Assert.Contains("<figure id=\"chart-evidence_institutions_adopted\">", html);
        Assert.Contains("<table id=\"model-record\">", html);
        // The drift: the forms of link work over time.
        Assert.Contains("<figure id=\"chart-innovation_link_work\">", html);
        // Caseload against capacity, with the scenario's caseload named in its caption.
        Assert.Contains($"<figure id=\"chart-{CaseloadChart.Name}\">", html);
        Assert.Contains("of the caseload of 225 a year that the original form allows", html);
        Assert.Contains($"<h2>{ChartSet.SectionCapacity}</h2>", html);
    }

    [Fact]
    public void The_caseload_chart_draws_the_starts_per_worker_the_caseload_and_unmet_demand()
    {
        using var png = Pixels.Decode(fixture.ChartPng(CaseloadChart.Name));

        var starts = Pixels.Near(png, Pixels.Whole(png), Rgb(OkabeIto.Blue));
        var unmet = Pixels.Near(png, Pixels.Whole(png), Rgb(OkabeIto.Vermillion));

        Assert.True(starts >= LinePixels, $"{starts} pixels of the starts-per-worker line's colour, expected at least {LinePixels}");
        Assert.True(unmet >= LinePixels, $"{unmet} pixels of the unmet-demand line's colour, expected at least {LinePixels}");
    }

    [Fact]
    public void A_result_without_a_caseload_has_no_caseload_chart()
    {
        var results = ResultFolder.Load(fixture.Results);
        var withoutCaseload = new DesignPointSeries(results.Primary.Id, results.Primary.Settings,
            results.Primary.Parameters.ToDictionary(kv => kv.Key, kv => kv.Key == "caseload" ? "0" : kv.Value),
            results.Primary.Replicates, results.Primary.Years, results.Primary.MeasureNames.ToDictionary(m => m, results.Primary.Get));

        Assert.NotNull(CaseloadChart.Build(results, results.Primary, ""));
        Assert.Null(CaseloadChart.Build(results, withoutCaseload, ""));
    }

    [SkippableFact]
    public void Scrolled_to_the_caseload_chart_the_browser_shows_it()
    {
        var chromium = Chromium.Required();
        var page = Path.Combine(fixture.Results, "view-caseload.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>view</title></head><body style=\"margin:0\">"
            + $"<iframe src=\"report.html#chart-{CaseloadChart.Name}\" style=\"border:0;width:1280px;height:1000px\"></iframe></body></html>");
        var screenshot = Path.Combine(fixture.Root, "caseload-screenshot.png");

        var (exitCode, console) = Chromium.Screenshot(chromium, page, screenshot, height: 1000);

        Assert.Equal(0, exitCode);
        Assert.Empty(console);
        using var png = Pixels.Decode(screenshot);
        var unmet = Pixels.Near(png, Pixels.Whole(png), Rgb(OkabeIto.Vermillion));
        Assert.True(unmet >= LinePixels / 2, $"{unmet} pixels of the unmet-demand line's colour on screen, expected at least {LinePixels / 2} (the chart is drawn smaller on the page)");
    }
}
