using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MathNet.Numerics.Random;

namespace MovementSim.Core;

/// <summary>
/// The run's random numbers. Draws that happen once per agent per step are keyed by (stream, step,
/// index) and hashed, so they do not depend on the order in which agents are visited or on the number
/// of threads; sequential draws (building networks) come from a MathNet xoshiro256** seeded from the
/// same run seed. Nothing in the model draws from anywhere else.
/// </summary>
public sealed class RunRandom
{
    public RunRandom(int seed)
    {
        Seed = seed;
        _key = SplitMix.Mix((ulong)(uint)seed ^ 0x6A09E667F3BCC909UL);
    }

    private readonly ulong _key;

    public int Seed { get; }

    /// <summary>A fresh sequential generator for one named purpose; same seed and stream, same sequence.</summary>
    public System.Random Sequential(RandomStream stream) =>
        new Xoshiro256StarStar((int)(SplitMix.Mix(_key + (ulong)stream * 0x9E3779B97F4A7C15UL) & 0x7FFFFFFF), false);

    /// <summary>The key for all draws of one stream in one step; combine with an index by <see cref="Uniform(ulong, int)"/>.</summary>
    public ulong StepKey(RandomStream stream, int step) =>
        SplitMix.Mix(_key ^ SplitMix.Mix(((ulong)stream << 40) ^ (ulong)(uint)step));

    /// <summary>Uniform in [0, 1) for agent <paramref name="index"/> under a step key: the top 53 bits of a mixed
    /// 64-bit word, times 2^-53. (The 53-bit integer is converted as signed, which is exact and cheaper.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong stepKey, int index) =>
        (long)(SplitMix.Mix(stepKey + (ulong)(uint)index * Golden) >> 11) * (1.0 / (1UL << 53));

    /// <summary>The draws <see cref="Uniform(ulong, int)"/> of agents index .. index + 3, bit for bit, computed together.
    /// Needs AVX2 (<see cref="Avx2.IsSupported"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Uniform4(ulong stepKey, int index)
    {
        var first = stepKey + (ulong)(uint)index * Golden;
        var second = first + Golden;
        var third = second + Golden;
        var z = SplitMix.Mix(Vector256.Create(first, second, third, third + Golden));
        // AVX2 cannot convert 64-bit integers to doubles: split the 53 bits into 32 high and 21 low, convert each
        // exactly by the 2^52 exponent trick, and recombine; every operation is exact, so the result equals the scalar.
        var x = Vector256.ShiftRightLogical(z, 11);
        var magic = Vector256.Create(0x4330000000000000UL);
        var twoTo52 = Vector256.Create(4503599627370496.0);
        var high = (Vector256.ShiftRightLogical(x, 21) | magic).AsDouble() - twoTo52;
        var low = ((x & Vector256.Create((1UL << 21) - 1)) | magic).AsDouble() - twoTo52;
        return (high * Vector256.Create(2097152.0) + low) * Vector256.Create(1.0 / (1UL << 53));
    }

    /// <summary>Weyl increment between the keys of consecutive agents (2^64 / golden ratio).</summary>
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public double Uniform(RandomStream stream, int step, int index) => Uniform(StepKey(stream, step), index);

    /// <summary>Standard normal by Box-Muller from two keyed uniforms.</summary>
    public double Normal(RandomStream stream, int step, int index)
    {
        var key = StepKey(stream, step);
        var u1 = 1.0 - Uniform(key, 2 * index);
        var u2 = Uniform(key, 2 * index + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

/// <summary>Separate purposes of random numbers, so that adding draws to one never shifts another.</summary>
public enum RandomStream : ulong
{
    PeopleNetwork = 1,
    ActorNetwork = 2,
    MotiveNoise = 3,
    Thresholds = 4,
    InitialReach = 5,
    TakeUp = 6,
    Acceptance = 7,
    FormChoice = 8,
    Dropout = 9,
    PersonTolerance = 10,
    Mimetic = 11,
    Mandate = 12,
    Exit = 13,
    Reentry = 14,
    Leadership = 15,
    LeadershipNoise = 16,
    BrokerTies = 17,
    PersonGroup = 18,
    TargetCompliance = 19,
    Conversion = 20,
    AlternativeChoice = 21,
    Review = 22,
    Rechoice = 23,
}

public static class SplitMix
{
    /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> on four words at once with AVX2, which multiplies only 32-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z += Vector256.Create(0x9E3779B97F4A7C15UL);
        z = MultiplyLow(z ^ Vector256.ShiftRightLogical(z, 30), 0xBF58476D1CE4E5B9UL);
        z = MultiplyLow(z ^ Vector256.ShiftRightLogical(z, 27), 0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>The low 64 bits of x * m: lo(x) lo(m) + ((hi(x) lo(m) + lo(x) hi(m)) &lt;&lt; 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MultiplyLow(Vector256<ulong> x, ulong m)
    {
        var mLow = Vector256.Create(m & 0xFFFFFFFFUL).AsUInt32();
        var mHigh = Vector256.Create(m >> 32).AsUInt32();
        var low = Avx2.Multiply(x.AsUInt32(), mLow);
        var cross = Avx2.Multiply(Vector256.ShiftRightLogical(x, 32).AsUInt32(), mLow) + Avx2.Multiply(x.AsUInt32(), mHigh);
        return low + Vector256.ShiftLeft(cross, 32);
    }
}
