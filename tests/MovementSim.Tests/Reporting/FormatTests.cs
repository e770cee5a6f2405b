using MovementSim.Reporting;
using Xunit;

namespace MovementSim.Tests.Reporting;

public class FormatTests
{
    [Theory]
    [InlineData(0.052, "+5.2 points")]
    [InlineData(-0.052, "-5.2 points")]
    [InlineData(0.1234, "+12 points")]
    [InlineData(-0.1234, "-12 points")]
    [InlineData(0, "+0.0 points")]
    [InlineData(-0.0001, "+0.0 points")] // rounds to zero: no "-0.0"
    [InlineData(-0.0006, "-0.1 points")]
    [InlineData(double.NaN, "n/a")]
    public void A_difference_of_shares_is_given_in_signed_percentage_points_and_zero_is_never_negative(double difference, string expected) =>
        Assert.Equal(expected, Format.Points(difference));

    [Theory]
    [InlineData(-0.0001, "0.000")]
    [InlineData(0.0123, "+0.012")]
    [InlineData(-0.0123, "−0.012")]
    public void A_signed_benefit_that_rounds_to_zero_has_no_sign(double difference, string expected) =>
        Assert.Equal(expected, Format.SignedBenefit(difference));

    [Theory]
    [InlineData("workforce", 1128.54, "1,129")] // link-worker posts: a count, as Core's MeasureSet.IsCount says
    [InlineData("caseload_per_worker", 561.6, "562")]
    [InlineData("people_reached", 74011.4, "74,011")]
    public void A_measure_is_formatted_by_the_kind_core_gives_it(string measure, double value, string expected) =>
        Assert.Equal(expected, Format.For(measure)(value));
}
