using MovementSim.Batch;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Tests.Batch;

public class SweepFileTests
{
    private static SweepParseResult Parse(string text) => SweepFile.Parse(text, "sweep.csv");

    [Fact]
    public void A_file_with_values_a_range_a_distribution_and_settings_parses_into_its_dimensions()
    {
        var result = Parse("""
            # a comment line
            name,kind,values,min,max,levels
            design,setting,latin_hypercube,,,
            samples,setting,8,,,
            replicates,setting,3,,,
            network,values,random;small_world,,,
            conversation,range,,0.1,0.9,5
            mimetic_rate,uniform,,0.1,0.5,
            external_influence,log_uniform,,0.01,0.1,
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var sweep = result.Sweep!;
        Assert.Equal(DesignMethod.LatinHypercube, sweep.Method);
        Assert.Equal(8, sweep.Samples);
        Assert.Equal(3, sweep.Replicates);
        Assert.Equal(["network", "conversation", "mimetic_rate", "external_influence"], sweep.Dimensions.Select(d => d.Parameter.Name));
        Assert.Equal([1.0, 2.0], sweep.Dimensions[0].Values); // choice indices of random and small_world
        Assert.Equal([0.1, 0.30000000000000004, 0.5, 0.7000000000000001, 0.9], sweep.Dimensions[1].Values);
        Assert.Equal(SweepKind.LogUniform, sweep.Dimensions[3].Kind);
    }

    [Theory]
    [InlineData("imitation,values,,,,", "sweep.csv:2:3: imitation: the list of values is empty: give values separated by ';'")] // empty list
    [InlineData("imitation,range,,0.5,0.1,3", "sweep.csv:2:4: imitation: the range is reversed: min 0.5 is above max 0.1")] // reversed range
    [InlineData("imitatoin,values,0.1,,,", "sweep.csv:2:1: unknown parameter 'imitatoin' (did you mean 'imitation'?)")] // typo
    [InlineData("imitation,values,0.1;abc,,,", "sweep.csv:2:3: 'abc' is not a number: imitation must be a number from 0 to 10")] // not a number
    [InlineData("rewiring,values,0.5;1.5,,,", "sweep.csv:2:3: rewiring = 1.5 is out of range: it must be a number from 0 to 1")] // out of range
    [InlineData("imitation,values,1e3,,,", "sweep.csv:2:3: '1e3' is not a number: imitation must be a number from 0 to 10")] // exponent refused
    [InlineData("imitation,values,0.1;0.1,,,", "sweep.csv:2:3: imitation: value 0.1 is listed twice")] // duplicate
    [InlineData("network,range,,0,2,3", "sweep.csv:2:2: network is a choice (one of complete, random, small_world, scale_free): list its options with kind 'values'")] // choice range
    [InlineData("imitation,range,,0.1,0.5,1", "sweep.csv:2:6: imitation: levels = '1' is not valid: expected a whole number of at least 2")] // one level
    [InlineData("steps,range,,1,3,5", "sweep.csv:2:6: steps: 5 levels from 1 to 3 repeat whole numbers; use at most 3 levels")] // integer levels collide
    [InlineData("imitation,ranges,,0.1,0.5,3", "sweep.csv:2:2: unknown kind 'ranges' for 'imitation' (did you mean 'range'?): expected one of values, range, uniform, log_uniform, setting")] // kind typo
    [InlineData("imitation,log_uniform,,0,0.5,", "sweep.csv:2:4: imitation: log_uniform needs min above 0 (got 0)")] // log of zero
    [InlineData("imitation,values,0.1,0.2,,", "sweep.csv:2:4: imitation: column min must be empty for kind 'values'")] // stray cell
    [InlineData("replicate,setting,3,,,", "sweep.csv:2:1: unknown setting 'replicate' (did you mean 'replicates'?): the settings are design, samples, replicates, max_runs")] // setting typo
    public void A_bad_row_is_reported_with_file_line_column_and_the_parameter(string row, string expected)
    {
        var result = Parse("name,kind,values,min,max,levels\n" + row + "\n");

        Assert.False(result.IsValid);
        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_not_only_the_first()
    {
        var result = Parse("name,kind,values,min,max,levels\nimitatoin,values,0.1,,,\nconversation,range,,0.9,0.1,3\nimitation,values,,,,\n");

        Assert.Equal(3, result.Errors.Count);
        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void A_parameter_swept_twice_is_an_error_naming_the_first_line()
    {
        var result = Parse("name,kind,values\nimitation,values,0.1\nimitation,values,0.2\n");

        Assert.Equal("sweep.csv:3:1: imitation is swept twice (first on line 2)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void An_unknown_column_is_reported_in_the_header_with_a_suggestion()
    {
        var result = Parse("name,kind,value\nimitation,values,0.1\n");

        Assert.Equal("sweep.csv:1:3: unknown column 'value'; did you mean 'values'?", result.Errors[0].ToString());
    }

    [Fact]
    public void A_bad_value_is_echoed_as_every_input_value_is_cut_and_with_control_characters_escaped()
    {
        var result = Parse($"name,kind,values\nnetwork,values,\"ring\u0007{new string('x', 200)}\"\n");

        var message = Assert.Single(result.Errors).ToString();
        Assert.Contains("ring\\u0007", message);
        Assert.DoesNotContain("\u0007", message);
        Assert.DoesNotContain(new string('x', 200), message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Equal("sweep.csv:1:0: the file is empty: it needs at least a header line (name,kind[,values][,min][,max][,levels])",
            Assert.Single(Parse("\n# only a comment\n").Errors).ToString());
    }

    [Fact]
    public void Integer_range_levels_are_rounded_to_whole_numbers()
    {
        var spec = ParameterCatalog.Find("people")!;

        Assert.Equal([100.0, 150.0, 200.0], SweepFile.RangeLevels(spec, 100, 200, 3));
        Assert.Equal([1.0, 2.0, 2.0, 3.0], SweepFile.RangeLevels(spec, 1, 3, 4)); // 1.67 and 2.33 both round to 2
    }
}
