using System.CommandLine;
using MovementSim.Batch;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary><c>run SCENARIO [--seed N] [--set name=value ...] [--out DIR] [--threads N] [--counterfactual] [--quiet] [--no-report]</c>: one run, written like a batch of one.</summary>
public static class RunCommand
{
    /// <param name="afterRun">Called with the result folder once it is complete (charts and report).</param>
    /// <param name="terminal">Where the progress bar goes (see <see cref="ProgressDisplay"/>); null for plain lines.</param>
    public static Command Create(Action<string>? afterRun = null, IAnsiConsole? terminal = null)
    {
        var scenario = BatchOptions.Scenario();
        var seed = new Option<int?>("--seed")
        {
            Description = "The run's seed: a batch row with this value in its seed column replays exactly " +
                $"(with the batch's --set values and the row's design point values). Default: the seed of run 0 of a batch with master seed {Seeds.DefaultMasterSeed}.",
            HelpName = "N",
        };
        var set = BatchOptions.Set();
        var output = BatchOptions.Out();
        var quiet = BatchOptions.Quiet();
        var noReport = BatchOptions.NoReport();
        var threads = BatchOptions.Threads("default: all cores");
        var counterfactual = BatchOptions.Counterfactual();
        var command = new Command("run", "Run a scenario once and write timeseries, runs, summary and manifest to the output folder.")
        {
            scenario, seed, set, output, threads, counterfactual, quiet, noReport,
        };
        command.SetAction(parse => BatchInvocation.Execute(
            new BatchArguments
            {
                IsRun = true,
                Scenario = parse.GetRequiredValue(scenario),
                Common = new CommonArguments(null, null, parse.GetValue(seed), parse.GetValue(set) ?? [], parse.GetValue(output), parse.GetValue(quiet)),
                Threads = parse.GetValue(threads),
                Counterfactual = parse.GetValue(counterfactual),
                CommandLine = BatchInvocation.CommandLineOf(parse),
            },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(noReport) ? null : afterRun, terminal));
        return command;
    }
}
