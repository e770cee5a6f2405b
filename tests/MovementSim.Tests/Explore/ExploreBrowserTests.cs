using MovementSim.Explore;
using Xunit;

namespace MovementSim.Tests.Explore;

/// <summary>
/// The explore page in a real headless browser (Debian's chromium, driven over the DevTools protocol): a student moves a
/// slider or saves a CSV file, and the charts and headline refresh, with nothing on the console. Without chromium the
/// tests are skipped, with the reason, unless CI=true, where chromium must be installed.
/// </summary>
public sealed class ExploreBrowserTests
{
    /// <summary>Whether the page shows a finished rerun newer than <paramref name="chartsVersion"/> whose every chart image has loaded.</summary>
    private static string Refreshed(long chartsVersion) =>
        $"Number(document.body.dataset.chartsVersion) > {chartsVersion} && document.getElementById('status').dataset.state === 'ready' " +
        "&& document.querySelectorAll('#charts img').length >= 5 && Array.from(document.querySelectorAll('#charts img')).every(i => i.complete && i.naturalWidth === 1200)";

    private const string Headline = "document.getElementById('headline-changed').textContent";
    private const string ReachChart = "document.querySelector('#chart-reach_over_time img').getAttribute('src')";

    /// <summary>The scenario explored, served, and open in the browser with its first charts shown.</summary>
    private sealed class Explored(ExploreSession session, ExploreServer server, DevToolsPage page) : IAsyncDisposable
    {
        public ExploreServer Server => server;

        public DevToolsPage Page => page;

        public static async Task<Explored> OpenAsync(ExploreWorkspace workspace)
        {
            var chromium = Reporting.Chromium.Required();
            var session = workspace.Open();
            var server = await ExploreServer.StartAsync(session, 0, stopOnCtrlC: false, TextWriter.Null);
            session.Start();
            DevToolsPage? page = null;
            try
            {
                page = await DevToolsPage.OpenAsync(chromium, server.Url);
                await page.WaitUntil(Refreshed(0), ExploreWorkspace.Patience, "the first charts on the page");
                return new Explored(session, server, page);
            }
            catch
            {
                await (page?.DisposeAsync() ?? ValueTask.CompletedTask);
                await server.DisposeAsync();
                session.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await page.DisposeAsync();
            await server.DisposeAsync();
            session.Dispose();
        }
    }

    private static async Task<(string Headline, string Chart, long Version)> Shown(DevToolsPage page) =>
        ((await page.Evaluate(Headline)).GetString()!, (await page.Evaluate(ReachChart)).GetString()!,
            long.Parse((await page.Evaluate("document.body.dataset.chartsVersion")).GetString()!));

    /// <summary>What typing a value into a parameter's box and pressing Enter does (the box's change event).</summary>
    private static Task TypeIntoBox(DevToolsPage page, string parameter, string value) =>
        page.Evaluate($$"""
            (() => {
              const box = document.querySelector('input.box[data-param="{{parameter}}"]');
              box.value = '{{value}}';
              box.dispatchEvent(new Event('change', { bubbles: true }));
            })()
            """);

    [SkippableFact]
    public async Task The_console_check_catches_errors_on_a_page_that_has_them()
    {
        var chromium = Reporting.Chromium.Required();
        var folder = Directory.CreateTempSubdirectory("movementsim-explore-broken-");
        try
        {
            var broken = Path.Combine(folder.FullName, "broken.html");
            File.WriteAllText(broken, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>broken</title></head><body><p>broken</p>" +
                                      "<script>console.error('boom'); setTimeout(() => notDefined(), 0);</script></body></html>");
            await using var page = await DevToolsPage.OpenAsync(chromium, new Uri(broken).AbsoluteUri);

            await page.WaitUntil("new Promise(r => setTimeout(() => r(true), 300))", TimeSpan.FromSeconds(30), "a moment for the page's script");

            Assert.Contains(page.Console, l => l.Contains("boom", StringComparison.Ordinal));
            Assert.Contains(page.Console, l => l.Contains("notDefined", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Moving_a_slider_refreshes_the_charts_and_the_headline_against_the_unchanged_scenario_with_a_clean_console()
    {
        using var workspace = new ExploreWorkspace();
        await using var explore = await Explored.OpenAsync(workspace);
        var (page, server) = (explore.Page, explore.Server);
        var before = await Shown(page);

        // What a student's drag does: the slider moves (input), then is let go (change).
        await page.Evaluate("""
            (() => {
              const slider = document.querySelector('input.slider[data-param="external_influence"]');
              slider.value = '20';
              slider.dispatchEvent(new Event('input', { bubbles: true }));
              slider.dispatchEvent(new Event('change', { bubbles: true }));
            })()
            """);
        await page.WaitUntil(Refreshed(before.Version), ExploreWorkspace.Patience, "the charts after the slider moved");

        var after = await Shown(page);
        Assert.NotEqual(before.Headline, after.Headline);
        Assert.Equal(before.Headline, (await page.Evaluate("document.getElementById('headline-unchanged').textContent")).GetString());
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        Assert.NotEqual(await http.GetByteArrayAsync(before.Chart), await http.GetByteArrayAsync(after.Chart));
        Assert.Equal("0.2", (await page.Evaluate("document.querySelector('input.box[data-param=\"external_influence\"]').value")).GetString());
        Assert.True((await page.Evaluate("document.getElementById('param-external_influence').classList.contains('changed')")).GetBoolean());
        Assert.Empty(page.Console);
        var screenshot = await page.Screenshot();
        if (Environment.GetEnvironmentVariable("MOVEMENTSIM_KEEP_TEST_RESULTS") is "1" or "true")
        {
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "movementsim-explore-page.png"), screenshot);
        }
        using var png = Reporting.Pixels.Decode(screenshot);
        Assert.True(Reporting.Pixels.DistinctColours(png, Reporting.Pixels.Whole(png)) > 200, "the page has too few colours: charts not shown?");
    }

    [SkippableFact]
    public async Task Make_this_the_baseline_makes_the_changed_scenario_the_unchanged_one_with_a_clean_console()
    {
        using var workspace = new ExploreWorkspace();
        await using var explore = await Explored.OpenAsync(workspace);
        var page = explore.Page;
        Assert.Equal("the scenario as it was when explore started", (await page.Evaluate("document.getElementById('baseline').textContent")).GetString());
        var before = await Shown(page);
        await TypeIntoBox(page, "external_influence", "0.2");
        await page.WaitUntil(Refreshed(before.Version), ExploreWorkspace.Patience, "the charts after the change");
        var changed = await Shown(page);

        await page.Evaluate("document.getElementById('make-baseline').click()");
        await page.WaitUntil(Refreshed(changed.Version) + " && document.getElementById('baseline').textContent.includes('external_influence = 0.2')",
            ExploreWorkspace.Patience, "the page with the new baseline");

        Assert.Equal(changed.Headline, (await page.Evaluate("document.getElementById('headline-unchanged').textContent")).GetString());
        Assert.Equal(changed.Headline, (await Shown(page)).Headline);
        Assert.False((await page.Evaluate("document.getElementById('param-external_influence').classList.contains('changed')")).GetBoolean());
        Assert.Empty(page.Console);
    }

    [SkippableFact]
    public async Task Saving_a_csv_file_of_the_scenario_refreshes_the_page()
    {
        using var workspace = new ExploreWorkspace();
        await using var explore = await Explored.OpenAsync(workspace);
        var page = explore.Page;
        var before = await Shown(page);

        workspace.SetInFile("external_influence", "0.2");
        await page.WaitUntil(Refreshed(before.Version), ExploreWorkspace.Patience, "the charts after parameters.csv was saved");

        var after = await Shown(page);
        Assert.NotEqual(before.Headline, after.Headline);
        // The chart's address names the rerun, so it always differs: compare the images served.
        using var http = new HttpClient { BaseAddress = new Uri(explore.Server.Url) };
        Assert.NotEqual(await http.GetByteArrayAsync(before.Chart), await http.GetByteArrayAsync(after.Chart));
        Assert.Equal("0.2", (await page.Evaluate("document.querySelector('input.box[data-param=\"external_influence\"]').value")).GetString());
        Assert.Contains($"parameters.csv:{workspace.LineOf("external_influence")}", (await page.Evaluate("document.querySelector('#param-external_influence .facts').textContent")).GetString());
        Assert.Empty(page.Console);
    }

    [SkippableFact]
    public async Task A_bad_value_typed_on_the_page_shows_the_loaders_message_and_keeps_the_charts_with_a_clean_console()
    {
        using var workspace = new ExploreWorkspace();
        await using var explore = await Explored.OpenAsync(workspace);
        var page = explore.Page;
        var before = await Shown(page);

        await TypeIntoBox(page, "conversation", "lots");
        await page.WaitUntil("document.getElementById('status').dataset.state === 'invalid'", ExploreWorkspace.Patience, "the loader's message on the page");

        Assert.Contains("'lots' is not a number", (await page.Evaluate("document.getElementById('errors').textContent")).GetString());
        Assert.Equal(before, await Shown(page));
        Assert.Empty(page.Console);
    }
}
