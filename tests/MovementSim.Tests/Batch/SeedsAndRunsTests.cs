using MovementSim.Batch;
using Xunit;

namespace MovementSim.Tests.Batch;

public class SeedsAndRunsTests
{
    [Fact]
    public void Run_seeds_are_fixed_numbers_so_a_change_of_derivation_is_noticed()
    {
        // Changing these changes every batch's output: version the reference outputs if you must.
        Assert.Equal(GoldenSeeds, new[] { Seeds.RunSeed(1, 0, 0), Seeds.RunSeed(1, 0, 1), Seeds.RunSeed(1, 1, 0), Seeds.RunSeed(2, 0, 0) });
    }

    private static readonly int[] GoldenSeeds = [1644016682, 1682527229, 1312117332, 669840605];

    [Fact]
    public void Run_seeds_are_non_negative_and_distinct_for_every_replicate_of_a_design_point()
    {
        const int Replicates = 200_000;
        var seen = new HashSet<int>();
        for (var r = 0; r < Replicates; r++)
        {
            var seed = Seeds.RunSeed(42, 3, r);
            Assert.True(seed >= 0, $"seed {seed} is negative");
            Assert.True(seen.Add(seed), $"replicate {r} repeats a seed");
        }
    }

    [Fact]
    public void Run_seeds_change_with_the_master_seed_the_design_point_and_the_replicate()
    {
        var seeds = new[]
        {
            Seeds.RunSeed(1, 0, 0), Seeds.RunSeed(2, 0, 0), Seeds.RunSeed(1, 1, 0), Seeds.RunSeed(1, 0, 1),
            Seeds.RunSeed(-5, 0, 0), Seeds.RunSeed(int.MaxValue, 0, 0),
        };

        Assert.Equal(seeds.Length, seeds.Distinct().Count());
    }

    [Fact]
    public void A_run_id_maps_to_design_point_major_replicate_minor_with_the_derived_seed()
    {
        var design = BatchFixtures.TwoPointDesign(replicates: 3, masterSeed: 9);

        var run = design.Run(4);

        Assert.Equal(new RunSpec(4, 1, 1, Seeds.RunSeed(9, 1, 1)), run);
    }

    [Fact]
    public void The_run_command_design_uses_the_given_seed_as_the_run_seed()
    {
        Assert.Equal(new RunSpec(0, 0, 0, 12345), Design.Single(12345).Run(0));
    }

    [Fact]
    public void Shards_split_the_runs_into_disjoint_sets_that_cover_the_batch()
    {
        var design = BatchFixtures.TwoPointDesign(replicates: 5);
        var shards = Enumerable.Range(0, 3).Select(k => design.Runs(new Shard(k, 3)).Select(r => r.RunId).ToList()).ToList();

        Assert.Equal(Enumerable.Range(0, design.RunCount), shards.SelectMany(s => s).Order());
        Assert.Equal([4, 3, 3], shards.Select(s => s.Count));
        Assert.Equal([4, 3, 3], Enumerable.Range(0, 3).Select(k => design.RunCountIn(new Shard(k, 3))));
    }

    [Theory]
    [InlineData("1/3", true)] // a valid shard
    [InlineData("3/3", false)] // K must be below N
    [InlineData("0/0", false)] // N at least 1
    [InlineData("a/3", false)] // not a number
    [InlineData("1-3", false)] // wrong separator
    public void Shard_text_is_K_slash_N(string text, bool valid)
    {
        Assert.Equal(valid, Shard.TryParse(text, out _, out _));
    }
}
