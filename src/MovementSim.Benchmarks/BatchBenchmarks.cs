using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Benchmarks;

/// <summary>
/// Batch throughput: 200 replicates of the shipped direct-payments scenario (its default size, master seed 1) through
/// <see cref="BatchRunner.Run"/> with one job and with two: the runs, their part files, assembling timeseries.csv,
/// runs.csv and timing.csv, and summary.csv — what <c>movementsim batch --reps 200 --no-report</c> does after parsing
/// its arguments. Each invocation writes a fresh folder (deleted afterwards, not timed). Ratio = 1 job ÷ 2 jobs mean time;
/// the target is a ratio of at least 1.8 (speed-up, shown as 0.56 or less in the Ratio column).
/// </summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class BatchThroughputBenchmarks
{
    public const int Replicates = 200;

    private ScenarioDefinition _scenario = null!;
    private Design _design = null!;
    private string _folder = "";

    [GlobalSetup]
    public void Load()
    {
        _scenario = Repo.Load("direct-payments");
        var expanded = DesignExpansion.Expand(null, _scenario.Parameters, new DesignRequest(1, Replicates), _scenario.Events);
        _design = expanded.Design ?? throw new InvalidOperationException(string.Join("; ", expanded.Errors));
    }

    [IterationSetup]
    public void NewFolder() => _folder = Path.Join(Path.GetTempPath(), "movementsim-bench-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "200 runs, --jobs 1")]
    public int OneJob() => Batch(1);

    [Benchmark(Description = "200 runs, --jobs 2")]
    public int TwoJobs() => Batch(2);

    private int Batch(int jobs)
    {
        var outcome = BatchRunner.Run(new BatchRequest
        {
            Scenario = _scenario,
            Design = _design,
            OutputDirectory = _folder,
            Jobs = jobs,
            CommandLine = "benchmark",
        });
        return outcome.RunsExecuted;
    }
}

/// <summary>Runs per second: replicates ÷ mean time of one batch.</summary>
public sealed class RunsPerSecondColumn() : RateColumn("runs/s", "Runs per second: 200 runs / mean time", 1)
{
    protected override string? ValueOf(BenchmarkCase benchmarkCase, double seconds) =>
        benchmarkCase.Descriptor.Type == typeof(BatchThroughputBenchmarks)
            ? (BatchThroughputBenchmarks.Replicates / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
