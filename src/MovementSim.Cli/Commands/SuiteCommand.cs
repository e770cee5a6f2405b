using System.CommandLine;
using System.Globalization;
using MovementSim.Analysis.Model;
using MovementSim.Batch;
using MovementSim.Reporting;
using MovementSim.Scenarios;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>suite [SCENARIOS_DIR] [--reps N] [--jobs N] [--seed N] [--results DIR] [--robust [--samples N]]</c>: the main job of ./run.sh. Every
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
        var robust = new Option<bool>("--robust")
        {
            Description = "Also run each scenario's robustness analysis (see robustness --help) into RESULTS/<scenario>/<timestamp>/robustness; its report section joins the scenario's report. " +
                "Scenarios without a movement or without institutional adoption have none.",
        };
        var samples = new Option<int?>("--samples") { Description = $"With --robust: sampled worlds per scenario (default {RobustnessCommand.DefaultSamples}).", HelpName = "N" };
        var command = new Command("suite", "Run every scenario of a folder as a replicated batch, each run paired with its counterfactual, with charts and a report, then compare them all in RESULTS/index.html (what ./run.sh runs).")
        {
            folder, reps, jobs, seed, results, quiet, robust, samples,
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
            // Why robustness does not apply to a scenario (null where it does), from the one load of each scenario.
            var notRobust = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var s in scenarios)
            {
                var loaded = ScenarioLoader.Load(s);
                notRobust[s] = loaded.Scenario is { } sc ? RobustnessCommand.NotApplicable(sc.Parameters)?.Short : null;
                var ranges = parse.GetValue(robust) ? PlausibleRanges.LoadScenarioFile(loaded)?.Errors ?? [] : [];
                foreach (var e in loaded.Errors.Concat(ranges))
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
            // Before hours of runs: an index.html or chart in the way that MovementSim did not write is refused now, not at the end.
            try
            {
                IndexFiles.Owned(Path.GetFullPath(resultsRoot));
            }
            catch (ResultFolderException e)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
                return Cli.UsageError;
            }
            var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var outputs = new List<string>();
            var worst = Cli.Ok;
            foreach (var s in scenarios)
            {
                var name = Path.GetFileName(s);
                var output = Path.Combine(resultsRoot, name, stamp);
                var withRobustness = parse.GetValue(robust) && notRobust[s] is null;
                stdout.WriteLine($"== {name}");
                var code = BatchInvocation.Execute(new BatchArguments
                {
                    Scenario = s,
                    IsRun = false,
                    Common = new CommonArguments(parse.GetValue(reps), parse.GetValue(jobs), parse.GetValue(seed), [], output, parse.GetValue(quiet)),
                    // Every scenario is answered against its own counterfactual, paired run by run.
                    Counterfactual = true,
                    CommandLine = BatchInvocation.CommandLineOf(parse),
                    // With robustness to come, the report is drawn once, after it, with its section.
                }, stdout, stderr, withRobustness ? _ => { } : afterBatch, terminal);
                if (code is Cli.Ok or Cli.SomeRunsFailed)
                {
                    outputs.Add(output);
                    if (withRobustness)
                    {
                        code = Math.Max(code, RobustnessCommand.Execute(new RobustnessCommand.Arguments
                        {
                            Scenario = s,
                            Samples = parse.GetValue(samples),
                            Common = new CommonArguments(null, parse.GetValue(jobs), parse.GetValue(seed), [], Path.Combine(output, RobustnessFolder), parse.GetValue(quiet)),
                            CommandLine = BatchInvocation.CommandLineOf(parse),
                        }, stdout, stderr, afterBatch, terminal));
                        afterBatch(output);
                    }
                    else if (parse.GetValue(robust))
                    {
                        stdout.WriteLine($"robustness: not applicable ({notRobust[s]})");
                    }
                }
                worst = Math.Max(worst, code);
            }
            if (outputs.Count > 0)
            {
                ComparisonResult comparison;
                try
                {
                    comparison = Comparison.Write(outputs, resultsRoot);
                }
                catch (ResultFolderException e)
                {
                    stderr.WriteLine($"movementsim: {e.Message}");
                    return Math.Max(worst, Cli.UsageError);
                }
                stdout.WriteLine();
                stdout.WriteLine($"Open {comparison.IndexPath}: each scenario's report, then all scenarios compared.");
            }
            return worst;
        });
        return command;
    }

    private const string RobustnessFolder = ResultFiles.RobustnessFolder;
}
