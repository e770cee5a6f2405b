using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests.Performance;

/// <summary>The take-up pass splits people into chunks that may run on different threads; the thread count
/// must never change the result.</summary>
public class ThreadCountTests
{
    [Theory]
    // Bass docking: only take-up, many chunks busy at once.
    [InlineData("bass", 100_000)]
    // Fast Bass (p = 2, q = 3 per year): tens of thousands take up per step, so neighbour counts are updated in parallel too.
    [InlineData("fast-bass", 100_000)]
    // The case: take-up, drop-out, capacity limits and forced drop-out across several localities.
    [InlineData("case", 100_000)]
    // The case with groups, dated alternatives, targets, reviews, completion and a workforce.
    [InlineData("case-forms", 100_000)]
    public void When_a_large_run_uses_one_or_two_threads_then_the_output_is_bit_identical(string scenario, int people)
    {
        Assert.True(people > 2 * Rules.ChunkSize, "needs several chunks to exercise the parallel pass");
        var s = scenario switch
        {
            "bass" => PinnedScenarios.Bass(people, 200, NetworkKind.Random),
            "fast-bass" => PinnedScenarios.Bass(people, 30, NetworkKind.Random, p: 2, q: 3),
            "case-forms" => PinnedScenarios.CaseWithForms(people, 60, NetworkKind.Random),
            _ => PinnedScenarios.Case(people, 60, NetworkKind.Random),
        };
        var one = PinnedScenarios.RunHash(s, seed: 11, threads: 1);
        var two = PinnedScenarios.RunHash(s, seed: 11, threads: 2);
        Assert.Equal(one, two);
    }

    [Fact]
    public void When_more_threads_than_cores_are_asked_for_then_the_output_is_still_bit_identical()
    {
        var s = PinnedScenarios.Case(100_000, 40, NetworkKind.Random);
        Assert.Equal(PinnedScenarios.RunHash(s, seed: 3, threads: 1), PinnedScenarios.RunHash(s, seed: 3, threads: 5));
    }

    [Fact]
    public void When_several_multi_threaded_runs_share_the_thread_pool_then_each_matches_its_single_threaded_run()
    {
        // As in a batch: runs on pool threads, each splitting its own take-up pass over the same busy pool.
        var s = PinnedScenarios.Bass(70_000, 120, NetworkKind.Random);
        var seeds = Enumerable.Range(1, 6).ToArray();
        var expected = seeds.Select(seed => PinnedScenarios.RunHash(s, seed, threads: 1)).ToArray();
        var actual = seeds.AsParallel().AsOrdered().WithDegreeOfParallelism(3)
            .Select(seed => PinnedScenarios.RunHash(s, seed, threads: 2)).ToArray();
        Assert.Equal(expected, actual);
    }
}
