using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

/// <summary>The one reader of input CSV files (scenario files, sweeps, ranges, observations).</summary>
public class CsvTableTests
{
    [Fact]
    public void A_quoted_field_keeps_its_comma_and_line_break_and_later_rows_keep_their_physical_line_numbers()
    {
        var errors = new List<ScenarioError>();

        var table = CsvTable.Parse("name,note\n# a comment\nfirst,\"one, and\ntwo\"\n\nsecond,plain\n", "t.csv", errors);

        Assert.Empty(errors);
        Assert.Equal(["first", "one, and\ntwo"], table!.Rows[0].Fields);
        // Line 5 is the blank one after the two lines of the quoted field: the next row is on line 6.
        Assert.Equal([3, 6], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_sweep_file_read_through_it_reports_an_error_after_a_quoted_line_break_at_its_physical_line()
    {
        var result = MovementSim.Batch.SweepFile.Parse("name,kind,values\n\"imitation\",values,\"0.2;\n0.5\"\nimitatoin,values,0.1\n", "sweep.csv");

        Assert.Contains(result.Errors, e => e.ToString() == "sweep.csv:4:1: unknown parameter 'imitatoin' (did you mean 'imitation'?)");
    }
}
