using MathNet.Numerics.Distributions;
using MovementSim.Analysis.Robustness;
using Xunit;

namespace MovementSim.Tests.Analysis.Robustness;

public class ClopperPearsonTests
{
    /// <summary>Published ends are given to four decimals: half a unit of the last one.</summary>
    private const double PublishedRounding = 0.00005;

    /// <summary>
    /// How closely the ends solve their defining equations. MathNet's inverse Beta CDF is a root search; at
    /// n = 10000 and the extreme counts its ends were checked to solve them within 3e-10.
    /// </summary>
    private const double TailTolerance = 1e-9;

    [Theory]
    [InlineData(0, 10, 0.0, 0.3085)]      // no successes: the lower end is 0, the upper 1 - 0.025^(1/10)
    [InlineData(1, 10, 0.0025, 0.4450)]   // one success
    [InlineData(5, 10, 0.1871, 0.8129)]   // half: symmetric about 0.5
    [InlineData(10, 10, 0.6915, 1.0)]     // all successes: mirror of none
    public void The_95_percent_interval_matches_the_published_values(int count, int total, double low, double high)
    {
        var share = ClopperPearson.Interval(count, total);

        Assert.Equal(low, share.Low, PublishedRounding);
        Assert.Equal(high, share.High, PublishedRounding);
        Assert.Equal((double)count / total, share.Share);
    }

    [Theory]
    [InlineData(1, 256)]
    [InlineData(128, 256)]
    [InlineData(255, 256)]
    [InlineData(1, 10000)]
    [InlineData(9999, 10000)]
    [InlineData(3700, 10000)]
    public void Each_end_leaves_the_observed_count_exactly_in_a_two_and_a_half_percent_tail(int count, int total)
    {
        var share = ClopperPearson.Interval(count, total);

        // Lower end: P(X ≥ count) = 0.025; upper end: P(X ≤ count) = 0.025, X ~ Binomial(total, end).
        Assert.Equal(0.025, 1 - Binomial.CDF(share.Low, total, count - 1), TailTolerance);
        Assert.Equal(0.025, Binomial.CDF(share.High, total, count), TailTolerance);
    }

    [Fact]
    public void A_lower_confidence_level_gives_a_narrower_interval_inside_the_wider_one()
    {
        var wide = ClopperPearson.Interval(40, 256, 0.95);
        var narrow = ClopperPearson.Interval(40, 256, 0.8);

        Assert.True(wide.Low < narrow.Low && narrow.High < wide.High, $"80% [{narrow.Low}, {narrow.High}] vs 95% [{wide.Low}, {wide.High}]");
    }

    [Fact]
    public void A_count_above_the_total_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Interval(11, 10));
    }
}
