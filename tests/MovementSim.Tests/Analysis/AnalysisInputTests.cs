using MovementSim.Analysis.Model;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class AnalysisInputTests
{
    private static ScenarioDefinition BassDocking { get; } =
        ScenarioLoader.Load(AnalysisFixture.BassDocking, [("people", "2000"), ("steps", "50")]).Scenario!;

    private static IReadOnlyList<string> Errors(IEnumerable<ScenarioError> errors) => errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void A_valid_ranges_file_gives_each_row_and_ignores_comments_and_column_order()
    {
        var result = RangesFile.Parse("# ranges\nmax,parameter,min\n0.1,external_influence,0.01\n\n1000,people,10\n", "r.csv");

        Assert.Empty(result.Errors);
        Assert.Equal((0.01, 0.1), (result.Ranges["external_influence"].Min, result.Ranges["external_influence"].Max));
        Assert.Equal((10.0, 1000.0), (result.Ranges["people"].Min, result.Ranges["people"].Max));
    }

    [Theory]
    [InlineData("parameter,min,max\nimitatoin,0.1,1\n", "r.csv:2:1: unknown parameter 'imitatoin' (did you mean 'imitation'?)")] // misspelt name
    [InlineData("parameter,min,max\nimitation,1,0.1\n", "r.csv:2:2: imitation: the range is reversed: min 1 is above max 0.1")] // min above max
    [InlineData("parameter,min,max\nimitation,0.3,0.3\n", "r.csv:2:2: imitation: the range is empty: min equals max (0.3)")] // no range
    [InlineData("parameter,min,max\nconversation,0,2\n", "r.csv:2:3: conversation: max 2 is outside the valid range: conversation must be a number from 0 to 1")] // beyond the catalog
    [InlineData("parameter,min,max\nimitation,low,1\n", "r.csv:2:2: 'low' is not a number: min must be a number in the parameter's valid range")] // not a number
    [InlineData("parameter,min,max\nimitation,1e-3,1\n", "r.csv:2:2: '1e-3' is not a number (exponent notation is not allowed")] // exponent
    [InlineData("parameter,min,max\nnetwork,0,1\n", "r.csv:2:1: network is a choice (one of")] // not numeric
    [InlineData("parameter,min,max\nimitation,0.1,1\nimitation,0.2,1\n", "r.csv:3:1: imitation has a range already (line 2)")] // twice
    [InlineData("parameter,mn,max\n", "r.csv:1:2: unknown column 'mn'; did you mean 'min'?")] // bad header
    [InlineData("", "r.csv:1:0: the file is empty: it needs at least a header line (parameter,min,max)")] // empty file
    [InlineData("# only a comment\n", "r.csv:1:0: the file is empty")] // nothing but comments
    [InlineData("parameter,min,max\n", "r.csv:1:0: the file has a header but no rows")] // header only
    public void Each_problem_of_a_ranges_file_is_reported_at_its_line_and_column(string text, string expected)
    {
        var result = RangesFile.Parse(text, "r.csv");

        Assert.Contains(Errors(result.Errors), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parameters_take_the_ranges_file_row_else_the_catalog_range()
    {
        var ranges = RangesFile.Parse(AnalysisFixture.Ranges, "r.csv");
        var errors = new List<ScenarioError>();

        var varied = ParameterSelection.Resolve("--params", "imitation, conversation", ranges, BassDocking.Parameters, errors);

        Assert.Empty(errors);
        Assert.Equal(["imitation", "conversation"], varied.Select(v => v.Name));
        Assert.Equal((0.1, 1.0), (varied[0].Range.Min, varied[0].Range.Max));
        Assert.Equal((0.0, 1.0), (varied[1].Range.Min, varied[1].Range.Max));
    }

    [Theory]
    [InlineData("imitatoin", "--params:0:1: unknown parameter 'imitatoin' (did you mean 'imitation'?)")] // misspelt
    [InlineData("imitation,network", "--params:0:2: network is a choice (one of complete, random, small_world, scale_free), not a number: it cannot be varied; give it with --set")] // choice
    [InlineData("steps", "--params:0:1: steps sets the time axis")] // moves the years measures are read at
    [InlineData("imitation,imitation", "--params:0:2: imitation is listed twice")] // duplicate
    [InlineData("imitation,", "--params:0:2: entry 2 of the list is empty")] // trailing comma
    [InlineData(" ", "--params:0:0: no parameters given")] // nothing
    public void Each_bad_parameter_name_is_reported_at_its_position_in_the_list(string list, string expected)
    {
        var errors = new List<ScenarioError>();

        ParameterSelection.Resolve("--params", list, null, BassDocking.Parameters, errors);

        Assert.Contains(Errors(errors), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Ranges_that_allow_a_run_the_model_refuses_are_an_error_naming_the_rule_and_the_corner()
    {
        var ranges = RangesFile.Parse("parameter,min,max\nperson_tolerance_min,0.2,0.9\nperson_tolerance_max,0.5,1\n", "r.csv");
        var errors = new List<ScenarioError>();

        ParameterSelection.Resolve("--params", "person_tolerance_min,person_tolerance_max", ranges, BassDocking.Parameters, errors);

        var error = Assert.Single(errors).ToString();
        Assert.StartsWith("--params:0:0: the ranges allow runs the model refuses: person_tolerance_min (0.9) must not exceed person_tolerance_max (0.5)", error);
        Assert.Contains("person_tolerance_min=0.9, person_tolerance_max=0.5", error);
    }

    [Theory]
    [InlineData(2000.0, 0)] // start
    [InlineData(2005.0, 50)] // end of the horizon
    [InlineData(2002.34, 23)] // between steps: the nearest
    [InlineData(2002.36, 24)] // between steps: the nearest, upwards
    public void A_year_is_read_at_the_nearest_step(double year, int step)
    {
        Assert.Equal(step, TimeAxis.StepOf(BassDocking.Parameters, year));
    }

    [Theory]
    [InlineData(1999.9)] // before the start
    [InlineData(2005.01)] // after the last step
    public void A_year_outside_the_simulated_years_has_no_step(double year)
    {
        Assert.Null(TimeAxis.StepOf(BassDocking.Parameters, year));
    }

    [Fact]
    public void An_observations_file_gives_each_row_with_its_step_and_weight_1_by_default()
    {
        var result = CalibrationTargets.Parse("year,measure,value,weight\n2001,reach,0.04,\n2003.5,fidelity,0.9,2\n", "o.csv", BassDocking);

        Assert.Empty(result.Errors);
        Assert.Equal([(2001.0, "reach", 0.04, 1.0, 10), (2003.5, "fidelity", 0.9, 2.0, 35)],
            result.Rows.Select(r => (r.Observation.Year, r.Observation.Measure, r.Observation.Value, r.Observation.Weight, r.Step)));
    }

    [Theory]
    [InlineData("year,measure,value\n2001,reech,0.1\n", "o.csv:2:2: unknown measure 'reech' (did you mean 'reach'?): the scenario's runs produce the measures reach, reach_movement,")] // unknown measure
    [InlineData("year,measure,value\n2030,reach,0.1\n", "o.csv:2:1: year 2030 is outside the simulated years 2000 to 2005")] // beyond the horizon
    [InlineData("year,measure,value\n1990,reach,0.1\n", "o.csv:2:1: year 1990 is outside the simulated years")] // before the start
    [InlineData("year,measure,value\n2001,reach,abc\n", "o.csv:2:3: 'abc' is not a number: value must be a number")] // not a number
    [InlineData("year,measure,value\n2001,reach,\"0,5\"\n", "o.csv:2:3: '0,5' is not a number (it has a comma")] // decimal comma
    [InlineData("year,measure,value,weight\n2001,reach,0.1,-1\n", "o.csv:2:4: weight = -1 is out of range: it must be a number of at least 0")] // negative weight
    [InlineData("year,measure,value,weight\n2001,reach,0.1,0\n", "o.csv:0:0: every weight is 0")] // nothing counts
    [InlineData("year,measure\n2001,reach\n", "o.csv:1:0: missing required column 'value'")] // missing column
    [InlineData("year,measure,value\n2001,reach,0.1,7\n", "o.csv:2:4: the row has 4 fields but the header has 3")] // extra field
    [InlineData("", "o.csv:1:0: the file is empty: it needs at least a header line (year,measure,value[,weight][,source][,note])")] // empty file
    [InlineData("year,measure,value\n", "o.csv:1:0: the file has a header but no observations")] // header only
    public void Each_problem_of_an_observations_file_is_reported_at_its_line_and_column(string text, string expected)
    {
        var result = CalibrationTargets.Parse(text, "o.csv", BassDocking);

        Assert.Contains(Errors(result.Errors), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_an_observations_file_is_reported_at_once()
    {
        var result = CalibrationTargets.Parse("year,measure,value\n2030,reach,0.1\n2001,reech,0.2\n2002,reach,x\n", "o.csv", BassDocking);

        Assert.Equal(3, result.Errors.Count);
        Assert.Empty(result.Rows);
    }
}
