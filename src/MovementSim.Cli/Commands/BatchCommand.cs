using System.CommandLine;
using MovementSim.Batch;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>batch SCENARIO [--reps N] [--jobs N] [--threads N] [--seed N] [--set name=value ...] [--design FILE] [--shard K/N]
/// [--out DIR] [--counterfactual] [--force] [--quiet] [--no-report] [--slurm [--shards N] [--dry-run]]</c>: design points × replicates, in parallel,
/// resumable, sharded or submitted to Slurm. Exit codes: 0 all runs succeeded, 1 invalid input,
/// 2 usage error (also: output folder locked or holding another batch), 3 some runs failed, 4 input/output failure.
/// </summary>
public static class BatchCommand
{
    /// <param name="afterBatch">Called with the result folder once a whole (not sharded) batch is complete: charts and report.</param>
    /// <param name="terminal">Where the progress bar goes (see <see cref="ProgressDisplay"/>); null for plain lines.</param>
    public static Command Create(Action<string>? afterBatch = null, IAnsiConsole? terminal = null)
    {
        var scenario = BatchOptions.Scenario();
        var common = new CommonOptions(
            new Option<int?>("--reps") { Description = $"Replicates per design point (default: the sweep file's replicates setting, else {DesignRequest.DefaultReplicates}).", HelpName = "N" },
            new Option<int?>("--jobs", "-j") { Description = "Runs at once (default: all cores); with --slurm, cores per shard (default 1).", HelpName = "N" },
            new Option<int?>("--seed") { Description = $"Master seed; each run's seed derives from it, its design point and replicate (default {Seeds.DefaultMasterSeed}).", HelpName = "N" },
            BatchOptions.Set(), BatchOptions.Out(), BatchOptions.Quiet());
        var design = new Option<string?>("--design") { Description = $"Sweep file to use instead of the scenario's {SweepFile.DefaultName} (format: scenarios/SWEEP.md).", HelpName = "FILE" };
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N (runs whose id modulo N is K); join shards with merge.", HelpName = "K/N" };
        var force = new Option<bool>("--force") { Description = $"Allow a design of more runs than its limit (sweep setting max_runs, default {DesignRequest.DefaultMaxRuns})." };
        var noReport = BatchOptions.NoReport();
        var counterfactual = BatchOptions.Counterfactual();
        var threads = BatchOptions.Threads("default 1: a batch runs its runs in parallel instead");
        var slurm = new Option<bool>("--slurm") { Description = "Write a Slurm job-array script (one task per shard, then a merge job) into the output folder and submit it with sbatch." };
        var shards = new Option<int?>("--shards") { Description = "With --slurm: number of shards (array tasks), default 1.", HelpName = "N" };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --slurm: write the scripts without submitting them." };
        var command = new Command("batch", "Run a scenario's design (its sweep.csv, or --design) with replicates; write timeseries, runs, summary, design and manifest. " +
            "Exit codes: 0 all runs finished, 1 invalid input, 2 usage error or output folder in use, 3 some runs failed (see failures.csv), " +
            "4 input/output failure (disk full, read-only, permission denied; finished runs are kept and the same command resumes).")
        {
            scenario, common.Reps, common.Jobs, threads, common.Seed, common.Set, design, shard, common.Out, counterfactual, force, common.Quiet, noReport, slurm, shards, dryRun,
        };
        command.SetAction(parse => BatchInvocation.Execute(
            new BatchArguments
            {
                IsRun = false,
                Scenario = parse.GetRequiredValue(scenario),
                Common = common.Read(parse),
                Threads = parse.GetValue(threads),
                DesignFile = parse.GetValue(design),
                Shard = parse.GetValue(shard),
                Force = parse.GetValue(force),
                Counterfactual = parse.GetValue(counterfactual),
                Slurm = parse.GetValue(slurm),
                Shards = parse.GetValue(shards),
                DryRun = parse.GetValue(dryRun),
                CommandLine = BatchInvocation.CommandLineOf(parse),
            },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(noReport) ? null : afterBatch, terminal));
        return command;
    }
}
