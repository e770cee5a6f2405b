using System.Globalization;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

public sealed class CsvOutputTests
{
    [Fact]
    public void When_records_are_written_then_each_ends_with_LF_and_none_with_CRLF()
    {
        var text = CsvOutput.ToText(w =>
        {
            w.WriteRecord(["a", "b"]);
            w.WriteRecord(["1", "2"]);
        });

        Assert.Equal("a,b\n1,2\n", text);
        Assert.DoesNotContain('\r', text);
    }

    [Theory]
    // nothing to protect: written as it is
    [InlineData("plain", "plain")]
    // a comma would split the field
    [InlineData("a,b", "\"a,b\"")]
    // a quote is doubled inside quotes
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    // a line break would end the record
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    // spaces at the ends need no quotes (no reader of ours trims)
    [InlineData(" padded ", " padded ")]
    // a leading '=' or '-' is data, not a formula to escape
    [InlineData("=1+2", "=1+2")]
    [InlineData("-5", "-5")]
    // an empty field among others stays empty
    [InlineData("", "")]
    public void A_text_field_is_quoted_only_when_it_holds_a_comma_a_quote_or_a_line_break(string field, string written)
    {
        Assert.Equal($"x,{written}\n", CsvOutput.ToText(w => w.WriteRecord(["x", field])));
    }

    public static TheoryData<double, string> AwkwardDoubles => new()
    {
        // the classic sum that is not 0.3
        { 0.1 + 0.2, "0.30000000000000004" },
        // tiny, subnormal and huge magnitudes keep their exponent
        { 1e-300, "1E-300" },
        { double.Epsilon, "5E-324" },
        { double.MaxValue, "1.7976931348623157E+308" },
        { 1e-7, "1E-07" },
        // negative zero keeps its sign
        { -0.0, "-0" },
        // whole numbers have no point
        { 100.0, "100" },
        // summary.csv holds NaN for sd and the interval when a design point has one replicate
        { double.NaN, "NaN" },
        { double.PositiveInfinity, "Infinity" },
        { double.NegativeInfinity, "-Infinity" },
    };

    [Theory]
    [MemberData(nameof(AwkwardDoubles))]
    public void A_double_is_written_as_the_shortest_text_that_reads_back_as_the_same_double(double value, string written)
    {
        var text = CsvOutput.ToText(w =>
        {
            w.WriteField(value);
            w.EndRecord();
        });

        Assert.Equal(written + "\n", text);
        Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), written);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(written, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void When_written_to_a_file_then_the_bytes_are_UTF8_without_a_byte_order_mark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"csv-output-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = CsvOutput.ToFile(path))
            {
                writer.WriteRecord(["é", "1"]);
            }

            Assert.Equal("é,1\n"u8.ToArray(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_line_is_one_record_with_its_line_end()
    {
        Assert.Equal("run_id,wall_seconds\n", CsvOutput.Line(["run_id", "wall_seconds"]));
    }
}
