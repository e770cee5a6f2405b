using BenchmarkDotNet.Running;

namespace MovementSim.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project src/MovementSim.Benchmarks -- --filter '*TakeUp*'</c> runs BenchmarkDotNet
/// (any of its options); <c>-- --memory [options]</c> instead runs one 10^6-person run once and reports peak memory;
/// <c>-- --cpu-check</c> reports how much a second thread can add on this machine right now; <c>-- --explore [N]</c> times
/// N changes on explore's page, from the change to its new charts.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--memory")
        {
            var (options, errors) = MemoryCheckOptions.Parse(args[1..]);
            if (options is null)
            {
                foreach (var e in errors)
                {
                    Console.Error.WriteLine($"MovementSim.Benchmarks: {e}");
                }
                Console.Error.WriteLine(MemoryCheckOptions.Usage);
                return 2;
            }
            return MemoryCheck.Run(options, Console.Out);
        }
        if (args.Length == 1 && args[0] == "--cpu-check")
        {
            return CpuCheck.Run(Console.Out);
        }
        if (args.Length is 1 or 2 && args[0] == "--explore")
        {
            if (args.Length == 2 && !(int.TryParse(args[1], out var n) && n >= 1))
            {
                Console.Error.WriteLine($"MovementSim.Benchmarks: --explore N needs a number of changes of at least 1 (got '{args[1]}')");
                return 2;
            }
            return ExploreLatency.Run(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10, Console.Out).GetAwaiter().GetResult();
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
