using System.Diagnostics;
using System.Globalization;
using MovementSim.Core;

namespace MovementSim.Benchmarks;

/// <summary>
/// What <c>--cpu-check</c> runs: the same pure computation (keyed draws, no memory traffic, no synchronisation) on one
/// thread and then on two at once, for two seconds each. The ratio is what this machine offers a parallel run right
/// now; on a shared machine it is well below 2 and any thread-scaling figure must be read against it.
/// </summary>
public static class CpuCheck
{
    public static int Run(TextWriter output)
    {
        var duration = TimeSpan.FromSeconds(2);
        var one = Draws(duration);
        var both = new long[2];
        var threads = new[] { new Thread(() => both[0] = Draws(duration)), new Thread(() => both[1] = Draws(duration)) };
        foreach (var t in threads)
        {
            t.Start();
        }
        foreach (var t in threads)
        {
            t.Join();
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"one thread   {one / duration.TotalSeconds / 1e6:F0} M draws/s"));
        output.WriteLine(string.Create(inv, $"two threads  {(both[0] + both[1]) / duration.TotalSeconds / 1e6:F0} M draws/s"));
        output.WriteLine(string.Create(inv, $"ratio        {(both[0] + both[1]) / (double)one:F2} (2.00 = two free cores)"));
        output.WriteLine(string.Create(inv, $"load average {LoadAverage()}"));
        return 0;
    }

    private static long Draws(TimeSpan duration)
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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
