using MathNet.Numerics.Random;
using MovementSim.Core;

namespace MovementSim.Analysis;

/// <summary>
/// Separate purposes of random numbers inside one analysis, so that, say, asking for more bootstrap
/// resamples never changes the design that was run.
/// </summary>
public enum AnalysisStream : ulong
{
    Design = 1,
    Bootstrap = 2,
    Starts = 3,

    /// <summary>Master seed of the runs that make a calibration's synthetic data sets.</summary>
    SyntheticData = 4,

    /// <summary>Master seeds of the bootstrap refits' common random numbers, one per refit.</summary>
    Refits = 5,
}

/// <summary>The only source of randomness in the analysis code: a seeded xoshiro256** per purpose.</summary>
public static class AnalysisRandom
{
    public static System.Random Create(int seed, AnalysisStream stream) =>
        new Xoshiro256StarStar(DeriveSeed(seed, stream), false);

    /// <summary>A non-negative Int32 seed mixed from the analysis seed and the stream (SplitMix64).</summary>
    public static int DeriveSeed(int seed, AnalysisStream stream) =>
        (int)(SplitMix.Mix(((ulong)(uint)seed << 8) ^ SplitMix.Mix((ulong)stream)) & 0x7FFFFFFF);

    /// <summary>The seed of member <paramref name="index"/> of a stream that needs many (one per bootstrap refit).</summary>
    public static int DeriveSeed(int seed, AnalysisStream stream, int index) =>
        (int)(SplitMix.Mix(((ulong)(uint)DeriveSeed(seed, stream) << 32) ^ (ulong)(uint)index) & 0x7FFFFFFF);
}
