using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// The report and the index open in a real headless browser (Debian's chromium package): the page renders
/// (a non-blank screenshot) and logs nothing to the console. Without chromium the tests are skipped, with the
/// reason, unless CI=true, where chromium must be installed.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class BrowserTests(ReportingFixture fixture)
{
    [SkippableFact]
    public void The_console_check_catches_errors_on_a_page_that_has_them()
    {
        var chromium = Chromium.Required();
        var page = Path.Combine(fixture.Root, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>broken</title></head><body><p>broken</p>" +
                                "<script>console.error('boom'); notDefined();</script></body></html>");

        var (_, console) = Chromium.Screenshot(chromium, page, Path.Combine(fixture.Root, "broken.png"));

        Assert.Contains(console, l => l.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(console, l => l.Contains("Uncaught ReferenceError", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("direct_payments/report.html")] // one scenario's report
    [InlineData("paired_case/report.html")] // a report that leads with the answer against its counterfactual
    [InlineData("index.html")] // the cross-scenario index
    public void The_page_opens_offline_in_a_headless_browser_with_content_and_a_clean_console(string relativePage)
    {
        var chromium = Chromium.Required();
        var screenshot = Path.Combine(fixture.Root, Path.GetFileNameWithoutExtension(relativePage) + "-screenshot.png");

        var (exitCode, console) = Chromium.Screenshot(chromium, Path.Combine(fixture.Root, relativePage), screenshot);

        Assert.Equal(0, exitCode);
        Assert.Empty(console);
        using var png = Pixels.Decode(screenshot);
        Assert.Equal((1280, 2000), (png.Width, png.Height));
        Assert.True(Pixels.DistinctColours(png, Pixels.Whole(png)) > 200, "the screenshot has too few colours: charts not shown?");
        Assert.True(Pixels.InkShare(png, Pixels.Whole(png)) > 0.05, "the screenshot is almost blank");
    }
}

/// <summary>The answer and how robust it is, as a reader sees them in the browser.</summary>
[Collection(ReportingCollection.Name)]
public sealed class AnswerBrowserTests(ReportingFixture fixture)
{
    [SkippableFact]
    public void The_rendered_report_leads_with_the_answer_and_holds_the_robustness_section_with_its_charts_drawn()
    {
        var chromium = Chromium.Required();

        var dom = Chromium.RenderedDom(chromium, fixture.PairedReport.ReportPath);

        Assert.Matches("<main>\\s*<h1>[^<]*</h1>\\s*<p class=\"lede\" id=\"answer-sentence\" data-verdict=\"helped\">Institutional take-up helped: ", dom);
        var section = System.Text.RegularExpressions.Regex.Match(dom, "<section id=\"how-robust-is-this-answer-\">(.*?)</section>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(section.Success, "no robustness section in the rendered page");
        Assert.Contains("id=\"robustness-share\"", section.Groups[1].Value);
        Assert.Contains("id=\"flip-region\" data-found=\"true\"", section.Groups[1].Value);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(section.Groups[1].Value, "<img src=\"data:image/png;base64,").Count);
    }

    [SkippableFact]
    public void Scrolled_to_the_tornado_the_browser_shows_a_bar_for_each_direction_of_effect()
    {
        var chromium = Chromium.Required();
        var page = Path.Combine(fixture.Paired.Root, "view-tornado.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>view</title></head><body style=\"margin:0\">"
            + $"<iframe src=\"report.html#chart-robustness_tornado\" style=\"border:0;width:1280px;height:{ChartOnlyHeight}px\"></iframe></body></html>");
        var screenshot = Path.Combine(fixture.Root, "tornado-screenshot.png");

        var (exitCode, console) = Chromium.Screenshot(chromium, page, screenshot, height: ChartOnlyHeight);

        Assert.Equal(0, exitCode);
        Assert.Empty(console);
        using var png = Pixels.Decode(screenshot);
        // The synthetic ranking: two parameters lower the difference (vermillion bars), one raises it (a short blue bar).
        var lowers = Pixels.Near(png, Pixels.Whole(png), (0xD5, 0x5E, 0x00));
        var raises = Pixels.Near(png, Pixels.Whole(png), (0x00, 0x72, 0xB2));
        Assert.True(lowers >= TornadoBarPixels && raises >= TornadoBarPixels,
            $"{lowers} pixels of the 'lowers it' colour and {raises} of the 'raises it' colour on screen, expected at least {TornadoBarPixels} of each");
    }

    /// <summary>A view this high shows the tornado chart and nothing below it (the scatters use the same colours).</summary>
    private const int ChartOnlyHeight = 700;

    /// <summary>The shortest bar (a correlation of 0.2 on an axis from −1 to 1) is about 110 by 30 pixels at the browser's scale.</summary>
    private const int TornadoBarPixels = 1500;
}

/// <summary>The evidence a reader sees in the browser: the model-against-record table and the observed markers.</summary>
[Collection(EvidenceCollection.Name)]
public sealed class EvidenceBrowserTests(EvidenceFixture fixture)
{
    [SkippableFact]
    public void The_rendered_report_holds_the_model_against_record_table_with_a_row_per_figure_and_its_source()
    {
        var chromium = Chromium.Required();

        var dom = Chromium.RenderedDom(chromium, fixture.ReportPath);

        var table = System.Text.RegularExpressions.Regex.Match(dom, "<table id=\"model-record\">(.*?)</table>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(table.Success, "no model-against-record table in the rendered page");
        Assert.Equal(1 + 3, System.Text.RegularExpressions.Regex.Matches(table.Groups[1].Value, "<tr>").Count); // header and three figures
        Assert.Contains("Survey B, 2006, table 1", table.Groups[1].Value);
        Assert.Contains(EvidenceFixture.NotAMeasure, dom);
    }

    /// <summary>
    /// Headless chromium screenshots a page from its top, whatever its #fragment; a page that holds the report in a frame
    /// scrolled to one chart shows that chart as a reader who followed the link would see it.
    /// </summary>
    private string ViewOf(string chart)
    {
        var page = Path.Combine(fixture.Results, $"view-{chart}.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>view</title></head><body style=\"margin:0\">"
            + $"<iframe src=\"report.html#chart-{chart}\" style=\"border:0;width:1280px;height:1000px\"></iframe></body></html>");
        return page;
    }

    [SkippableTheory]
    [InlineData("reach_over_time", true)]     // the chart of the observed measure: its diamonds and their legend entry
    [InlineData("fidelity_over_time", false)] // a chart without observations: no diamonds
    public void Scrolled_to_a_chart_the_browser_shows_observed_markers_exactly_where_there_are_observations(string chart, bool observed)
    {
        var chromium = Chromium.Required();
        var screenshot = Path.Combine(fixture.Root, $"{chart}-screenshot.png");

        var (exitCode, console) = Chromium.Screenshot(chromium, ViewOf(chart), screenshot, height: 1000);

        Assert.Equal(0, exitCode);
        Assert.Empty(console);
        using var png = Pixels.Decode(screenshot);
        var marked = Pixels.Near(png, Pixels.Whole(png), EvidenceReportTests.MarkerColour);
        if (observed)
        {
            Assert.True(marked >= EvidenceReportTests.MarkerPixels, $"{chart}: {marked} pixels of the observed markers' colour on screen, expected at least {EvidenceReportTests.MarkerPixels}");
        }
        else
        {
            Assert.True(marked <= EvidenceReportTests.StrayPixels, $"{chart}: {marked} pixels of the observed markers' colour on screen, expected at most {EvidenceReportTests.StrayPixels}");
        }
    }
}
