using MathNet.Numerics.Statistics;
using MovementSim.Batch;
using Xunit;

namespace MovementSim.Tests.Batch;

/// <summary>The one statistics module, checked exactly against hand computations and published tables.</summary>
public class SampleStatisticsTests
{
    private const double Exact = 1e-12;

    /// <summary>t quantiles come from a root search: agreement with the tables to 1e-9 is all it promises.</summary>
    private const double RootSearch = 1e-9;

    /// <summary>t(0.975, 4) from tables (R's qt(0.975, 4)).</summary>
    private const double T975With4DegreesOfFreedom = 2.7764451051977987;

    [Fact]
    public void Statistics_of_five_values_match_a_hand_computation()
    {
        // Values 1, 2, 3, 4, 10 (given unsorted). Mean 4; squared deviations 9+4+1+0+36 = 50, sd = sqrt(50/4).
        // h = (n - 1)p: p = 0.05 -> h = 0.2 -> 1 + 0.2*(2-1) = 1.2; p = 0.5 -> 3; p = 0.95 -> h = 3.8 -> 4 + 0.8*(10-4) = 8.8.
        var s = Summary.Of([10, 2, 4, 1, 3]);

        var sd = Math.Sqrt(12.5);
        var half = T975With4DegreesOfFreedom * sd / Math.Sqrt(5);
        Assert.Equal(5, s.N);
        Assert.Equal(4, s.Mean, Exact);
        Assert.Equal(sd, s.Sd, Exact);
        Assert.Equal(1.2, s.Q05, Exact);
        Assert.Equal(3, s.Q50, Exact);
        Assert.Equal(8.8, s.Q95, Exact);
        Assert.Equal(4 - half, s.CiLow, RootSearch);
        Assert.Equal(4 + half, s.CiHigh, RootSearch);
        Assert.True(s.HasInterval);
    }

    [Fact]
    public void One_value_has_itself_as_every_quantile_and_no_spread_and_no_interval()
    {
        var s = Summary.Of([0.25]);

        Assert.Equal((1, 0.25, 0.25, 0.25, 0.25), (s.N, s.Mean, s.Q05, s.Q50, s.Q95));
        Assert.True(double.IsNaN(s.Sd) && double.IsNaN(s.CiLow) && double.IsNaN(s.CiHigh), $"sd {s.Sd}, interval [{s.CiLow}, {s.CiHigh}]");
        Assert.False(s.HasInterval);
        Assert.True(double.IsNaN(SampleStatistics.StandardDeviation([0.25])));
    }

    [Fact]
    public void No_values_or_only_missing_ones_summarise_as_missing()
    {
        Assert.Equal(Summary.Missing.N, Summary.Of([]).N);
        Assert.Equal(0, Summary.Of([double.NaN, double.NaN]).N);
        Assert.True(double.IsNaN(Summary.Of([]).Mean));
        Assert.True(double.IsNaN(SampleStatistics.StandardDeviation([])));
        Assert.True(double.IsNaN(SampleStatistics.Quantile([], 0.5)));
        Assert.True(double.IsNaN(SampleStatistics.Mean([])));
    }

    [Fact]
    public void Missing_values_are_skipped()
    {
        var s = Summary.Of([double.NaN, 0.25, double.NaN, 0.75]);

        Assert.Equal((2, 0.5), (s.N, s.Mean));
    }

    [Fact]
    public void Two_equal_values_have_zero_spread_and_a_zero_width_interval()
    {
        var s = Summary.Of([0.5, 0.5]);

        Assert.Equal((0.0, 0.5, 0.5), (s.Sd, s.CiLow, s.CiHigh));
    }

    [Fact]
    public void Summarising_in_place_gives_the_same_statistics_and_leaves_the_values_sorted()
    {
        double[] values = [10, 2, 4, 1, 3];

        Assert.Equal(Summary.Of([10, 2, 4, 1, 3]), Summary.SortingInPlace(values));
        Assert.Equal([1, 2, 3, 4, 10], values);
    }

    [Theory]
    [InlineData(new[] { 0.3, 0.1, 0.7, 0.2, 0.9, 0.4, 0.8 })] // odd count
    [InlineData(new[] { 1.0, 2.0 })] // two values
    [InlineData(new[] { 3.5, 3.5, 3.5, 1.0 })] // ties
    public void Quantiles_follow_definition_R7_as_R_and_numpy_do(double[] values)
    {
        var sorted = values.Order().ToArray();
        foreach (var p in new[] { 0.05, 0.5, 0.95 })
        {
            var h = (sorted.Length - 1) * p;
            var lo = (int)Math.Floor(h);
            var expected = lo >= sorted.Length - 1 ? sorted[^1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
            Assert.Equal(expected, SampleStatistics.Quantile(sorted, p), Exact);
        }
    }

    [Fact]
    public void A_central_interval_by_R6_reads_the_order_statistics_at_k_over_n_plus_1()
    {
        // 39 values 1..39: R-6 puts the 2.5% point at (39 + 1) × 0.025 = 1, the smallest, and the 97.5% point at the largest.
        var values = Enumerable.Range(1, 39).Select(i => (double)i).Reverse().ToArray();

        var (low, high) = SampleStatistics.CentralInterval(values, 0.95, QuantileDefinition.R6);

        Assert.Equal(1, low, Exact);
        Assert.Equal(39, high, Exact);
    }

    [Fact]
    public void The_t_quantile_matches_the_tables_for_whole_and_fractional_degrees_of_freedom()
    {
        Assert.Equal(T975With4DegreesOfFreedom, SampleStatistics.TQuantile(4), RootSearch);
        Assert.Equal(2.3646242515927849, SampleStatistics.TQuantile(7), RootSearch); // t(0.975; 7) from the tables
        // Between 5 (2.5706) and 6 (2.4469) degrees of freedom, strictly.
        Assert.InRange(SampleStatistics.TQuantile(5.5), 2.4469, 2.5706);
    }

    [Fact]
    public void The_t_interval_of_one_value_has_no_ends()
    {
        var (low, high) = SampleStatistics.TInterval(1, double.NaN, 1);

        Assert.True(double.IsNaN(low) && double.IsNaN(high), $"[{low}, {high}]");
    }

    [Fact]
    public void Difference_of_means_has_the_Welch_interval()
    {
        var a = Summary.Of([1, 2, 3, 4, 5]);
        var b = Summary.Of([0, 0, 1, 1]);
        var d = Difference.Between(a, b);

        // se^2 = 2.5/5 + (1/3)/4 = 0.5833...; Welch df = se^4 / ((0.5)^2/4 + (1/12)^2/3) = 5.4983...
        var va = 2.5 / 5;
        var vb = (1.0 / 3) / 4;
        var df = (va + vb) * (va + vb) / (va * va / 4 + vb * vb / 3);
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 0.975) * Math.Sqrt(va + vb);
        Assert.Equal(2.5, d.Estimate, Exact);
        Assert.Equal(2.5 - half, d.Low, RootSearch);
        Assert.Equal(2.5 + half, d.High, RootSearch);
    }

    [Fact]
    public void A_difference_with_a_single_value_on_one_side_has_no_interval()
    {
        var d = Difference.Between(Summary.Of([1, 2, 3]), Summary.Of([2]));

        Assert.Equal(0, d.Estimate, Exact);
        Assert.False(d.HasInterval);
    }

    [Fact]
    public void Correlation_is_Pearsons_r_over_the_pairs_with_both_values()
    {
        Assert.Equal(1, SampleStatistics.Correlation([1, 2, 3], [2, 4, 6]), Exact);
        Assert.Equal(-1, SampleStatistics.Correlation([1, 2, 3, double.NaN], [3, 2, 1, 5]), Exact);
        // x = 1..4, y = 1, 3, 2, 4: sxy = 4, sxx = syy = 5.
        Assert.Equal(0.8, SampleStatistics.Correlation([1, 2, 3, 4], [1, 3, 2, 4]), Exact);
        Assert.True(double.IsNaN(SampleStatistics.Correlation([1, 2, 3], [5, 5, 5])));
        Assert.True(double.IsNaN(SampleStatistics.Correlation([1, 2], [1, 2])));
    }

    [Theory]
    [InlineData(0.1, 1.5)]  // (5 - 1) × 0.1 = 0.4: midway between the first value and the next larger one
    [InlineData(0.9, 3.5)]  // (5 - 1) × 0.9 = 3.6: midway between the value at 4 and the next smaller one
    [InlineData(0.3, 2.5)]  // position 1.2: 2 and 2 are tied, so midway between 2 and the next larger, 3
    public void The_splitting_quantile_falls_midway_between_two_distinct_values(double q, double expected)
    {
        Assert.Equal(expected, SampleStatistics.SplittingQuantile([1, 2, 2, 3, 4], q), Exact);
    }

    [Fact]
    public void The_splitting_quantile_of_equal_values_is_that_value()
    {
        Assert.Equal(7, SampleStatistics.SplittingQuantile([7, 7, 7], 0.1), Exact);
    }
}
