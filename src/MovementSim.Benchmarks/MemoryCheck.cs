using System.Diagnostics;
using System.Globalization;
using MovementSim.Core;

namespace MovementSim.Benchmarks;

/// <summary>What <c>--memory</c> runs: one bass-docking run, once, in this process.</summary>
/// <param name="People">Population (default 10^6).</param>
/// <param name="MeanDegree">Mean degree of the random network (default 10).</param>
/// <param name="Threads">Threads for the take-up pass (default 1).</param>
/// <param name="LimitMegabytes">Peak working set allowed (the target: 300 MB).</param>
public sealed record MemoryCheckOptions(int People = 1_000_000, double MeanDegree = 10, int Threads = 1, double LimitMegabytes = 300)
{
    public const string Usage =
        "usage: MovementSim.Benchmarks --memory [--people N (>= 2)] [--mean-degree K (0 < K < N)] [--threads T (>= 1)] [--limit-mb M (> 0)]";

    /// <summary>Parses the options after <c>--memory</c>; every problem is reported, none is guessed.</summary>
    public static (MemoryCheckOptions? Options, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> args)
    {
        var errors = new List<string>();
        var o = new MemoryCheckOptions();
        for (var k = 0; k < args.Count; k++)
        {
            var name = args[k];
            if (k + 1 >= args.Count)
            {
                errors.Add($"{name} needs a value");
                break;
            }
            var value = args[++k];
            switch (name)
            {
                case "--people" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2:
                    o = o with { People = n };
                    break;
                case "--mean-degree" when double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0:
                    o = o with { MeanDegree = d };
                    break;
                case "--threads" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= 1:
                    o = o with { Threads = t };
                    break;
                case "--limit-mb" when double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) && m > 0:
                    o = o with { LimitMegabytes = m };
                    break;
                case "--people" or "--mean-degree" or "--threads" or "--limit-mb":
                    errors.Add($"{name}: '{value}' is not valid");
                    break;
                default:
                    errors.Add($"unknown option '{name}' (valid: --people, --mean-degree, --threads, --limit-mb)");
                    break;
            }
        }
        if (o.MeanDegree >= o.People)
        {
            errors.Add($"--mean-degree ({o.MeanDegree.ToString(CultureInfo.InvariantCulture)}) must be below --people ({o.People})");
        }
        return errors.Count > 0 ? (null, errors) : (o, errors);
    }
}

public static class MemoryCheck
{
    /// <summary>Runs once and prints peak working set and GC figures; returns 0 when within the limit, 3 otherwise.</summary>
    public static int Run(MemoryCheckOptions o, TextWriter output)
    {
        var scenario = BenchmarkScenarios.BassDocking(o.People, NetworkKind.Random, o.MeanDegree);
        var clock = Stopwatch.StartNew();
        var sim = new Simulation(scenario, seed: 1, new SimulationOptions(o.Threads));
        var build = clock.Elapsed;
        clock.Restart();
        while (!sim.Finished)
        {
            sim.Step();
        }
        var run = clock.Elapsed;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakMb = process.PeakWorkingSet64 / 1e6;
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"bass-docking, random network: people={o.People} mean_degree={o.MeanDegree} steps={scenario.Parameters.Steps} threads={o.Threads} seed=1"));
        output.WriteLine(string.Create(inv, $"reach at the end        {sim.Current[0]:F6}"));
        output.WriteLine(string.Create(inv, $"build world             {build.TotalSeconds:F3} s"));
        output.WriteLine(string.Create(inv, $"{scenario.Parameters.Steps} steps               {run.TotalSeconds:F3} s  ({o.People * (double)scenario.Parameters.Steps / run.TotalSeconds / 1e6:F0} M people-steps/s, wall clock, one run)"));
        output.WriteLine(string.Create(inv, $"peak working set        {peakMb:F1} MB  (limit {o.LimitMegabytes:F0} MB)"));
        output.WriteLine(string.Create(inv, $"GC heap now             {GC.GetTotalMemory(false) / 1e6:F1} MB; last GC heap {gc.HeapSizeBytes / 1e6:F1} MB, committed {gc.TotalCommittedBytes / 1e6:F1} MB"));
        output.WriteLine(string.Create(inv, $"allocated in total      {GC.GetTotalAllocatedBytes() / 1e6:F1} MB; GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        var ok = peakMb <= o.LimitMegabytes;
        output.WriteLine(ok ? "memory target: met" : string.Create(inv, $"memory target: MISSED by {peakMb - o.LimitMegabytes:F1} MB"));
        return ok ? 0 : 3;
    }
}
