using System.Text.RegularExpressions;
using MovementSim.Reporting;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// suite's index.html links every scenario's report by a URL-encoded relative link that a browser resolves to that very
/// file, whatever the folder is called, and suite never overwrites an index.html or chart that MovementSim did not write.
/// </summary>
public partial class SuiteIndexTests
{
    [Fact]
    public void Folder_names_that_look_like_a_script_or_hold_url_syntax_become_encoded_links_to_the_right_reports()
    {
        using var tmp = new TempFolder();
        var scenarios = tmp.Sub("scenarios");
        // The reproducers: a name that would be a javascript: link, and names with '#', '?' and '%'.
        string[] names = ["javascript:alert(document.domain)", "a#b?c%d e"];
        foreach (var name in names)
        {
            CliFixture.WriteScenario(scenarios, name, people: 200, steps: 8, sweep: null);
        }
        var results = tmp.Sub("results");

        var (code, _, err) = CliFixture.Run("suite", scenarios, "--reps", "1", "--results", results, "--quiet");

        Assert.True(code == 0, err);
        var html = File.ReadAllText(Path.Combine(results, "index.html"));
        Assert.Contains(IndexFiles.GeneratorMeta, html);
        var links = ReportLink().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(2, links.Count);
        foreach (var link in links)
        {
            Assert.DoesNotContain(':', link); // no scheme: javascript: became javascript%3A
            Assert.False(Uri.TryCreate(link, UriKind.Absolute, out _), link);
            // As a browser follows a relative link: segment by segment from the page's folder, each percent-decoded.
            var target = Path.Combine([results, .. link.Split('/').Select(Uri.UnescapeDataString)]);
            Assert.True(File.Exists(target), $"{link} resolves to {target}, which does not exist");
        }
        Assert.Contains(links, l => l.StartsWith("javascript%3Aalert%28document.domain%29/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("a%23b%3Fc%25d%20e/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_index_html_that_movementsim_did_not_write_is_refused_before_anything_runs_and_left_as_it_was()
    {
        using var tmp = new TempFolder();
        var scenarios = tmp.Sub("scenarios");
        CliFixture.WriteScenario(scenarios, "tiny", people: 200, steps: 8, sweep: null);
        var results = tmp.Sub("results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "index.html"), "<html>my own page</html>");

        var (code, _, err) = CliFixture.Run("suite", scenarios, "--reps", "1", "--results", results, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("index.html: not written by MovementSim, so it is not overwritten", err);
        Assert.Equal("<html>my own page</html>", File.ReadAllText(Path.Combine(results, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(results, "tiny")), "nothing ran");
    }

    [Fact]
    public void A_comparison_chart_that_movementsim_did_not_write_is_refused_and_kept()
    {
        using var tmp = new TempFolder();
        var scenarios = tmp.Sub("scenarios");
        CliFixture.WriteScenario(scenarios, "tiny", people: 200, steps: 8, sweep: null);
        var results = tmp.Sub("results");
        Directory.CreateDirectory(Path.Combine(results, "charts"));
        File.WriteAllText(Path.Combine(results, "charts", "compare_net_benefit.png"), "mine");

        var (code, _, err) = CliFixture.Run("suite", scenarios, "--reps", "1", "--results", results, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("compare_net_benefit.png: not written by MovementSim", err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(results, "charts", "compare_net_benefit.png")));
    }

    [Fact]
    public void Running_the_suite_again_replaces_its_own_index_and_charts_and_leaves_other_files_alone()
    {
        using var tmp = new TempFolder();
        var scenarios = tmp.Sub("scenarios");
        CliFixture.WriteScenario(scenarios, "tiny", people: 200, steps: 8, sweep: null);
        var results = tmp.Sub("results");
        Assert.Equal(0, CliFixture.Run("suite", scenarios, "--reps", "1", "--results", results, "--quiet").Code);
        File.WriteAllText(Path.Combine(results, "charts", "my-notes.txt"), "mine");
        // One second later the timestamped result folders differ, so the second suite does not resume the first.
        Thread.Sleep(1100);

        var (code, _, err) = CliFixture.Run("suite", scenarios, "--reps", "1", "--results", results, "--quiet");

        Assert.True(code == 0, err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(results, "charts", "my-notes.txt")));
        Assert.Empty(Directory.EnumerateFiles(results, "*.tmp", SearchOption.AllDirectories));
    }

    [GeneratedRegex("""<td><a href="([^"]*)">""")]
    private static partial Regex ReportLink();
}
