using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void A_valid_folder_loads_into_the_scenario_its_files_describe()
    {
        var loaded = _folders.LoadExample();

        Assert.Empty(loaded.Errors);
        Assert.True(loaded.IsValid);
        var s = loaded.Scenario!;
        Assert.Equal("example", s.Name);
        Assert.Equal(2000, s.Parameters.People);
        Assert.Equal(40, s.Parameters.Steps);
        Assert.Equal(1997, s.Parameters.StartYear);
        Assert.Equal(0.4, s.Parameters.Imitation);
        Assert.Equal(NetworkKind.SmallWorld, s.Parameters.Network);
        Assert.Equal(new ModelParameters().ExternalInfluence, s.Parameters.ExternalInfluence);

        Assert.Equal(
            [
                new OrganisationSpec("government", Position.Inside, OrganisationRole.Government, 1, 0, 1, false),
                new OrganisationSpec("council", Position.Inside, OrganisationRole.Institution, 20, 0.3, 0.5, false),
                new OrganisationSpec("user_led", Position.Outside, OrganisationRole.Movement, 5, 0, 0, false),
            ],
            s.Organisations);

        var campaigner = s.Archetypes[2];
        Assert.Equal(("campaigner", "user_led", 3), (campaigner.Name, campaigner.Organisation, campaigner.CountPerOrganisation));
        Assert.Equal([0.8, 0, 0.1, 0, 0, 0, 0.1], campaigner.MotiveWeights);
        Assert.Equal([0, 0, 1, 0.2, 0.5], campaigner.Resources);
        Assert.Equal((0.9, 0.7, false, true), (campaigner.InitialSupport, campaigner.FidelityTolerance, campaigner.DecisionMaker, campaigner.Broker));

        Assert.Equal(["payment", "planning"], s.Components.Select(c => c.Name));
        Assert.Equal([2.0, 1.0], s.Components.Select(c => c.Importance));
        Assert.Equal(["cash", "managed_account", "notional_budget"], s.Components[0].Alternatives.Select(a => a.Name));
        var notional = s.Components[0].Alternatives[2];
        Assert.Equal((0.3, 0.8), (notional.Fidelity, notional.Cost));
        Assert.Equal([0.2, 0.9, 0.7, 0.8, 0.7, 0.5, 0.5], notional.Appeal);

        Assert.Equal(
            [
                new EventSpec(2003, EventKind.Mandate, "council", 0.5),
                new EventSpec(2005.5, EventKind.BudgetShock, "council", 0.2),
                new EventSpec(2001, EventKind.Forum, "all", 0.5),
            ],
            s.Events);
    }

    [Fact]
    public void Files_lists_every_file_used_with_its_full_and_display_path()
    {
        var folder = _folders.WriteExample();

        var loaded = ScenarioLoader.Load(folder);

        // The example has every file but the optional client groups and population.
        Assert.Equal(ScenarioFormat.Files.Select(f => f.Name).Except([ScenarioFormat.GroupsFile, ScenarioFormat.PopulationFile]),
            loaded.Files.Select(f => f.Name));
        Assert.All(loaded.Files, f => Assert.Equal(Path.Combine(folder, f.Name), f.FullPath));
        Assert.All(loaded.Files, f => Assert.Equal(Path.Join(folder, f.Name), f.DisplayPath));
        Assert.All(loaded.Files, f => Assert.Equal(0, f.Depth));
        Assert.Equal([folder], loaded.Chain);
    }

    [Fact]
    public void Without_parameters_csv_or_events_csv_every_parameter_keeps_its_default_and_there_are_no_events()
    {
        var loaded = _folders.LoadExample((ScenarioFormat.ParametersFile, null), (ScenarioFormat.EventsFile, null));

        Assert.Empty(loaded.Errors);
        Assert.Equal(new ModelParameters(), loaded.Scenario!.Parameters);
        Assert.Empty(loaded.Scenario.Events);
        Assert.Empty(loaded.Settings);
    }

    [Fact]
    public void An_events_file_with_only_its_header_means_no_events()
    {
        var loaded = _folders.LoadExample((ScenarioFormat.EventsFile, "year,event,target,value\n"));

        Assert.Empty(loaded.Errors);
        Assert.Empty(loaded.Scenario!.Events);
    }

    [Fact]
    public void An_actors_file_with_only_its_header_means_no_actors()
    {
        var loaded = _folders.LoadExample((ScenarioFormat.ActorsFile, ScenarioFormat.Actors.HeaderLine + "\n"));

        Assert.Empty(loaded.Errors);
        Assert.Empty(loaded.Scenario!.Archetypes);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_values_may_be_quoted_padded_true_or_false()
    {
        var organisations = """
            role,organisation,count,position,adopted_at_start,capacity,adoption_threshold
            government,government,1,inside,FALSE,0,1
            institution, "council" ,20,inside,true,"0.3",0.5
            movement,user_led,5,outside,0,0,0

            """;

        var loaded = _folders.LoadExample((ScenarioFormat.OrganisationsFile, organisations));

        Assert.Empty(loaded.Errors);
        Assert.Equal(new OrganisationSpec("council", Position.Inside, OrganisationRole.Institution, 20, 0.3, 0.5, true),
            loaded.Scenario!.Organisations[1]);
    }

    [Fact]
    public void Comment_lines_and_blank_lines_are_skipped_but_still_count_in_line_numbers()
    {
        var parameters = "# Example scenario\nparameter,value\n\n# the population\npeople,-5\n";

        var loaded = _folders.LoadExample((ScenarioFormat.ParametersFile, parameters));

        var e = Assert.Single(loaded.Errors);
        Assert.Equal((5, 2), (e.Line, e.Column));
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_are_read_like_plain_lf_files()
    {
        var crlf = "\uFEFF" + Example.Parameters.Replace("\n", "\r\n");

        var loaded = _folders.LoadExample((ScenarioFormat.ParametersFile, crlf));

        Assert.Empty(loaded.Errors);
        Assert.Equal(2000, loaded.Scenario!.Parameters.People);
    }

    [Fact]
    public void Other_tools_files_readme_and_non_csv_files_are_ignored()
    {
        var folder = _folders.WriteExample();
        foreach (var name in new[] { "sweep.csv", "ranges.csv", "README.md", "notes.txt" })
        {
            File.WriteAllText(Path.Combine(folder, name), "not,a,scenario\nfile\"\n");
        }

        var loaded = ScenarioLoader.Load(folder);

        Assert.Empty(loaded.Errors);
        Assert.DoesNotContain(loaded.Files, f => f.Name is "sweep.csv" or "ranges.csv");
    }

    [Fact]
    public void An_observed_file_is_read_with_its_sources_and_listed_among_the_files_used()
    {
        var folder = _folders.WriteExample();
        File.WriteAllText(Path.Combine(folder, "observed.csv"),
            "year,measure,value,source,note,checked_by\n2004,reach,0.01,\"Hansard, 12 May 2005, col. 3W\",\"counts during the year,\nnot a snapshot\",ann\n");

        var loaded = ScenarioLoader.Load(folder);

        Assert.Empty(loaded.Errors);
        Assert.Contains(loaded.Files, f => f.Name == "observed.csv");
        var o = Assert.Single(loaded.Observed).Observation;
        // A quoted field keeps its comma and its line break; the column the format does not name is ignored.
        Assert.Equal(new Observation(2004, "reach", 0.01, 1, "Hansard, 12 May 2005, col. 3W", "counts during the year,\nnot a snapshot"), o);
    }

    [Fact]
    public void A_bad_observed_file_is_an_error_of_the_scenario_at_its_line_and_column()
    {
        var folder = _folders.WriteExample();
        File.WriteAllText(Path.Combine(folder, "observed.csv"), "year,measure,value\n2004,reach,1e3\n");

        var loaded = ScenarioLoader.Load(folder);

        var e = Assert.Single(loaded.Errors);
        Assert.Equal((Path.Join(folder, "observed.csv"), 2, 3), (e.File, e.Line, e.Column));
        Assert.Null(loaded.Scenario);
    }

    [Fact]
    public void Every_problem_is_collected_not_just_the_first()
    {
        var folder = _folders.WriteExample("example",
            (ScenarioFormat.ParametersFile, "parameter,value\nimitaton,0.4\npeople,abc\n"),
            (ScenarioFormat.OrganisationsFile, Example.WithField(ScenarioFormat.OrganisationsFile, 3, 5, "2")),
            (ScenarioFormat.ActorsFile, Example.WithField(ScenarioFormat.ActorsFile, 4, 3, "-1")),
            (ScenarioFormat.EventsFile, Example.WithField(ScenarioFormat.EventsFile, 2, 1, "2050")));

        var loaded = ScenarioLoader.Load(folder);

        Assert.Null(loaded.Scenario);
        Assert.False(loaded.IsValid);
        Assert.Equal(
            [
                $"{folder}/parameters.csv:2:1: unknown parameter 'imitaton'; did you mean 'imitation'?",
                $"{folder}/parameters.csv:3:2: 'abc' is not a number: people must be an integer from 1 to 50000000",
                $"{folder}/organisations.csv:3:5: capacity = 2 is out of range: it must be a number from 0 to 1",
                $"{folder}/actors.csv:4:3: count = -1 is out of range: it must be a whole number of at least 0",
                $"{folder}/events.csv:2:1: year 2050 is outside the run's horizon [2000, 2025): events must fall from start_year = 2000 "
                    + "up to but not including start_year + steps × dt_years = 2025 (start_year, steps and dt_years after the base chain and --set)",
            ],
            loaded.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_error_prints_as_file_line_column_message()
    {
        Assert.Equal("a/actors.csv:3:4: bad", new ScenarioError("a/actors.csv", 3, 4, "bad").ToString());
    }
}
