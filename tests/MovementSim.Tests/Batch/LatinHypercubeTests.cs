using MathNet.Numerics.Random;
using MovementSim.Batch;
using Xunit;

namespace MovementSim.Tests.Batch;

/// <summary>The one Latin hypercube sampler, behind sweep designs and the analyses alike.</summary>
public class LatinHypercubeTests
{
    [Theory]
    [InlineData(50, 4)] // more points than dimensions
    [InlineData(3, 7)]  // more dimensions than points
    [InlineData(1, 2)]  // a single point: one stratum per dimension
    public void A_Latin_hypercube_hits_each_stratum_of_each_dimension_once(int count, int dimensions)
    {
        var points = LatinHypercube.Sample(count, dimensions, new Xoshiro256StarStar(11, false));

        Assert.Equal(count, points.Length);
        for (var d = 0; d < dimensions; d++)
        {
            Assert.Equal(Enumerable.Range(0, count), points.Select(p => (int)(p[d] * count)).OrderBy(s => s));
        }
    }

    [Fact]
    public void The_same_generator_seed_gives_the_same_points_and_another_seed_other_points()
    {
        var a = LatinHypercube.Sample(8, 3, new Xoshiro256StarStar(5, false));
        var b = LatinHypercube.Sample(8, 3, new Xoshiro256StarStar(5, false));
        var c = LatinHypercube.Sample(8, 3, new Xoshiro256StarStar(6, false));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_permutation_holds_every_index_once()
    {
        var items = new int[20];

        LatinHypercube.Permutation(items, new Xoshiro256StarStar(3, false));

        Assert.Equal(Enumerable.Range(0, 20), items.Order());
    }
}
