using System.Text.Json.Nodes;
using MovementSim.Core;

namespace MovementSim.Batch;

/// <summary>Runs one simulation. The batch engine calls it from several threads at once.</summary>
public interface IRunExecutor
{
    /// <summary>Runs the scenario with the seed, reporting step 0 to the last step; throws if the run fails.</summary>
    void Execute(ScenarioDefinition scenario, int seed, MeasureObserver observer);
}

/// <summary>
/// The real thing: one <see cref="Simulation"/> per run. A batch runs its runs in parallel, each on one thread
/// (<see cref="Instance"/>); a single large run can use several threads for its steps, with the same result.
/// </summary>
public sealed class SimulationExecutor(int threads = 1) : IRunExecutor
{
    public static readonly SimulationExecutor Instance = new();

    private readonly SimulationOptions _options = new(Threads: threads >= 1 ? threads : throw new ArgumentOutOfRangeException(nameof(threads)));

    public int Threads => _options.Threads;

    public void Execute(ScenarioDefinition scenario, int seed, MeasureObserver observer) =>
        new Simulation(scenario, seed, _options).Run(observer);
}

/// <summary>Told how a batch advances. Called from worker threads: implementations must be thread-safe.</summary>
public interface IBatchProgress
{
    /// <param name="total">Runs in this batch (or shard).</param>
    /// <param name="alreadyDone">Runs finished by an earlier, interrupted attempt.</param>
    void Started(int total, int alreadyDone);

    void RunFinished(RunSpec run, bool failed);

    /// <summary>All runs are done; the result files are being assembled.</summary>
    void Assembling();
}

public sealed class NoProgress : IBatchProgress
{
    public static readonly NoProgress Instance = new();

    public void Started(int total, int alreadyDone)
    {
    }

    public void RunFinished(RunSpec run, bool failed)
    {
    }

    public void Assembling()
    {
    }
}

/// <summary>
/// Everything a batch needs, validated before it starts (CLI: parse → validate all → this → run).
/// </summary>
public sealed record BatchRequest
{
    /// <summary>The base scenario, with --set overrides applied; design points vary its parameters.</summary>
    public required ScenarioDefinition Scenario { get; init; }

    public required Design Design { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Files read to make the scenario and design: hashed into the plan and manifest, copied to scenario/ by default.</summary>
    public IReadOnlyList<InputSource> InputFiles { get; init; } = [];

    public Shard Shard { get; init; } = Shard.Whole;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The command line, for the manifest.</summary>
    public string CommandLine { get; init; } = "";

    public IRunExecutor Executor { get; init; } = SimulationExecutor.Instance;

    /// <summary>Writes the scenario snapshot into the folder given; by default the input files are copied.</summary>
    public Action<string>? WriteSnapshot { get; init; }

    /// <summary>Entries added to manifest.json after the batch's own (an analysis' settings and results); none may replace one of them.</summary>
    public JsonObject? ManifestExtra { get; init; }

    /// <summary>
    /// Run each run with its counterfactual, paired by seed (<see cref="CounterfactualExecutor"/>): timeseries.csv, runs.csv
    /// and summary.csv gain the columns of <see cref="CounterfactualColumns.Added"/>.
    /// </summary>
    public bool Counterfactual { get; init; }

    /// <summary>
    /// Whether to write summary.csv (a whole batch only). Off for batches whose replicates an analysis reads
    /// itself: there summary.csv would cost more than the runs (one row per design point, step and measure).
    /// </summary>
    public bool WriteSummary { get; init; } = true;

    /// <summary>How many doubles summary.csv may hold in memory at once (it makes more passes over a design point beyond this).</summary>
    public long SummaryMemoryBudget { get; init; } = SummaryWriter.DefaultMemoryBudget;
}

/// <summary>How a batch ended. <see cref="RunsFailed"/> counts all failed runs of the batch, also those of earlier attempts.</summary>
public sealed record BatchOutcome(
    string OutputDirectory,
    int RunsTotal,
    int RunsResumed,
    int RunsExecuted,
    int RunsFailed,
    bool WasAlreadyComplete)
{
    public bool AllSucceeded => RunsFailed == 0;

    /// <summary>Runs of an earlier attempt whose parts failed verification and were run again: "run N: what was wrong".</summary>
    public IReadOnlyList<string> Repaired { get; init; } = [];
}
