using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

/// <summary>One bad field in the valid example gives exactly one error, at that field, saying what is allowed.</summary>
public sealed class ScenarioValueErrorTests : IDisposable
{
    private const string Comma = " (it has a comma: write decimals with a point, as in 0.5, and no thousands separators)";
    private const string NoNaN = " (NaN and infinities are not allowed)";
    private const string NoExponent = " (exponent notation is not allowed: write the number out in full)";

    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Theory]
    // position not in the vocabulary, with a suggestion
    [InlineData(3, 2, "insde", "'insde' is not a valid position: expected one of inside, grey, outside (did you mean 'inside'?)")]
    // role not in the vocabulary
    [InlineData(3, 3, "instituton", "'instituton' is not a valid role: expected one of government, institution, movement, intermediary (did you mean 'institution'?)")]
    // count must be at least 1
    [InlineData(3, 4, "0", "count = 0 is out of range: it must be a whole number of at least 1")]
    // count must fit a 32-bit integer
    [InlineData(3, 4, "3000000000", "count = 3000000000 is too large: it must be at most 2147483647")]
    // count must be whole
    [InlineData(3, 4, "2.5", "'2.5' is not a whole number: count must be a whole number of at least 1")]
    // a quoted decimal comma, which CsvHelper would read as 15
    [InlineData(3, 5, "\"1,5\"", "'1,5' is not a number" + Comma + ": capacity must be a number from 0 to 1")]
    // NaN parses as a double but is not allowed
    [InlineData(3, 5, "NaN", "'NaN' is not a number" + NoNaN + ": capacity must be a number from 0 to 1")]
    // -Infinity likewise
    [InlineData(3, 5, "-Infinity", "'-Infinity' is not a number" + NoNaN + ": capacity must be a number from 0 to 1")]
    // exponent notation is rejected
    [InlineData(3, 5, "1e-1", "'1e-1' is not a number" + NoExponent + ": capacity must be a number from 0 to 1")]
    // plain text
    [InlineData(3, 5, "high", "'high' is not a number: capacity must be a number from 0 to 1")]
    // above the range
    [InlineData(3, 5, "1.5", "capacity = 1.5 is out of range: it must be a number from 0 to 1")]
    // empty field
    [InlineData(3, 6, "", "adoption_threshold is empty: expected a number from 0 to 1")]
    // a flag that is neither 0/1 nor true/false
    [InlineData(3, 7, "yes", "'yes' is not a valid adopted_at_start: expected 0 or 1 (true or false also accepted)")]
    public void A_bad_value_in_organisations_csv_is_reported_at_its_field(int line, int column, string value, string message) =>
        AssertSingleError(ScenarioFormat.OrganisationsFile, line, column, value, message);

    [Theory]
    // names are letters, digits, '_' and '-'
    [InlineData("county council", "'county council' is not a valid organisation name: use only letters, digits, '_' and '-'")]
    // "all" is how events target everyone
    [InlineData("All", "'All' cannot name an organisation: it is reserved for events that target everyone")]
    // names are unique
    [InlineData("council", "organisation 'council' is defined twice (first on line 3)")]
    public void A_bad_organisation_name_is_reported_at_its_field(string name, string message)
    {
        var folder = _folders.WriteExample("example",
            (ScenarioFormat.OrganisationsFile, Example.WithRow(ScenarioFormat.OrganisationsFile, name + ",grey,intermediary,1,0,0,0")));

        var e = Assert.Single(ScenarioLoader.Load(folder).Errors);

        Assert.Equal(new ScenarioError(Path.Join(folder, ScenarioFormat.OrganisationsFile), 5, 1, message), e);
    }

    [Theory]
    // unknown organisation, with the nearest name
    [InlineData(3, 2, "councl", "organisation 'councl' is not in organisations.csv; did you mean 'council'?")]
    // unknown organisation, nothing near: the known names are listed
    [InlineData(3, 2, "treasury", "organisation 'treasury' is not in organisations.csv: known are government, council, user_led")]
    // negative counts
    [InlineData(3, 3, "-1", "count = -1 is out of range: it must be a whole number of at least 0")]
    // weights that do not sum to 1 report the sum, at the first weight column
    [InlineData(2, 4, "0.3", "the motive weights w_rights..w_pragmatism sum to 1.2: they must sum to 1 (within 0.000001)")]
    // a negative weight is out of range (and the sum is not checked on top)
    [InlineData(2, 4, "-0.1", "w_rights = -0.1 is out of range: it must be a number of at least 0")]
    // a quoted decimal comma in a weight
    [InlineData(2, 5, "\"0,3\"", "'0,3' is not a number" + Comma + ": w_money must be a number of at least 0")]
    // resources are at least 0
    [InlineData(2, 12, "-1", "r_budget = -1 is out of range: it must be a number of at least 0")]
    // support is a share
    [InlineData(2, 16, "1.2", "initial_support = 1.2 is out of range: it must be a number from 0 to 1")]
    // tolerance is a share
    [InlineData(2, 17, "Infinity", "'Infinity' is not a number" + NoNaN + ": fidelity_tolerance must be a number from 0 to 1")]
    // flags are 0 or 1
    [InlineData(2, 18, "2", "'2' is not a valid decision_maker: expected 0 or 1 (true or false also accepted)")]
    // empty archetype name
    [InlineData(2, 1, "", "archetype is empty: expected a name of letters, digits, '_' and '-'")]
    public void A_bad_value_in_actors_csv_is_reported_at_its_field(int line, int column, string value, string message) =>
        AssertSingleError(ScenarioFormat.ActorsFile, line, column, value, message);

    [Theory]
    // importance must be positive
    [InlineData(2, 2, "0", "importance = 0 is out of range: it must be a number greater than 0")]
    // exponent
    [InlineData(3, 2, "1E3", "'1E3' is not a number" + NoExponent + ": importance must be a number greater than 0")]
    public void A_bad_value_in_components_csv_is_reported_at_its_field(int line, int column, string value, string message) =>
        AssertSingleError(ScenarioFormat.ComponentsFile, line, column, value, message);

    [Theory]
    // the first alternative of a component is its original
    [InlineData(2, 3, "0.9", "'cash' is the first alternative of component 'payment', so it is the original and its fidelity must be 1, not 0.9")]
    // fidelity is a share
    [InlineData(3, 3, "1.5", "fidelity = 1.5 is out of range: it must be a number from 0 to 1")]
    // cost must be positive
    [InlineData(3, 4, "0", "cost = 0 is out of range: it must be a number greater than 0")]
    // appeal is a share
    [InlineData(3, 11, "1.1", "appeal_pragmatism = 1.1 is out of range: it must be a number from 0 to 1")]
    // unknown component, with the nearest name
    [InlineData(4, 1, "paymnt", "component 'paymnt' is not in components.csv; did you mean 'payment'?")]
    // alternative names follow the name rule
    [InlineData(4, 2, "notional budget", "'notional budget' is not a valid alternative name: use only letters, digits, '_' and '-'")]
    public void A_bad_value_in_alternatives_csv_is_reported_at_its_field(int line, int column, string value, string message) =>
        AssertSingleError(ScenarioFormat.AlternativesFile, line, column, value, message);

    private const string Horizon = "[1997, 2007): events must fall from start_year = 1997 up to but not including start_year + steps × dt_years = 2007 "
        + "(start_year, steps and dt_years after the base chain and --set)";

    [Theory]
    // after the end of the run (the end is excluded)
    [InlineData(2, 1, "2007", "year 2007 is outside the run's horizon " + Horizon)]
    // before the start
    [InlineData(2, 1, "1990", "year 1990 is outside the run's horizon " + Horizon)]
    // year in exponent notation
    [InlineData(2, 1, "2.003e3", "'2.003e3' is not a number" + NoExponent + ": year must be a year from start_year up to but not including start_year + steps × dt_years")]
    // unknown event, with a suggestion
    [InlineData(2, 2, "mandat", "'mandat' is not a valid event: expected one of mandate, budget_shock, forum, leadership_change, movement_funding, coverage_target, workforce_funding (did you mean 'mandate'?)")]
    // unknown target
    [InlineData(2, 3, "councl", "target 'councl' is neither 'all' nor an organisation of organisations.csv; did you mean 'council'?")]
    // forum acts on everyone
    [InlineData(4, 3, "council", "forum events act on everyone: target must be 'all', not 'council'")]
    // a budget shock of 1 would remove all capacity
    [InlineData(3, 4, "1", "value = 1 is out of range: it must be a number from 0 up to but not including 1 for budget_shock events")]
    // mandate strength is at most 1
    [InlineData(2, 4, "1.5", "value = 1.5 is out of range: it must be a number from 0 to 1 for mandate events")]
    public void A_bad_value_in_events_csv_is_reported_at_its_field(int line, int column, string value, string message) =>
        AssertSingleError(ScenarioFormat.EventsFile, line, column, value, message);

    [Theory]
    // unknown parameter, with the nearest name
    [InlineData(5, 1, "imitaton", "unknown parameter 'imitaton'; did you mean 'imitation'?")]
    // unknown parameter, nothing near
    [InlineData(5, 1, "zzzz", "unknown parameter 'zzzz': see scenarios/README.md or 'movementsim describe' for the parameters")]
    // a quoted decimal comma
    [InlineData(5, 2, "\"0,4\"", "'0,4' is not a number" + Comma + ": imitation must be a number from 0 to 10")]
    // NaN
    [InlineData(5, 2, "nan", "'nan' is not a number" + NoNaN + ": imitation must be a number from 0 to 10")]
    // out of range
    [InlineData(5, 2, "11", "imitation = 11 is out of range: it must be a number from 0 to 10")]
    // empty
    [InlineData(5, 2, "", "imitation is empty: it must be a number from 0 to 10")]
    // integers must be whole
    [InlineData(2, 2, "2000.5", "'2000.5' is not a whole number: people must be an integer from 1 to 50000000")]
    // choices, with a suggestion
    [InlineData(6, 2, "smallworld", "'smallworld' is not a valid network: expected one of complete, random, small_world, scale_free (did you mean 'small_world'?)")]
    public void A_bad_row_in_parameters_csv_is_reported_at_its_field(int line, int column, string value, string message) =>
        AssertSingleError(ScenarioFormat.ParametersFile, line, column, value, message);

    private void AssertSingleError(string file, int line, int column, string value, string message)
    {
        var folder = _folders.WriteExample("example", (file, Example.WithField(file, line, column, value)));

        var errors = ScenarioLoader.Load(folder).Errors;

        var e = Assert.Single(errors);
        Assert.Equal(new ScenarioError(Path.Join(folder, file), line, column, message), e);
    }
}
