using System.CommandLine;
using System.Globalization;
using MovementSim.Reporting;
using MovementSim.Scenarios;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>suite [SCENARIOS_DIR] [--reps N] [--jobs N] [--seed N] [--results DIR]</c>: the main job of ./run.sh. Every
/// scenario folder under SCENARIOS_DIR is checked first (nothing runs if one is invalid), then run as a
/// replicated batch, each run paired with its counterfactual (--counterfactual), into RESULTS/&lt;scenario&gt;/&lt;timestamp&gt;
/// with its charts and report, and finally all are compared in RESULTS/index.html.
/// </summary>
public static class SuiteCommand
{
    public const int DefaultReplicates = 10;

    /// <param name="terminal">Where the progress bar goes (see <see cref="ProgressDisplay"/>); null for plain lines.</param>
    public static Command Create(Action<string> afterBatch, IAnsiConsole? terminal = null)
    {
        var folder = new Argument<string>("SCENARIOS_DIR")
        {
            Description = "Folder whose subfolders are scenarios (default: scenarios).",
            DefaultValueFactory = _ => "scenarios",
        };
        var reps = new Option<int>("--reps") { Description = $"Replicates per scenario (default {DefaultReplicates}).", DefaultValueFactory = _ => DefaultReplicates, HelpName = "N" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Runs at once (default: all cores).", HelpName = "N" };
        var seed = new Option<int?>("--seed") { Description = "Master seed of every batch (default 1).", HelpName = "N" };
        var results = new Option<string>("--results") { Description = "Where scenario results and index.html go (default: results).", DefaultValueFactory = _ => "results", HelpName = "DIR" };
        var quiet = BatchOptions.Quiet();
        var command = new Command("suite", "Run every scenario of a folder as a replicated batch with charts and a report, then compare them all in RESULTS/index.html (what ./run.sh runs).")
        {
            folder, reps, jobs, seed, results, quiet,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var root = parse.GetRequiredValue(folder);
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"{root}:0:0: folder does not exist");
                return Cli.InvalidInput;
            }
            var scenarios = Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, ScenarioFormat.ParametersFile)) || File.Exists(Path.Combine(d, ScenarioFormat.OrganisationsFile)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (scenarios.Length == 0)
            {
                stderr.WriteLine($"{root}:0:0: no scenario folders in it (a scenario folder holds parameters.csv or organisations.csv)");
                return Cli.InvalidInput;
            }
            var problems = 0;
            foreach (var s in scenarios)
            {
                var loaded = ScenarioLoader.Load(s);
                foreach (var e in loaded.Errors)
                {
                    stderr.WriteLine(e);
                    problems++;
                }
            }
            if (problems > 0)
            {
                stderr.WriteLine($"{root}: {problems} problem{(problems == 1 ? "" : "s")} found; nothing was run");
                return Cli.InvalidInput;
            }

            var resultsRoot = parse.GetRequiredValue(results);
            var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var outputs = new List<string>();
            var worst = Cli.Ok;
            foreach (var s in scenarios)
            {
                var name = Path.GetFileName(s);
                var output = Path.Combine(resultsRoot, name, stamp);
                stdout.WriteLine($"== {name}");
                var code = BatchInvocation.Execute(new BatchArguments
                {
                    Scenario = s,
                    IsRun = false,
                    Common = new CommonArguments(parse.GetValue(reps), parse.GetValue(jobs), parse.GetValue(seed), [], output, parse.GetValue(quiet)),
                    // Every scenario is answered against its own counterfactual, paired run by run.
                    Counterfactual = true,
                    CommandLine = BatchInvocation.CommandLineOf(parse),
                }, stdout, stderr, afterBatch, terminal);
                if (code is Cli.Ok or Cli.SomeRunsFailed)
                {
                    outputs.Add(output);
                }
                worst = Math.Max(worst, code);
            }
            if (outputs.Count > 0)
            {
                var comparison = Comparison.Write(outputs, resultsRoot);
                stdout.WriteLine();
                stdout.WriteLine($"Open {comparison.IndexPath}: each scenario's report, then all scenarios compared.");
            }
            return worst;
        });
        return command;
    }
}
