using System.Text.RegularExpressions;
using MovementSim.Core;
using MovementSim.Reporting;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>report.html and the cross-scenario index.html: computed numbers, and every image and file they refer to.</summary>
[Collection(ReportingCollection.Name)]
public sealed class ReportTests(ReportingFixture fixture)
{
    private string ReportHtml => File.ReadAllText(fixture.SingleReport.ReportPath);

    /// <summary>The mean over replicates of a measure at the last step, straight from the values written, not through the reader.</summary>
    private double FinalMean(string measure, int designPoint = 0)
    {
        var column = SyntheticResults.MeasureNames.ToList().IndexOf(measure);
        return fixture.Single.Values.Where(kv => kv.Key.DesignPoint == designPoint).Average(kv => kv.Value[^1][column]);
    }

    [Fact]
    public void The_report_states_the_final_reach_fidelity_and_net_benefit_computed_from_the_runs()
    {
        var html = ReportHtml;
        var r = ResultFolder.Load(fixture.Single.Root);
        var final = r.Primary.Final(MeasureSet.NetBenefit);

        Assert.Contains($"By 2020, reach was {Format.Percent(FinalMean(MeasureSet.Reach))} (95% CI ", html);
        Assert.Contains($"fidelity {Format.Score(FinalMean(MeasureSet.Fidelity))} (95% CI ", html);
        Assert.Contains($"net benefit was {Format.Benefit(FinalMean(MeasureSet.NetBenefit))} (95% CI {Format.Benefit(final.CiLow)} to {Format.Benefit(final.CiHigh)})", html);
        Assert.Contains($"above what the movement reaches alone ({Format.Benefit(FinalMean(MeasureSet.NetBenefit, designPoint: 1))}", html);
        var text = Regex.Replace(html, "data:image/png;base64,[^\"]+", "");
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("n/a", text);
    }

    [Fact]
    public void The_headline_table_has_the_start_each_event_year_and_the_end()
    {
        var table = Regex.Match(ReportHtml, "<table id=\"headline-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var years = Regex.Matches(table, "<tr><td>(\\d{4})</td>").Select(m => m.Groups[1].Value);

        Assert.Equal(["1995", "1997", "2003", "2008", "2015", "2020"], years);
        Assert.Contains("Net benefit, movement alone", table);
    }

    [Fact]
    public void The_report_says_what_was_run_and_which_parameters_differ_from_the_defaults()
    {
        var html = ReportHtml;

        Assert.Contains("<th>Master seed</th><td>42</td>", html);
        Assert.Contains("<th>Program version</th><td>0.1.0</td>", html);
        Assert.Contains("5 per design point", html);
        var parameters = Regex.Match(html, "<table id=\"parameters\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<code>people</code></td><td>2000</td><td>10000</td>", parameters);
        Assert.Contains("<code>network</code></td><td>small_world</td><td>random</td>", parameters);
        Assert.Contains("<code>institutional_adoption</code></td><td>varies: 1, 0</td>", parameters);
        Assert.DoesNotContain("<code>imitation</code>", parameters); // at its default
        Assert.Contains("9f2c4e", html); // an input file's hash, from manifest.json
    }

    [Fact]
    public void The_report_embeds_every_chart_and_every_file_it_links_to_exists()
    {
        var html = ReportHtml;
        var root = fixture.Single.Root;

        var images = Regex.Matches(html, "<img src=\"data:image/png;base64,([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(fixture.SingleReport.Charts.Count, images.Count);
        foreach (var (image, chart) in images.Zip(fixture.SingleReport.Charts))
        {
            Assert.Equal(File.ReadAllBytes(chart.PngPath), Convert.FromBase64String(image));
            Assert.Contains($"<figure id=\"chart-{chart.Name}\">", html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(chart.Caption), html);
        }
        var links = Regex.Matches(html, "(?:href|src)=\"([^\"#][^\"]*)\"").Select(m => m.Groups[1].Value)
            .Where(l => !l.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.Contains("charts/reach_fidelity.svg", links);
        Assert.Contains("timeseries.csv", links);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(root, l)) || Directory.Exists(Path.Combine(root, l)), $"{l} does not exist"));
        Assert.DoesNotContain("http", string.Join(" ", links)); // nothing to fetch: it opens offline
    }

    [Fact]
    public void The_sensitivity_section_names_in_words_the_parameters_the_conclusion_depends_on_most()
    {
        var html = ReportHtml;

        Assert.Contains("The outcome depends most on imitation (ST 0.52, 95% CI 0.45 to 0.6), conversation (ST 0.27, 95% CI 0.2 to 0.34) " +
                        "and coproduction (ST 0.12, 95% CI 0.06 to 0.18).", html);
        Assert.Contains("<li><strong>imitation</strong>: Bass q: hazard of take-up per unit share of neighbours reached (per year); default 0.38.</li>", html);
        Assert.Contains("Mimetic rate and crowd out matter little (ST below 0.05).", html);
    }

    [Fact]
    public void The_calibration_section_lists_the_fit_and_says_which_parameters_the_data_do_not_identify()
    {
        var html = ReportHtml;

        Assert.Contains("2 parameters were fitted", html);
        Assert.Contains("the data do not identify crowd out", html);
        Assert.Contains("<table id=\"model-record\">", html); // the observations fitted, beside the model
    }

    [Fact]
    public void The_index_links_each_scenario_report_above_the_cross_scenario_charts()
    {
        var html = File.ReadAllText(fixture.Comparison.IndexPath);

        var links = Regex.Matches(html, "<a href=\"([^\"]+/report\\.html)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["direct_payments/report.html", "social_prescribing/report.html", "movement_only/report.html", "paired_case/report.html", "no_movement/report.html"], links);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(fixture.Root, l))));
        Assert.True(html.IndexOf("id=\"scenarios\"", StringComparison.Ordinal) < html.IndexOf("<figure", StringComparison.Ordinal));
        Assert.Equal(["compare_reach_fidelity", "compare_net_benefit"], fixture.Comparison.Charts.Select(c => c.Name));
    }

    [Fact]
    public void The_index_compares_each_scenario_only_with_its_own_counterfactual_never_with_another_scenario()
    {
        var html = File.ReadAllText(fixture.Comparison.IndexPath);
        var verdicts = Regex.Matches(html, "<tr><td><a href=\"([^/]+)/report\\.html\">.*?<td data-verdict=\"([a-z-]+)\">([^<]*)</td></tr>")
            .ToDictionary(m => m.Groups[1].Value, m => (Verdict: m.Groups[2].Value, Text: System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)));

        var paired = ResultFolder.Load(fixture.Paired.Root).Primary.Final("net_benefit_difference");
        Assert.Equal(("helped", $"helped: net benefit {Format.SignedBenefit(paired.Mean)} (95% CI {Format.SignedBenefit(paired.CiLow)} to {Format.SignedBenefit(paired.CiHigh)})"),
            verdicts["paired_case"]);
        Assert.Equal("notapplicable", verdicts["movement_only"].Verdict); // the movement alone is its own counterfactual, not everyone's
        Assert.Equal("notapplicable", verdicts["no_movement"].Verdict);
        Assert.Contains("no movement", verdicts["no_movement"].Text);
        Assert.Equal("notrun", verdicts["social_prescribing"].Verdict);
        Assert.Equal("notrun", verdicts["direct_payments"].Verdict); // a folder whose reference is a design point of its own sweep is not paired
        Assert.Contains("<th>Against its own counterfactual</th>", html);
        Assert.DoesNotContain("movement alone", string.Concat(fixture.Comparison.Charts.Select(c => c.Caption)));
        Assert.Contains("institutional take-up helped in 1 of the 1 scenarios where the comparison applies", fixture.Comparison.Charts[0].Caption);
    }

    [Fact]
    public void A_report_of_runs_paired_with_their_counterfactual_leads_with_the_answer_and_its_intervals()
    {
        var html = File.ReadAllText(fixture.PairedReport.ReportPath);
        var p = ResultFolder.Load(fixture.Paired.Root).Primary;
        var net = p.Final("net_benefit_difference");
        var people = p.Final("people_reached_difference");

        var lede = Regex.Match(html, "<p class=\"lede\" id=\"answer-sentence\" data-verdict=\"helped\">([^<]*)</p>").Groups[1].Value;
        Assert.StartsWith($"Institutional take-up helped: by 2020, {Format.People(people.Mean)} more people were reached (95% CI {Format.SignedPeople(people.CiLow)} to {Format.SignedPeople(people.CiHigh)})",
            System.Net.WebUtility.HtmlDecode(lede));
        Assert.Contains($"net benefit {Format.Benefit(net.Mean)} higher (95% CI {Format.SignedBenefit(net.CiLow)} to {Format.SignedBenefit(net.CiHigh)}) than in the same world without institutional take-up",
            System.Net.WebUtility.HtmlDecode(lede));
        Assert.True(html.IndexOf("id=\"answer-sentence\"", StringComparison.Ordinal) < html.IndexOf("id=\"headline-sentence\"", StringComparison.Ordinal));
        var table = Regex.Match(html, "<table id=\"counterfactual-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(1 + 6, Regex.Matches(table, "<tr>").Count); // header, reach, fidelity, net benefit, lost, people reached, people lost
        Assert.Contains("Net benefit, movement alone", html); // the headline table's reference column is the paired counterfactual
    }

    [Fact]
    public void The_robustness_section_gives_the_share_of_worlds_won_the_flip_region_a_ranking_a_tornado_and_the_top_two_parameters_scatters()
    {
        var html = File.ReadAllText(fixture.PairedReport.ReportPath);
        var section = Regex.Match(html, "<section id=\"how-robust-is-this-answer-\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        var worlds = MovementSim.Tests.Analysis.AnalysisFixture.ReadCsv(Path.Combine(fixture.Paired.Root, "robustness.csv"));
        var won = worlds.Count(w => w["wins"] == "true");

        Assert.Contains("<h2>How robust is this answer?</h2>", section);
        Assert.Contains($"Institutional take-up beat its counterfactual on net benefit in {won} of {SyntheticResults.RobustnessWorlds} sampled worlds by 2020 " +
                        $"({Format.Percent((double)won / SyntheticResults.RobustnessWorlds)}, 95% CI 40% to 70%).", section);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(SyntheticResults.FlipRegion), section);
        Assert.Contains("depends most on movement capacity max (PRCC −0.85, 95% CI −0.90 to −0.77: the higher it is, the smaller the difference) " +
                        "and benefit function (PRCC −0.60", section);
        Assert.Equal(["robustness_tornado", "robustness_scatter_movement_capacity_max", "robustness_scatter_benefit_function"],
            Regex.Matches(section, "<figure id=\"chart-([a-z_]+)\">").Select(m => m.Groups[1].Value));
        var linear = worlds.Where(w => w["benefit_function"] == "linear").ToList();
        Assert.Contains($"Take-up won in {Format.Percent((double)linear.Count(w => w["wins"] == "true") / linear.Count)} of {linear.Count} worlds with benefit function linear", section);
        Assert.Contains("<table id=\"uncertain\">", section);
    }
}
