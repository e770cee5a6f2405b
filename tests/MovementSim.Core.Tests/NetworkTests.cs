using MathNet.Numerics.Random;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests;

public class NetworkTests
{
    private static Graph Build(NetworkKind kind, int n, double k, double beta = 0.1, int seed = 7) =>
        NetworkBuilder.Build(kind, n, k, beta, new Xoshiro256StarStar(seed, false));

    private static void AssertSimple(Graph g)
    {
        for (var i = 0; i < g.NodeCount; i++)
        {
            var row = g.Neighbours(i);
            for (var k = 0; k < row.Length; k++)
            {
                Assert.NotEqual(i, row[k]);
                Assert.True(k == 0 || row[k] > row[k - 1], "rows are sorted without repeats");
                Assert.Contains(i, g.Neighbours(row[k]).ToArray()); // undirected
            }
        }
    }

    [Theory]
    [InlineData(NetworkKind.Random)]
    [InlineData(NetworkKind.SmallWorld)]
    [InlineData(NetworkKind.ScaleFree)]
    public void Every_generator_makes_a_simple_undirected_graph_with_the_requested_mean_degree(NetworkKind kind)
    {
        var g = Build(kind, 5_000, 10);
        AssertSimple(g);
        // Repeated edges are dropped, which costs an Erdős–Rényi graph about k^2 / (2n) of its mean degree: negligible here.
        Assert.InRange(2.0 * g.EdgeCount / g.NodeCount, 9.9, 10.0);
    }

    [Fact]
    public void A_small_world_without_rewiring_is_a_ring_lattice()
    {
        var g = Build(NetworkKind.SmallWorld, 100, 4, beta: 0);
        Assert.Equal([1, 2, 98, 99], g.Neighbours(0).ToArray());
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(4, g.Degree(i)));
    }

    [Fact]
    public void A_scale_free_network_has_every_node_with_at_least_m_ties_and_a_few_hubs()
    {
        var g = Build(NetworkKind.ScaleFree, 20_000, 6);
        var degrees = Enumerable.Range(0, g.NodeCount).Select(g.Degree).ToArray();
        Assert.True(degrees.Min() >= 3);
        // Preferential attachment gives hubs far above the mean (max degree grows like sqrt(n)).
        Assert.True(degrees.Max() > 20 * 6);
    }

    [Fact]
    public void The_complete_graph_ties_everyone_to_everyone_else()
    {
        var g = NetworkBuilder.Complete(5);
        AssertSimple(g);
        Assert.Equal(10, g.EdgeCount);
    }

    [Theory]
    [InlineData(NetworkKind.Random)]
    [InlineData(NetworkKind.SmallWorld)]
    [InlineData(NetworkKind.ScaleFree)]
    public void The_same_seed_builds_the_same_network(NetworkKind kind)
    {
        Assert.Equal(Build(kind, 2_000, 8).Targets, Build(kind, 2_000, 8).Targets);
        Assert.NotEqual(Build(kind, 2_000, 8).Targets, Build(kind, 2_000, 8, seed: 8).Targets);
    }
}
