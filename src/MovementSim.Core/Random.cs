using System.Runtime.CompilerServices;
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

    /// <summary>Uniform in [0, 1) for agent <paramref name="index"/> under a step key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong stepKey, int index) =>
        (SplitMix.Mix(stepKey + (ulong)(uint)index * 0x9E3779B97F4A7C15UL) >> 11) * (1.0 / (1UL << 53));

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
}
