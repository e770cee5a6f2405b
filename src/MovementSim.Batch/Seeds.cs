using MovementSim.Core;

namespace MovementSim.Batch;

/// <summary>
/// Seed derivation. A run's seed is a pure function of the batch's master seed, its design point and
/// its replicate, never of the order in which runs execute, so output does not depend on --jobs or
/// sharding. For a fixed master seed and design point the map replicate -> seed is a bijection on
/// [0, 2^31), so two replicates of one design point never share a seed.
/// </summary>
public static class Seeds
{
    /// <summary>Master seed used when the command line gives none, so that a command repeats exactly.</summary>
    public const int DefaultMasterSeed = 1;

    private const uint Mask = 0x7FFF_FFFF;

    /// <summary>The seed of one run: a non-negative Int32, as <see cref="Simulation"/> takes.</summary>
    public static int RunSeed(int masterSeed, int designPoint, int replicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(designPoint);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        var key = SplitMix.Mix(SplitMix.Mix((ulong)(uint)masterSeed ^ 0x243F_6A88_85A3_08D3UL) ^ (ulong)(uint)designPoint);
        // Every step below is a bijection of 31-bit values: adding or xoring a constant, xorshift,
        // multiplying by an odd number modulo 2^31.
        var x = ((uint)replicate + (uint)key) & Mask;
        x ^= (uint)(key >> 32) & Mask;
        x ^= x >> 16;
        x = (x * 0x7FEB_352Du) & Mask;
        x ^= x >> 15;
        x = (x * 0x846C_A68Bu) & Mask;
        x ^= x >> 16;
        x = (x + (uint)(key >> 29)) & Mask;
        x ^= x >> 13;
        x = (x * 0x5851_F42Du) & Mask;
        x ^= x >> 16;
        return (int)x;
    }

    /// <summary>Seed of the generator that draws a Latin hypercube design (independent of all run seeds' use).</summary>
    public static int DesignSeed(int masterSeed) =>
        (int)(SplitMix.Mix((ulong)(uint)masterSeed ^ 0x1319_8A2E_0370_7344UL) & Mask);
}
