using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests.Performance;

/// <summary>The take-up pass draws four people at a time where it can; those draws must equal the one-at-a-time ones.</summary>
public class KeyedDrawTests
{
    /// <summary>Why the vector tests cannot run on a machine without AVX2 (a property of the processor, not a tool to
    /// install, so it is a skip even under CI).</summary>
    private const string NoAvx2 = "this processor has no AVX2, so the four-at-a-time path is never taken";

    [SkippableFact]
    public void When_four_draws_are_made_together_then_each_equals_the_single_draw()
    {
        Skip.IfNot(Avx2.IsSupported, NoAvx2);
        var random = new RunRandom(5);
        int[] starts = [0, 1, 31, 32_768, 999_996, int.MaxValue - 3];
        for (var step = 0; step < 200; step++)
        {
            var key = random.StepKey(RandomStream.TakeUp, step);
            foreach (var start in starts)
            {
                var first = start == int.MaxValue - 3 ? start : start + step % 3;
                var four = RunRandom.Uniform4(key, first);
                for (var k = 0; k < 4; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(RunRandom.Uniform(key, first + k)),
                        BitConverter.DoubleToInt64Bits(four.GetElement(k)));
                }
            }
        }
    }

    [SkippableFact]
    public void When_draws_are_mixed_for_four_words_at_once_then_each_equals_the_scalar_mix()
    {
        Skip.IfNot(Avx2.IsSupported, NoAvx2);
        var rng = new System.Random(9);
        for (var t = 0; t < 10_000; t++)
        {
            var words = new ulong[4];
            for (var k = 0; k < 4; k++)
            {
                words[k] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            }
            var mixed = SplitMix.Mix(Vector256.Create(words));
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(SplitMix.Mix(words[k]), mixed.GetElement(k));
            }
        }
    }
}
