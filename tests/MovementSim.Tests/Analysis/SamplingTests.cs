using MovementSim.Analysis;
using MovementSim.Analysis.Sampling;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class SamplingTests
{
    [Fact]
    public void The_Sobol_sequence_starts_with_the_published_points()
    {
        // Joe and Kuo's reference generator (Gray-code order), first three dimensions.
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];

        var points = SobolSequence.Generate(8, 3);

        Assert.Equal(expected, points);
    }

    [Theory]
    [InlineData(false)] // plain sequence
    [InlineData(true)] // digitally shifted: the shift must keep the stratification
    public void Every_dimension_of_the_first_power_of_two_Sobol_points_hits_each_stratum_once(bool shifted)
    {
        const int count = 64;
        var random = AnalysisRandom.Create(3, AnalysisStream.Design);
        var shift = shifted ? Enumerable.Range(0, SobolSequence.MaxDimensions).Select(_ => UnitCubeSampling.NextUInt32(random)).ToArray() : null;

        var points = SobolSequence.Generate(count, SobolSequence.MaxDimensions, shift);

        for (var d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            var strata = points.Select(p => (int)(p[d] * count)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, count), strata);
        }
    }

    [Fact]
    public void Invalid_ranges_are_all_reported_by_name()
    {
        ParameterRange[] ranges =
        [
            new("imitation", 0.5, 0.1),
            new("imitation", 0, 1),
            new("dropout_rate", double.NaN, 1),
        ];

        var error = Assert.Throws<ArgumentException>(() => ParameterSpace.Validate(ranges));

        Assert.Contains("imitation: Min must be below Max", error.Message);
        Assert.Contains("imitation is listed more than once", error.Message);
        Assert.Contains("dropout_rate: bounds must be finite", error.Message);
    }

    [Fact]
    public void Unit_points_map_to_the_ends_of_the_range_and_never_beyond()
    {
        var range = new ParameterRange("mean_degree", 0.1, 0.7);

        Assert.Equal(0.1, range.FromUnit(0));
        Assert.Equal(0.7, range.FromUnit(1));
        Assert.Equal(0.4, range.FromUnit(0.5), 12);
    }
}
