using MovementSim.Batch;
using Xunit;

namespace MovementSim.Tests.Batch;

public class SummaryStatisticsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Statistics_of_five_values_match_a_hand_computation()
    {
        // Values 1, 2, 3, 4, 10 (given unsorted). Mean 4; squared deviations 9+4+1+0+36 = 50, sd = sqrt(50/4).
        // the p-quantile is x[h] interpolated at h = (n-1)p + 1: p = 0.05 -> h = 1.2 -> 1 + 0.2*(2-1) = 1.2;
        // p = 0.5 -> h = 3 -> 3; p = 0.95 -> h = 4.8 -> 4 + 0.8*(10-4) = 8.8.
        // 95% CI: t(0.975, 4) = 2.7764451051977987 (tables: 2.776), half width t*sd/sqrt(5).
        var s = SummaryStatistics.Of([10, 2, 4, 1, 3]);

        var sd = Math.Sqrt(12.5);
        var half = 2.7764451051977987 * sd / Math.Sqrt(5);
        Assert.Equal(5, s.N);
        Assert.Equal(4, s.Mean, Tolerance);
        Assert.Equal(sd, s.Sd, Tolerance);
        Assert.Equal(1.2, s.Q05, Tolerance);
        Assert.Equal(3, s.Q50, Tolerance);
        Assert.Equal(8.8, s.Q95, Tolerance);
        Assert.Equal(4 - half, s.CiLow, 1e-9);
        Assert.Equal(4 + half, s.CiHigh, 1e-9);
    }

    [Fact]
    public void One_value_has_no_spread_and_no_interval()
    {
        var s = SummaryStatistics.Of([0.25]);

        Assert.Equal((1, 0.25, 0.25, 0.25, 0.25), (s.N, s.Mean, s.Q05, s.Q50, s.Q95));
        Assert.True(double.IsNaN(s.Sd) && double.IsNaN(s.CiLow) && double.IsNaN(s.CiHigh));
    }

    [Fact]
    public void Two_equal_values_have_zero_spread_and_a_zero_width_interval()
    {
        var s = SummaryStatistics.Of([0.5, 0.5]);

        Assert.Equal((0.0, 0.5, 0.5), (s.Sd, s.CiLow, s.CiHigh));
    }
}
