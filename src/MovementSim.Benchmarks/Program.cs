using BenchmarkDotNet.Running;

namespace MovementSim.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project src/MovementSim.Benchmarks -- --filter '*TakeUp*'</c> runs BenchmarkDotNet
/// (any of its options); <c>-- --memory [options]</c> instead runs one 10^6-person run once and reports peak memory;
/// <c>-- --cpu-check</c> reports how much a second thread can add on this machine right now.
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
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
