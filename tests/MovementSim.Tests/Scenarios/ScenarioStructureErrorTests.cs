using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

/// <summary>Problems with folders, files, headers, rows and names, rather than with one value.</summary>
public sealed class ScenarioStructureErrorTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    private (string Folder, IReadOnlyList<ScenarioError> Errors) Load(params (string File, string? Content)[] changes)
    {
        var folder = _folders.WriteExample("example", changes);
        return (folder, ScenarioLoader.Load(folder).Errors);
    }

    [Fact]
    public void A_missing_folder_is_one_error_at_line_0_column_0()
    {
        var missing = _folders.PathOf("nowhere");

        var loaded = ScenarioLoader.Load(missing);

        Assert.Equal([new ScenarioError(missing, 0, 0, $"scenario folder '{missing}' does not exist")], loaded.Errors);
        Assert.Empty(loaded.Files);
        Assert.Empty(loaded.Chain);
    }

    [Fact]
    public void A_file_given_as_the_folder_is_an_error()
    {
        var file = Path.Combine(_folders.WriteExample(), ScenarioFormat.ActorsFile);

        var e = Assert.Single(ScenarioLoader.Load(file).Errors);

        Assert.Equal(new ScenarioError(file, 0, 0, $"'{file}' is a file: expected a scenario folder"), e);
    }

    [Theory]
    // each required file, left out
    [InlineData("organisations.csv")]
    [InlineData("actors.csv")]
    [InlineData("components.csv")]
    [InlineData("alternatives.csv")]
    public void A_missing_required_file_is_an_error_naming_it(string file)
    {
        var (folder, errors) = Load((file, null));

        var e = errors.First();
        Assert.Equal(new ScenarioError(Path.Join(folder, file), 0, 0, $"missing required file {file}: '{folder}' has no {file}"), e);
    }

    [Theory]
    // a misspelt scenario file gets a suggestion
    [InlineData("organisation.csv", "unknown scenario file 'organisation.csv'; did you mean 'organisations.csv'?")]
    // file names are case-sensitive
    [InlineData("Events.csv", "unknown scenario file 'Events.csv'; did you mean 'events.csv'?")]
    // nothing near: only the list of valid names
    [InlineData("results.csv", "unknown scenario file 'results.csv'")]
    public void An_unknown_csv_file_is_an_error_naming_the_valid_files(string file, string start)
    {
        var (folder, errors) = Load((file, "a,b\n"));

        var e = Assert.Single(errors);
        Assert.Equal((Path.Join(folder, file), 0, 0), (e.File, e.Line, e.Column));
        Assert.Equal(start + " A scenario folder holds parameters.csv, organisations.csv, actors.csv, components.csv, alternatives.csv, "
            + "events.csv, groups.csv, population.csv, observed.csv (and sweep.csv, ranges.csv, which other tools read).", e.Message);
    }

    [Theory]
    // zero bytes
    [InlineData("")]
    // only blank lines and comments
    [InlineData("\n\n# nothing here\n")]
    public void An_empty_file_is_an_error_on_line_1(string content)
    {
        var (folder, errors) = Load((ScenarioFormat.ComponentsFile, content));

        var e = errors.First();
        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.ComponentsFile), 1, 0, "the file is empty: it needs at least a header line (component,importance[,chosen_by])"), e);
    }

    [Fact]
    public void A_header_only_components_file_is_an_error_since_at_least_one_component_is_required()
    {
        var (folder, errors) = Load((ScenarioFormat.ComponentsFile, "component,importance\n"));

        Assert.Contains(new ScenarioError(Path.Join(folder, ScenarioFormat.ComponentsFile), 1, 0, "no components: at least one is required"), errors);
    }

    [Fact]
    public void A_header_only_organisations_file_is_an_error()
    {
        var (folder, errors) = Load((ScenarioFormat.OrganisationsFile, ScenarioFormat.Organisations.HeaderLine + "\n"));

        Assert.Contains(new ScenarioError(Path.Join(folder, ScenarioFormat.OrganisationsFile), 1, 0, "no organisations: at least one row is needed"), errors);
    }

    [Theory]
    // a misspelt column: the column is unknown, with a suggestion, and the real one is missing
    [InlineData("component,importanse", 2, "unknown column 'importanse'; did you mean 'importance'?", 0, "missing required column 'importance'")]
    // a column that belongs nowhere: listed with the valid ones
    [InlineData("component,importance,colour", 3, "unknown column 'colour': components.csv has the columns component, importance, chosen_by", -1, "")]
    // the same column twice
    [InlineData("component,importance,importance", 3, "column 'importance' appears twice in the header (also column 2)", -1, "")]
    // an empty column name
    [InlineData("component,,importance", 2, "column 2 of the header has no name: expected one of component, importance, chosen_by", -1, "")]
    public void Header_problems_are_reported_on_the_header_line(string header, int column, string message, int column2, string message2)
    {
        var content = Example.WithLine(ScenarioFormat.ComponentsFile, 1, header);
        var (folder, errors) = Load((ScenarioFormat.ComponentsFile, content));

        var file = Path.Join(folder, ScenarioFormat.ComponentsFile);
        Assert.Equal(new ScenarioError(file, 1, column, message), errors[0]);
        if (column2 >= 0)
        {
            Assert.Equal(new ScenarioError(file, 1, column2, message2), errors[1]);
        }
    }

    [Fact]
    public void A_file_missing_a_column_does_not_also_report_its_rows_or_references_to_it()
    {
        var header = ScenarioFormat.Organisations.HeaderLine.Replace(",capacity", "");
        var (folder, errors) = Load((ScenarioFormat.OrganisationsFile, header + "\ncouncil,inside,institution,20,0.5,0\n"));

        Assert.Equal([new ScenarioError(Path.Join(folder, ScenarioFormat.OrganisationsFile), 1, 0, "missing required column 'capacity'")], errors);
    }

    [Fact]
    public void An_unquoted_decimal_comma_makes_a_row_too_long_and_the_error_says_why_that_may_be()
    {
        var content = Example.WithField(ScenarioFormat.OrganisationsFile, 3, 5, "0,3");
        var (folder, errors) = Load((ScenarioFormat.OrganisationsFile, content));

        var e = Assert.Single(errors);
        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.OrganisationsFile), 3, 8,
            "the row has 8 fields but the header has 7: was a decimal written with a comma (write 0.5, not 0,5), or text with a comma left unquoted?"), e);
    }

    [Fact]
    public void A_short_row_is_an_error_at_its_first_missing_field()
    {
        var content = Example.WithLine(ScenarioFormat.ComponentsFile, 3, "planning");
        var (folder, errors) = Load((ScenarioFormat.ComponentsFile, content));

        var e = Assert.Single(errors);
        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.ComponentsFile), 3, 2, "the row has 1 fields but the header has 2"), e);
    }

    [Fact]
    public void A_line_with_broken_quoting_is_an_error_and_is_skipped()
    {
        var content = Example.WithLine(ScenarioFormat.EventsFile, 3, "2005.5,budget\"shock,council,0.2");
        var (folder, errors) = Load((ScenarioFormat.EventsFile, content));

        var e = Assert.Single(errors);
        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.EventsFile), 3, 0,
            "the line is not valid CSV (a quote inside an unquoted field); it was skipped"), e);
    }

    [Theory]
    // archetypes
    [InlineData("actors.csv", "commissioner,council,1,0.1,0.4,0.1,0.2,0.1,0,0.1,0.5,1,0,0.5,0.5,0.3,0,1,0", 1, "archetype 'commissioner' is defined twice (first on line 3)")]
    // components
    [InlineData("components.csv", "payment,1", 1, "component 'payment' is defined twice (first on line 2)")]
    // an alternative twice within one component
    [InlineData("alternatives.csv", "payment,managed_account,0.5,1,0,0,0,0,0,0,0", 2, "alternative 'managed_account' of component 'payment' is defined twice (first on line 3)")]
    // a parameter set twice in one file
    [InlineData("parameters.csv", "imitation,0.5", 1, "parameter 'imitation' is set twice in this file (first on line 5)")]
    public void A_duplicate_name_is_an_error_pointing_at_the_first(string file, string row, int column, string message)
    {
        var (folder, errors) = Load((file, Example.WithRow(file, row)));

        var e = Assert.Single(errors);
        var line = Example.Files()[file].Split('\n').Length;
        Assert.Equal(new ScenarioError(Path.Join(folder, file), line, column, message), e);
    }

    [Fact]
    public void The_same_alternative_name_may_serve_two_components()
    {
        var (_, errors) = Load((ScenarioFormat.AlternativesFile,
            Example.WithRow(ScenarioFormat.AlternativesFile, "planning,managed_account,0.5,1,0,0,0,0,0,0,0")));

        Assert.Empty(errors);
    }

    [Fact]
    public void A_component_without_alternatives_is_an_error_on_its_components_row()
    {
        var (folder, errors) = Load((ScenarioFormat.ComponentsFile, Example.WithRow(ScenarioFormat.ComponentsFile, "choice,1")));

        var e = Assert.Single(errors);
        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.ComponentsFile), 4, 1,
            "component 'choice' has no alternatives in alternatives.csv: it needs at least its original (fidelity 1)"), e);
    }

    [Fact]
    public void A_cross_check_failure_is_reported_at_the_row_that_set_the_parameter_last()
    {
        var parameters = Example.WithRow(ScenarioFormat.ParametersFile, "person_tolerance_min,0.9");
        var (folder, errors) = Load((ScenarioFormat.ParametersFile, parameters));

        var e = Assert.Single(errors);
        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.ParametersFile), 7, 2,
            "person_tolerance_min (0.9) must not exceed person_tolerance_max (0.8)"), e);
    }

    [Fact]
    public void A_cross_check_about_a_value_that_is_itself_invalid_is_not_reported_on_top()
    {
        var parameters = Example.WithRow(ScenarioFormat.ParametersFile, "person_tolerance_min,0.9\nperson_tolerance_max,abc");
        var (_, errors) = Load((ScenarioFormat.ParametersFile, parameters));

        var e = Assert.Single(errors);
        Assert.StartsWith("'abc' is not a number", e.Message);
    }

    [Fact]
    public void The_event_horizon_uses_the_parameters_of_the_scenario()
    {
        var parameters = Example.WithField(ScenarioFormat.ParametersFile, 3, 2, "30");
        var (folder, errors) = Load((ScenarioFormat.ParametersFile, parameters));

        var e = Assert.Single(errors);
        Assert.Equal((Path.Join(folder, ScenarioFormat.EventsFile), 3, 1), (e.File, e.Line, e.Column));
        Assert.StartsWith("year 2005.5 is outside the run's horizon [1997, 2004.5)", e.Message);
    }

    [Fact]
    public void Every_bad_field_of_one_row_is_reported()
    {
        var row = "broker_x,council,-2,0.1,0.4,0.1,0.2,0.1,0,0.1,0.5,1,0,0.5,0.5,0.3,0,maybe,0";
        var (folder, errors) = Load((ScenarioFormat.ActorsFile, Example.WithRow(ScenarioFormat.ActorsFile, row)));

        var file = Path.Join(folder, ScenarioFormat.ActorsFile);
        Assert.Equal(
            [
                new ScenarioError(file, 5, 3, "count = -2 is out of range: it must be a whole number of at least 0"),
                new ScenarioError(file, 5, 18, "'maybe' is not a valid decision_maker: expected 0 or 1 (true or false also accepted)"),
            ],
            errors);
    }
}
