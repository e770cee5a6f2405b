using System.Text.RegularExpressions;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Cli;

/// <summary>
/// suite answers each scenario against its own counterfactual: every run is paired, each report leads with the answer,
/// the index compares each scenario only with its own; with --robust each report also says how robust the answer is.
/// </summary>
public class SuiteCounterfactualTests
{
    private static (string Scenarios, string Results) TwoScenarios(TempFolder tmp)
    {
        var scenarios = tmp.Sub("scenarios");
        CliFixture.WriteScenario(scenarios, "tiny", sweep: null);
        var alone = CliFixture.WriteScenario(scenarios, "tiny-alone", sweep: null);
        var parameters = Path.Combine(alone, "parameters.csv");
        File.WriteAllText(parameters, File.ReadAllText(parameters).Replace("institutional_adoption,1", "institutional_adoption,0", StringComparison.Ordinal));
        return (scenarios, tmp.Sub("results"));
    }

    private static string ReportOf(string results, string scenario) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(results, scenario), "report.html", SearchOption.AllDirectories).Single(f => !f.Contains("robustness", StringComparison.Ordinal)));

    [Fact]
    public void Every_scenario_is_run_with_its_counterfactual_and_its_report_and_the_index_lead_with_the_answer_against_it_alone()
    {
        using var tmp = new TempFolder();
        var (scenarios, results) = TwoScenarios(tmp);

        var (code, _, err) = CliFixture.Run("suite", scenarios, "--reps", "3", "--results", results, "--quiet");

        Assert.True(code == 0, err);
        var tiny = ReportOf(results, "tiny");
        Assert.Matches("<p class=\"lede\" id=\"answer-sentence\" data-verdict=\"(helped|harmed|nocleardifference)\">Institutional take-up ", tiny);
        Assert.Contains("95% CI", Regex.Match(tiny, "id=\"answer-sentence\"[^>]*>([^<]*)<").Groups[1].Value);
        Assert.Contains("data-verdict=\"notapplicable\">The comparison with a counterfactual is not applicable", ReportOf(results, "tiny-alone"));
        var index = File.ReadAllText(Path.Combine(results, "index.html"));
        Assert.Contains("<th>Against its own counterfactual</th>", index);
        Assert.Matches("tiny/[0-9-]+/report\\.html\">tiny</a>.*<td data-verdict=\"(helped|harmed|nocleardifference)\">", index);
        Assert.DoesNotContain("this is the reference", index);
        Assert.DoesNotContain("robustness", string.Join(" ", Directory.GetDirectories(results, "*", SearchOption.AllDirectories)));
    }

    [Fact]
    public void With_robust_each_report_where_the_question_applies_says_how_robust_the_answer_is()
    {
        using var tmp = new TempFolder();
        var (scenarios, results) = TwoScenarios(tmp);

        var (code, stdout, err) = CliFixture.Run("suite", scenarios, "--reps", "2", "--results", results, "--quiet", "--robust", "--samples", "8");

        Assert.True(code == 0, err);
        Assert.Contains("robustness: not applicable (no institutional adoption)", stdout);
        var tiny = ReportOf(results, "tiny");
        Assert.Contains("<h2>How robust is this answer?</h2>", tiny);
        Assert.Matches("id=\"robustness-share\">Institutional take-up beat its counterfactual on net benefit in [0-8] of 8 sampled worlds", tiny);
        Assert.Single(Directory.GetFiles(Path.Combine(results, "tiny"), "robustness.json", SearchOption.AllDirectories));
        Assert.DoesNotContain("How robust is this answer?", ReportOf(results, "tiny-alone"));
    }
}
