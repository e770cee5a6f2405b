using MovementSim.Analysis.Robustness;
using Xunit;

namespace MovementSim.Tests.Analysis.Robustness;

public class BoxDescriptionTests
{
    private const string Outcome = "take-up loses";

    private static PrimResult Result(bool meets, int count, int cases, int samples, int totalCases, params BoxRestriction[] restrictions) =>
        new(new PrimBox(restrictions, count, cases, samples, totalCases), meets, 0, [], [], [], new PrimOptions());

    [Fact]
    public void A_found_region_reads_as_its_conditions_joined_by_and_with_coverage_density_and_the_worlds_inside()
    {
        var result = Result(true, 40, 36, 256, 45,
            new RangeRestriction("movement_capacity_max", 0.08, null),
            new LevelRestriction("benefit_function", ["threshold"]));

        Assert.Equal(
            "Take-up loses when movement_capacity_max > 0.08 and benefit_function is threshold (coverage 0.8, density 0.9, 40 of 256 sampled worlds).",
            BoxDescription.Describe(result, Outcome));
    }

    [Fact]
    public void Three_conditions_are_listed_with_commas_two_bounds_read_as_between_and_numbers_keep_three_significant_digits()
    {
        var result = Result(true, 30, 25, 1000, 50,
            new RangeRestriction("a", 0.123456, 0.98765),
            new RangeRestriction("people", null, 12345.6),
            new LevelRestriction("network", ["complete", "random", "small_world"]));

        Assert.Equal(
            "Take-up loses when a between 0.123 and 0.988, people < 12300 and network is complete, random or small_world " +
            "(coverage 0.5, density 0.833, 30 of 1000 sampled worlds).",
            BoxDescription.Describe(result, Outcome));
    }

    [Fact]
    public void A_region_without_restrictions_is_the_whole_sampled_range()
    {
        Assert.Equal(
            "Take-up loses across the whole sampled range (coverage 1, density 0.938, 256 of 256 sampled worlds).",
            BoxDescription.Describe(Result(true, 256, 240, 256, 240), Outcome));
    }

    [Fact]
    public void When_no_box_reaches_the_threshold_the_sentence_says_no_region_was_found_and_names_the_densest_box()
    {
        var result = Result(false, 60, 27, 1000, 300, new RangeRestriction("x1", null, 0.25));

        Assert.Equal(
            "No region found where take-up loses with density at least 0.8; the densest box found, where x1 < 0.25, " +
            "has density 0.45 (coverage 0.09, 60 of 1000 sampled worlds).",
            BoxDescription.Describe(result, Outcome));
    }

    [Fact]
    public void When_no_box_reaches_the_threshold_and_no_restriction_survives_the_sentence_gives_the_overall_share()
    {
        Assert.Equal(
            "No region found where take-up loses with density at least 0.8; take-up loses in 300 of the 1000 sampled worlds " +
            "(density 0.3 over the whole sampled range).",
            BoxDescription.Describe(Result(false, 1000, 300, 1000, 300), Outcome));
    }

    [Fact]
    public void When_dropping_restrictions_leaves_a_box_below_the_threshold_no_region_is_claimed()
    {
        // A small pure box on the trajectory, its restrictions then dropped as not significant: the whole range, at 2 in 16.
        Assert.Equal(
            "No region found where take-up loses with density at least 0.8; take-up loses in 2 of the 16 sampled worlds " +
            "(density 0.125 over the whole sampled range).",
            BoxDescription.Describe(Result(true, 16, 2, 16, 2), Outcome));
    }

    [Fact]
    public void Without_any_case_of_interest_the_sentence_says_none()
    {
        Assert.Equal("Take-up loses in none of the 256 sampled worlds.", BoxDescription.Describe(Result(false, 256, 0, 256, 0), Outcome));
    }

    [Theory]
    [InlineData(0.0833333, "0.0833")]            // leading zeros are not significant
    [InlineData(0.8, "0.8")]                     // no trailing zeros
    [InlineData(1.0, "1")]                       // whole numbers without a point
    [InlineData(0.99951, "1")]                   // rounding up across a power of ten
    [InlineData(12345.6, "12300")]               // large numbers rounded, without an exponent
    [InlineData(123.456, "123")]                 // exactly three digits before the point
    [InlineData(-0.0456789, "-0.0457")]          // negative numbers
    [InlineData(0.30000000000000004, "0.3")]     // binary noise hidden
    [InlineData(0.0, "0")]                       // zero
    public void Numbers_are_written_to_three_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, BoxDescription.Number(value));
    }

    [Theory]
    [InlineData(0.2, null, "x > 0.2")]
    [InlineData(null, 0.4, "x < 0.4")]
    [InlineData(0.2, 0.4, "x between 0.2 and 0.4")]
    public void A_range_restriction_reads_as_one_comparison_or_between(double? lower, double? upper, string expected)
    {
        Assert.Equal(expected, BoxDescription.Condition(new RangeRestriction("x", lower, upper)));
    }

    [Fact]
    public void Two_kept_levels_read_as_either_or()
    {
        Assert.Equal("network is random or small_world", BoxDescription.Condition(new LevelRestriction("network", ["random", "small_world"])));
    }
}
