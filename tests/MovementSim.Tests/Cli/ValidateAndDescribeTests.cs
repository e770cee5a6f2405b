using MovementSim.Scenarios;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Cli;

/// <summary>validate and describe, run in-process with captured output and exit codes.</summary>
public class ValidateAndDescribeTests
{
    [Fact]
    public void Validate_accepts_a_shipped_scenario_and_says_what_it_holds()
    {
        var (code, stdout, stderr) = CliFixture.Run("validate", RepoPaths.Scenario("direct-payments"));
        Assert.True(code == 0, stderr);
        Assert.Contains("valid", stdout);
        Assert.Contains("20000 people", stdout);
    }

    [Fact]
    public void Validate_reports_every_problem_with_file_line_and_column_and_exits_1()
    {
        var work = Path.Combine(Path.GetTempPath(), "movementsim-validate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var scenario = CliFixture.WriteScenario(work, "tiny", sweep: null);
            File.WriteAllText(Path.Combine(scenario, "parameters.csv"), "parameter,value\nimitaton,0.5\npeople,\"1,5\"\n");
            var (code, _, stderr) = CliFixture.Run("validate", scenario);
            Assert.Equal(1, code);
            var file = Path.Combine(scenario, "parameters.csv");
            Assert.Contains($"{file}:2:1: unknown parameter 'imitaton'; did you mean 'imitation'?", stderr);
            Assert.Contains($"{file}:3:2: '1,5' is not a number", stderr);
            Assert.Contains("2 problems found", stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Validate_checks_set_overrides_like_the_files()
    {
        var (code, _, stderr) = CliFixture.Run("validate", RepoPaths.Scenario("bass-docking"), "--set", "imitation=-1");
        Assert.Equal(1, code);
        Assert.Contains("--set:0:1: imitation = -1 is out of range", stderr);
    }

    [Fact]
    public void A_set_without_an_equals_sign_is_a_usage_error()
    {
        var (code, _, stderr) = CliFixture.Run("validate", RepoPaths.Scenario("bass-docking"), "--set", "imitation");
        Assert.Equal(2, code);
        Assert.Contains("--set expects name=value", stderr);
    }

    [Fact]
    public void Describe_lists_every_parameter_with_its_default_and_range_and_every_files_columns()
    {
        var (code, stdout, stderr) = CliFixture.Run("describe");
        Assert.True(code == 0, stderr);
        foreach (var spec in MovementSim.Core.ParameterCatalog.All)
        {
            Assert.Contains(spec.Name, stdout);
            Assert.Contains(spec.RangeText, stdout);
        }
        Assert.Contains("organisations.csv", stdout);
        Assert.Contains("w_rights", stdout);
    }

    [Fact]
    public void Describe_of_a_variant_marks_what_differs_from_the_defaults_and_where_it_was_set()
    {
        var (code, stdout, _) = CliFixture.Run("describe", RepoPaths.Scenario("movement-only"));
        Assert.Equal(0, code);
        Assert.Matches(@"\* institutional_adoption\s+0", stdout);
        Assert.Contains("movement-only/parameters.csv:3", stdout);
    }

    [Fact]
    public void Describe_gives_each_uncertain_parameter_its_plausible_range_and_its_source()
    {
        var (code, stdout, stderr) = CliFixture.Run("describe");

        Assert.True(code == 0, stderr);
        Assert.Contains("plausible 0.005–0.1 (assumption around Sultan, Farley and Lehmann (1990): mean p = 0.03)", stdout);
        Assert.Contains("plausible linear or threshold (Durlak and DuPre (2008)", stdout);
        Assert.DoesNotContain("plausible", stdout.Split('\n').SkipWhile(l => !l.Contains("institutional_adoption", StringComparison.Ordinal)).Skip(1).First());
    }

    [Fact]
    public void A_scenarios_ranges_file_replaces_the_catalogs_plausible_range_in_describe_and_validate_checks_it()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        var ranges = Path.Combine(scenario, "ranges.csv");
        File.WriteAllText(ranges, "parameter,min,max\n# from a calibration\nimitation,0.03,0.08\ncaseload,150,300\n");

        var (code, stdout, stderr) = CliFixture.Run("describe", scenario);

        Assert.True(code == 0, stderr);
        Assert.Contains($"plausible 0.03–0.08 ({ranges}:3)", stdout);
        Assert.Contains($"plausible 150–300 ({ranges}:4)", stdout); // a parameter the catalog does not call uncertain
        Assert.Equal(0, CliFixture.Run("validate", scenario).Code);

        File.WriteAllText(ranges, "parameter,min,max\nimitation,0.08,0.03\ninstitutional_adoption,0,1\n");
        var (invalid, _, problems) = CliFixture.Run("validate", scenario);

        Assert.Equal(1, invalid);
        Assert.Contains($"{ranges}:2:2: imitation: the range is reversed", problems);
        Assert.Contains($"{ranges}:3:1: institutional_adoption is the switch a robustness analysis compares", problems);
    }

    [Fact]
    public void Describe_of_a_scenario_shows_its_alternatives_with_the_years_they_exist_its_groups_and_targets()
    {
        using var folders = new Scenarios.ScenarioFolders();
        var folder = folders.WriteExample("dated",
            (ScenarioFormat.ComponentsFile, "component,importance,chosen_by\npayment,2,person\nplanning,1,institution\n"),
            (ScenarioFormat.AlternativesFile, """
                component,alternative,fidelity,cost,appeal_rights,appeal_money,appeal_organisation,appeal_process,appeal_profession,appeal_career,appeal_pragmatism,available_from,available_to,right,person_effort,staff_effort
                payment,cash,1,1,1,0.3,0.2,0.2,0.3,0.5,0.6,,,1,0.4,0.6
                payment,managed_account,0.6,0.9,0.5,0.6,0.6,0.7,0.5,0.5,0.6,2003,2010.5,0,,
                planning,person_led,1,1,1,0.4,0.3,0.2,0.2,0.5,0.5,,,,,

                """),
            (ScenarioFormat.GroupsFile, "group,share,propensity,tolerance_min,tolerance_max,eligible_from\nolder,1,0.5,0,0.7,2000\n"),
            (ScenarioFormat.EventsFile, "year,event,target,value,by,label\n2001,coverage_target,council,0.3,2003,a target\n"));
        var (code, stdout, stderr) = CliFixture.Run("describe", folder);
        Assert.True(code == 0, stderr);
        Assert.Contains("payment (importance 2, chosen by the person)", stdout);
        Assert.Contains("planning (importance 1, chosen by the institution)", stdout);
        Assert.Matches(@"cash\s+fidelity 1\s+cost 1\s+always\s+right effort 0.4 / 0.6", stdout);
        Assert.Matches(@"managed_account\s+fidelity 0.6\s+cost 0.9\s+from 2003 to 2010.5", stdout);
        Assert.Matches(@"older\s+1\s+0.5\s+0-0.7\s+2000", stdout);
        Assert.Matches(@"2001\s+coverage_target\s+council\s+0.3 by 2003\s+a target", stdout);
    }
}
