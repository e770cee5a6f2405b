using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

/// <summary>The files and columns per-person forms add (dated alternatives, rights and effort, who chooses a
/// component, coverage targets, client groups and the population) are checked like every other: each problem at its
/// file, line and column, saying what would be valid.</summary>
public sealed class FormFilesErrorTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    private const string AlternativesHeader =
        "component,alternative,fidelity,cost,appeal_rights,appeal_money,appeal_organisation,appeal_process,appeal_profession,appeal_career,appeal_pragmatism,available_from,available_to,right,person_effort,staff_effort";

    /// <summary>The example's alternatives with the new columns; <paramref name="managed"/> and <paramref name="cash"/>
    /// are the tails (from available_from on) of the managed account's and cash's rows.</summary>
    private static string Alternatives(string cash = ",,,1,0.4,0.6", string managed = "2000,,0,,") => $"""
        {AlternativesHeader}
        payment,cash,1,1,1,0.3,0.2,0.2,0.3,0.5,0.6{cash}
        payment,managed_account,0.6,0.9,0.5,0.6,0.6,0.7,0.5,0.5,0.6,{managed}
        payment,notional_budget,0.3,0.8,0.2,0.9,0.7,0.8,0.7,0.5,0.5,,,,,
        planning,person_led,1,1,1,0.4,0.3,0.2,0.2,0.5,0.5,,,,,
        planning,resource_allocation,0.5,0.7,0.3,0.9,0.5,0.9,0.6,0.5,0.6,,,,,

        """;

    private ScenarioError Single(params (string File, string? Content)[] changes)
    {
        var errors = _folders.LoadExample(changes).Errors;
        return Assert.Single(errors);
    }

    private string FileOf(string name) => Path.Join(_folders.PathOf("example"), name);

    [Fact]
    public void The_example_with_every_new_column_and_file_loads()
    {
        var loaded = _folders.LoadExample(
            (ScenarioFormat.AlternativesFile, Alternatives()),
            (ScenarioFormat.ComponentsFile, "component,importance,chosen_by\npayment,2,person\nplanning,1,institution\n"),
            (ScenarioFormat.GroupsFile, "group,share,propensity,tolerance_min,tolerance_max,eligible_from,suits\nyounger,0.4,1,0.2,1,,\nolder,0.6,0.1,0,0.7,2000,payment/notional_budget;person_led\n"),
            (ScenarioFormat.PopulationFile, "year,people,source,note\n1997,1000000,a source,a note\n2005,1200000,,\n"),
            (ScenarioFormat.EventsFile, "year,event,target,value,by,label\n2001,coverage_target,council,0.5,2004,a target\n2002,workforce_funding,council,2,,posts\n"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var s = loaded.Scenario!;
        Assert.Equal(2000, s.Components[0].Alternatives[1].AvailableFrom);
        Assert.True(s.Components[0].Alternatives[0].Right);
        Assert.Equal(Core.Chooser.Institution, s.Components[1].ChosenBy);
        Assert.Equal(["payment/notional_budget", "planning/person_led"], s.Groups[1].Suits!);
        Assert.Equal(2004, s.Events[0].By);
        Assert.Equal(2, s.EligiblePopulation.Count);
    }

    /// <summary>The example's payment alternatives with a needs_systems column (after right), whose cells for cash and the
    /// managed account are given.</summary>
    private static string WithSystems(string cash, string managed) => $"""
        component,alternative,fidelity,cost,appeal_rights,appeal_money,appeal_organisation,appeal_process,appeal_profession,appeal_career,appeal_pragmatism,available_from,available_to,right,needs_systems,person_effort,staff_effort
        payment,cash,1,1,1,0.3,0.2,0.2,0.3,0.5,0.6,,,1,{cash},0.4,0.6
        payment,managed_account,0.6,0.9,0.5,0.6,0.6,0.7,0.5,0.5,0.6,2000,,0,{managed},,
        planning,person_led,1,1,1,0.4,0.3,0.2,0.2,0.5,0.5,,,,,,

        """;

    [Fact]
    public void An_alternative_can_need_the_institution_s_systems_but_an_original_cannot()
    {
        var loaded = _folders.LoadExample((ScenarioFormat.AlternativesFile, WithSystems(cash: "", managed: "1")));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Assert.Equal([false, true], loaded.Scenario!.Components[0].Alternatives.Select(a => a.NeedsSystems));
        var original = Single((ScenarioFormat.AlternativesFile, WithSystems(cash: "1", managed: "1")));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.AlternativesFile), 2, 15,
            "'cash' is the original of its component, which every institution can offer: needs_systems must be empty or 0 for it"), original);
        var notFlag = Single((ScenarioFormat.AlternativesFile, WithSystems(cash: "", managed: "soon")));
        Assert.Equal((3, 15), (notFlag.Line, notFlag.Column));
    }

    [Fact]
    public void An_alternative_that_ends_before_it_starts_is_an_error_at_available_to()
    {
        var e = Single((ScenarioFormat.AlternativesFile, Alternatives(managed: "2003,2001,0,,")));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.AlternativesFile), 3, 13, "available_to (2001) must be after available_from (2003)"), e);
    }

    [Fact]
    public void An_original_cannot_end_or_start_after_the_run_does()
    {
        var ends = Single((ScenarioFormat.AlternativesFile, Alternatives(cash: ",,2005,1,0.4,0.6")));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.AlternativesFile), 2, 13,
            "'cash' is the original of component 'payment', which the movement always offers: it cannot stop existing, so available_to must be empty"), ends);
        var late = Single((ScenarioFormat.AlternativesFile, Alternatives(cash: ",2000,,1,0.4,0.6")));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.AlternativesFile), 2, 12,
            "'cash' is the original of component 'payment', which the movement offers from the start: available_from (2000) must be empty or at most start_year = 1997"), late);
    }

    [Theory]
    // effort is a probability
    [InlineData(",,,1,1.5,0.6", 15, "person_effort = 1.5 is out of range: it must be a number from 0 to 1")]
    // right is a flag
    [InlineData(",,,yes,0.4,0.6", 14, "'yes' is not a valid right: expected 0 or 1 (true or false also accepted)")]
    public void Bad_rights_and_efforts_are_errors_at_their_field(string cash, int column, string message)
    {
        var e = Single((ScenarioFormat.AlternativesFile, Alternatives(cash: cash)));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.AlternativesFile), 2, column, message), e);
    }

    [Fact]
    public void Who_chooses_a_component_is_person_or_institution()
    {
        var e = Single((ScenarioFormat.ComponentsFile, "component,importance,chosen_by\npayment,2,council\nplanning,1,\n"));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.ComponentsFile), 2, 3,
            "'council' is not a valid chosen_by: expected one of person, institution"), e);
    }

    [Theory]
    // a coverage target needs its year
    [InlineData("2001,coverage_target,council,0.5,,", 5, "a coverage_target event needs the year it is to be met by in the column by (add the column if the header lacks it)")]
    // which cannot come before the event
    [InlineData("2001,coverage_target,council,0.5,2000,", 5, "by (2000) must be at or after the event's year (2001)")]
    // and other events have none
    [InlineData("2001,mandate,council,0.5,2004,", 5, "by is only for coverage_target events: leave it empty for mandate")]
    // a share of at most 1
    [InlineData("2001,coverage_target,council,1.2,2004,", 4, "value = 1.2 is out of range: it must be a number from 0 to 1 for coverage_target events")]
    public void Coverage_targets_are_checked_at_their_field(string row, int column, string message)
    {
        var e = Single((ScenarioFormat.EventsFile, $"year,event,target,value,by,label\n{row}\n"));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.EventsFile), 2, column, message), e);
    }

    private const string GroupsHeader = "group,share,propensity,tolerance_min,tolerance_max,eligible_from,suits";

    [Fact]
    public void The_groups_shares_must_sum_to_one()
    {
        var e = Single((ScenarioFormat.GroupsFile, $"{GroupsHeader}\nyounger,0.4,1,0.2,1,,\nolder,0.5,0.1,0,0.7,,\n"));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.GroupsFile), 1, 2,
            "the groups' shares sum to 0.9, not 1: each person belongs to exactly one group"), e);
    }

    [Theory]
    // a tolerance range the right way round
    [InlineData("older,1,0.1,0.7,0.2,,", 5, "tolerance_max (0.2) must be at least tolerance_min (0.7)")]
    // suited alternatives must exist, with the nearest name
    [InlineData("older,1,0.1,0,0.7,,notional_budgt", 7, "alternative 'notional_budgt' is not in alternatives.csv; did you mean 'notional_budget'?")]
    // a component/alternative pair must name an alternative of that component
    [InlineData("older,1,0.1,0,0.7,,payment/person_led", 7, "alternative 'payment/person_led' is not in alternatives.csv: known are cash, managed_account, notional_budget, person_led, resource_allocation")]
    public void A_bad_group_is_an_error_at_its_field(string row, int column, string message)
    {
        var e = Single((ScenarioFormat.GroupsFile, $"{GroupsHeader}\n{row}\n"));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.GroupsFile), 2, column, message), e);
    }

    [Fact]
    public void Population_rows_must_be_in_increasing_year()
    {
        var e = Single((ScenarioFormat.PopulationFile, "year,people\n2005,1200000\n2001,1000000\n"));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.PopulationFile), 3, 1,
            "year 2001 is not after the row before (2005): rows must be in increasing year"), e);
    }

    [Fact]
    public void An_innovation_with_more_forms_than_a_person_s_code_can_hold_is_refused()
    {
        // 9 components of 4 alternatives: 4^9 = 262,144 forms.
        var components = "component,importance\n" + string.Concat(Enumerable.Range(0, 9).Select(k => $"c{k},1\n"));
        var alternatives = "component,alternative,fidelity,cost,appeal_rights,appeal_money,appeal_organisation,appeal_process,appeal_profession,appeal_career,appeal_pragmatism\n"
            + string.Concat(Enumerable.Range(0, 9).SelectMany(k => Enumerable.Range(0, 4).Select(a => $"c{k},a{a},{(a == 0 ? 1 : 0.5)},1,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n")));
        var e = Single((ScenarioFormat.ComponentsFile, components), (ScenarioFormat.AlternativesFile, alternatives));
        Assert.Equal(new ScenarioError(FileOf(ScenarioFormat.ComponentsFile), 1, 0,
            "the innovation has 262144 forms (the product of its components' numbers of alternatives): at most 65535 are allowed; merge or drop alternatives"), e);
    }
}
