using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

public sealed class PlainNumberTests
{
    [Theory]
    // ordinary decimals are the "R" text
    [InlineData(0.1, "0.1")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(-3, "-3")]
    // small numbers that "R" writes with E-07
    [InlineData(1e-7, "0.0000001")]
    [InlineData(-2.5e-6, "-0.0000025")]
    // large numbers that "R" writes with E+20
    [InlineData(1.5e20, "150000000000000000000")]
    // digits on both sides of the point after shifting
    [InlineData(1.2345e-5, "0.000012345")]
    public void Numbers_are_written_as_plain_decimals(double value, string text)
    {
        Assert.Equal(text, PlainNumber.Format(value));
    }

    [Fact]
    public void Any_finite_double_written_plainly_reads_back_as_the_same_double()
    {
        var random = new Random(20260101);
        var bits = new byte[8];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(bits);
            var value = BitConverter.ToDouble(bits);
            if (!double.IsFinite(value))
            {
                continue;
            }
            var text = PlainNumber.Format(value);
            Assert.True(StrictNumber.TryParse(text, out var back), text);
            Assert.Equal(value, back);
        }
    }

    [Theory]
    // NaN cannot be written
    [InlineData(double.NaN)]
    // nor infinities
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_numbers_cannot_be_written(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlainNumber.Format(value));
    }
}
