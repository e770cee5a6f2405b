using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>Take-up among the unreached of [start, end) on a network: person i takes up when
    /// U(i) &lt; a + b * reached_neighbours(i) / degree(i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static int TakeUpUnreached(PersonState[] state, int[] counts, float[] inverse, int start, int end, ulong key,
        double a, double b, int[] buffer, int count)
    {
        // Bounds are checked once here; the loops below index without checks.
        if ((uint)end > (uint)state.Length || (uint)end > (uint)counts.Length || (uint)end > (uint)inverse.Length ||
            start < 0 || end - start > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }
        ref var st = ref Unsafe.As<PersonState, byte>(ref MemoryMarshal.GetArrayDataReference(state));
        ref var c = ref MemoryMarshal.GetArrayDataReference(counts);
        ref var inv = ref MemoryMarshal.GetArrayDataReference(inverse);
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= end - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var unreached = Vector256.Equals(Vector256.LoadUnsafe(ref st, (nuint)i), Vector256<byte>.Zero)
                    .ExtractMostSignificantBits();
                if (unreached == 0)
                {
                    continue;
                }
                if (Avx2.IsSupported && BitOperations.PopCount(unreached) >= DenseBlock)
                {
                    // Mostly unreached: drawing for all 32, four at a time, beats visiting them one by one.
                    var takes = TakeUpBlock(ref c, ref inv, i, key, a, b) & unreached;
                    while (takes != 0)
                    {
                        Unsafe.Add(ref output, count++) = i + BitOperations.TrailingZeroCount(takes);
                        takes &= takes - 1;
                    }
                    continue;
                }
                while (unreached != 0)
                {
                    var k = i + BitOperations.TrailingZeroCount(unreached);
                    unreached &= unreached - 1;
                    var share = Unsafe.Add(ref c, k) * (double)Unsafe.Add(ref inv, k);
                    if (RunRandom.Uniform(key, k) < a + b * share)
                    {
                        Unsafe.Add(ref output, count++) = k;
                    }
                }
            }
        }
        for (; i < end; i++)
        {
            if (Unsafe.Add(ref st, i) == 0)
            {
                var share = Unsafe.Add(ref c, i) * (double)Unsafe.Add(ref inv, i);
                if (RunRandom.Uniform(key, i) < a + b * share)
                {
                    Unsafe.Add(ref output, count++) = i;
                }
            }
        }
        return count;
    }

    /// <summary>Blocks of 32 people with at least this many unreached are drawn for in full (measured break-even ~20).</summary>
    private const int DenseBlock = 20;

    /// <summary>Bit k set when person first + k would take up if unreached: the same draws and the same arithmetic as
    /// the scalar test, four people at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint TakeUpBlock(ref int counts, ref float inverse, int first, ulong key, double a, double b)
    {
        var va = Vector256.Create(a);
        var vb = Vector256.Create(b);
        uint takes = 0;
        for (var q = 0; q < Vector256<byte>.Count; q += 4)
        {
            var k = first + q;
            var reached = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref counts, (nuint)k));
            var inv = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref inverse, (nuint)k));
            var probability = va + vb * (reached * inv);
            takes |= Vector256.LessThan(RunRandom.Uniform4(key, k), probability).ExtractMostSignificantBits() << q;
        }
        return takes;
    }

    /// <summary>Take-up among the unreached of [start, end) with complete mixing: the same probability for all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static int TakeUpUnreached(PersonState[] state, int start, int end, ulong key, double probability, int[] buffer, int count)
    {
        if ((uint)end > (uint)state.Length || start < 0 || end - start > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }
        ref var st = ref Unsafe.As<PersonState, byte>(ref MemoryMarshal.GetArrayDataReference(state));
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= end - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var unreached = Vector256.Equals(Vector256.LoadUnsafe(ref st, (nuint)i), Vector256<byte>.Zero)
                    .ExtractMostSignificantBits();
                while (unreached != 0)
                {
                    var k = i + BitOperations.TrailingZeroCount(unreached);
                    unreached &= unreached - 1;
                    if (RunRandom.Uniform(key, k) < probability)
                    {
                        Unsafe.Add(ref output, count++) = k;
                    }
                }
            }
        }
        for (; i < end; i++)
        {
            if (Unsafe.Add(ref st, i) == 0 && RunRandom.Uniform(key, i) < probability)
            {
                Unsafe.Add(ref output, count++) = i;
            }
        }
        return count;
    }
}
