using System.Diagnostics;
using System.Globalization;
using MovementSim.Core;

namespace MovementSim.Benchmarks;

/// <summary>
/// What <c>--cpu-check</c> runs: the same pure computation (keyed draws, no memory traffic, no synchronisation) on one
/// thread and then on two at once, for two seconds each. The ratio is what this machine offers a parallel run right
/// now; on a shared machine it is well below 2 and any thread-scaling figure must be read against it. Then the same for
/// reading memory (summing 64 MB arrays, far bigger than the caches): a step of a large run streams its arrays, so
/// two threads cannot go faster than this second ratio allows.
/// </summary>
public static class CpuCheck
{
    public static int Run(TextWriter output)
    {
        var duration = TimeSpan.FromSeconds(2);
        var one = Draws(duration);
        var two = OnTwoThreadsAtOnce(_ => Draws(duration));
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"one thread   {one / duration.TotalSeconds / 1e6:F0} M draws/s"));
        output.WriteLine(string.Create(inv, $"two threads  {two / duration.TotalSeconds / 1e6:F0} M draws/s"));
        output.WriteLine(string.Create(inv, $"ratio        {two / one:F2} (2.00 = two free cores)"));
        var arrays = new[] { new int[1 << 24], new int[1 << 24] };
        foreach (var a in arrays)
        {
            Array.Fill(a, 1);
        }
        var oneBandwidth = Read(arrays[0], duration);
        var twoBandwidth = OnTwoThreadsAtOnce(k => Read(arrays[k], duration));
        output.WriteLine(string.Create(inv, $"memory read, one thread   {oneBandwidth / 1e9:F1} GB/s"));
        output.WriteLine(string.Create(inv, $"memory read, two threads  {twoBandwidth / 1e9:F1} GB/s"));
        output.WriteLine(string.Create(inv, $"memory ratio {twoBandwidth / oneBandwidth:F2} (2.00 = bandwidth doubles with a second core)"));
        output.WriteLine(string.Create(inv, $"load average {LoadAverage()}"));
        return 0;
    }

    private static double Draws(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        double sink = 0;
        while (clock.Elapsed < duration)
        {
            for (var k = 0; k < 1 << 16; k++)
            {
                sink += RunRandom.Uniform(0x1234_5678_9ABC_DEF0UL, (int)(n + k));
            }
            n += 1 << 16;
        }
        return sink < 0 ? 0 : n;
    }

    /// <summary>Runs <paramref name="work"/>(0) and <paramref name="work"/>(1) on two threads at once; the sum of their results.</summary>
    private static double OnTwoThreadsAtOnce(Func<int, double> work)
    {
        var results = new double[2];
        var threads = new[] { new Thread(() => results[0] = work(0)), new Thread(() => results[1] = work(1)) };
        foreach (var t in threads)
        {
            t.Start();
        }
        foreach (var t in threads)
        {
            t.Join();
        }
        return results[0] + results[1];
    }

    private static double Read(int[] data, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var sum = System.Numerics.Vector<int>.Zero;
        while (clock.Elapsed < duration)
        {
            foreach (var v in System.Runtime.InteropServices.MemoryMarshal.Cast<int, System.Numerics.Vector<int>>(data))
            {
                sum += v;
            }
            bytes += (long)data.Length * sizeof(int);
        }
        return System.Numerics.Vector.Sum(sum) == 0 ? 0 : bytes / clock.Elapsed.TotalSeconds;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
