using System.CommandLine;
using System.Globalization;
using MovementSim.Analysis.Model;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>robustness SCENARIO [--samples N] [--reps N] [--ranges FILE] [--at-year Y] [--jobs N] [--seed N] [--set name=value ...]
/// [--out DIR] [--shard K/N] [--slurm [--shards N] [--dry-run]]</c>: how robust the scenario's answer is. Latin hypercube
/// samples over the uncertain parameters' plausible ranges, each run paired with its counterfactual on the batch engine;
/// the share of worlds where institutional take-up wins on net benefit, the region where the answer flips (PRIM) and the
/// ranking of parameters (PRCC).
/// </summary>
public static class RobustnessCommand
{
    public const int DefaultSamples = 256;
    public const int DefaultReplicates = 3;

    /// <param name="afterAnalysis">Called with the result folder once it is complete (charts and report).</param>
    /// <param name="terminal">Where the progress bar goes (see <see cref="ProgressDisplay"/>); null for plain lines.</param>
    public static Command Create(Action<string>? afterAnalysis = null, IAnsiConsole? terminal = null)
    {
        var scenario = BatchOptions.Scenario();
        var samples = new Option<int?>("--samples") { Description = $"Sampled worlds, a Latin hypercube over the plausible ranges (default {DefaultSamples}).", HelpName = "N" };
        var reps = new Option<int?>("--reps") { Description = $"Replicates of each world, each paired by seed with its counterfactual; a world's difference is their mean (default {DefaultReplicates}).", HelpName = "N" };
        var ranges = new Option<string?>("--ranges")
        {
            Description = "CSV with columns parameter,min,max replacing plausible ranges (after the scenario's own ranges.csv, which replaces the catalog's; see describe).",
            HelpName = "FILE",
        };
        var atYear = new Option<double?>("--at-year") { Description = "The year the differences are read at: the step nearest to it (default: the last step).", HelpName = "Y" };
        var jobs = AnalysisOptions.Jobs();
        var seed = AnalysisOptions.Seed();
        var set = BatchOptions.Set();
        set.Description += " A parameter given here is held at that value, not sampled.";
        var output = AnalysisOptions.Out();
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N of the sampled worlds' runs into --out (a shard folder); then run the command without --shard, with the shards in OUT/shards/0..N-1, to merge and analyse them.", HelpName = "K/N" };
        var slurm = new Option<bool>("--slurm") { Description = "Write a Slurm job array (one task per shard, into OUT/shards/) and a job that then merges and analyses them, and submit both with sbatch." };
        var shards = new Option<int?>("--shards") { Description = "With --slurm: number of shards (array tasks), default 1.", HelpName = "N" };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --slurm: write the scripts without submitting them." };
        var force = new Option<bool>("--force") { Description = $"Allow more than {DesignRequest.DefaultMaxRuns} runs." };
        var quiet = BatchOptions.Quiet();
        var noReport = BatchOptions.NoReport();
        var command = new Command("robustness",
            "How robust the answer is: samples worlds over the uncertain parameters' plausible ranges, runs each with its counterfactual, and reports the share " +
            "of worlds where institutional take-up wins on net benefit (with a Clopper-Pearson interval), the region where the scenario's answer flips (PRIM) and " +
            "the parameters that move the difference most (PRCC). Writes robustness.csv (one row per world: parameters, then differences), robustness-ranking.csv, " +
            "robustness.json, runs/ and a batch of the scenario as given with its counterfactual, report.html and manifest.json. " + AnalysisOptions.ExitCodes)
        {
            scenario, samples, reps, ranges, atYear, jobs, seed, set, output, shard, slurm, shards, dryRun, force, quiet, noReport,
        };
        command.SetAction(parse => Execute(new Arguments
        {
            Scenario = parse.GetRequiredValue(scenario),
            Samples = parse.GetValue(samples),
            Common = new CommonArguments(parse.GetValue(reps), parse.GetValue(jobs), parse.GetValue(seed), parse.GetValue(set) ?? [], parse.GetValue(output), parse.GetValue(quiet)),
            Ranges = parse.GetValue(ranges),
            AtYear = parse.GetValue(atYear),
            Shard = parse.GetValue(shard),
            Slurm = parse.GetValue(slurm),
            Shards = parse.GetValue(shards),
            DryRun = parse.GetValue(dryRun),
            Force = parse.GetValue(force),
            CommandLine = BatchInvocation.CommandLineOf(parse),
        }, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(noReport) ? null : afterAnalysis, terminal));
        return command;
    }

    internal sealed record Arguments
    {
        public required string Scenario { get; init; }
        public int? Samples { get; init; }
        public required CommonArguments Common { get; init; }
        public string? Ranges { get; init; }
        public double? AtYear { get; init; }
        public string? Shard { get; init; }
        public bool Slurm { get; init; }
        public int? Shards { get; init; }
        public bool DryRun { get; init; }
        public bool Force { get; init; }
        public string CommandLine { get; init; } = "";
    }

    internal static int Execute(Arguments args, TextWriter stdout, TextWriter stderr, Action<string>? afterAnalysis, IAnsiConsole? terminal)
    {
        // 1. The command line on its own.
        var usage = new List<string>();
        var overrides = BatchInvocation.ParseSets(args.Common.Sets, usage);
        AnalysisInvocation.CheckCommon(args.Common.Jobs, args.Common.Reps, usage);
        if (args.Samples is < 2)
        {
            usage.Add($"--samples must be at least 2 (got {args.Samples})");
        }
        var shard = Shard.Whole;
        if (args.Shard is not null && !Shard.TryParse(args.Shard, out shard, out var shardError))
        {
            usage.Add(shardError);
        }
        BatchInvocation.CheckSlurm(args.Slurm, args.Shards, args.DryRun, args.Shard, usage);
        if (AnalysisInvocation.Usage(usage, stderr) is { } usageCode)
        {
            return usageCode;
        }

        // 2. Every input, all errors collected before anything runs.
        var errors = new List<ScenarioError>();
        var loaded = ScenarioLoader.Load(args.Scenario, overrides);
        errors.AddRange(loaded.Errors);
        var scenarioRanges = PlausibleRanges.LoadScenarioFile(loaded);
        errors.AddRange(scenarioRanges?.Errors ?? []);
        RangesFileResult? given = null;
        if (args.Ranges is not null)
        {
            given = RangesFile.Load(args.Ranges);
            errors.AddRange(given.Errors);
        }
        var held = overrides.Select(o => ParameterCatalog.Find(o.Name)?.Name ?? o.Name).ToHashSet(StringComparer.Ordinal);
        var uncertain = PlausibleRanges.Resolve(scenarioRanges, given, held, errors);
        var samples = args.Samples ?? DefaultSamples;
        var reps = args.Common.Reps ?? DefaultReplicates;
        var masterSeed = args.Common.Seed ?? Seeds.DefaultMasterSeed;
        RobustnessDesign? design = null;
        int? step = null;
        var year = double.NaN;
        if (loaded.Scenario is { } s && errors.Count == 0)
        {
            var p = s.Parameters;
            if (NotApplicable(p) is { } why)
            {
                errors.Add(ScenarioError.General($"{args.Scenario}: {why.Reason}"));
            }
            if (uncertain.Count == 0)
            {
                errors.Add(ScenarioError.General("no parameter is uncertain: every one with a plausible range is held with --set"));
            }
            year = args.AtYear ?? p.EndYear;
            step = TimeAxis.StepOf(p, year);
            if (step is null)
            {
                errors.Add(new ScenarioError("--at-year", 0, 0, string.Create(CultureInfo.InvariantCulture, $"year {year:R} is outside the simulated years {TimeAxis.Describe(p)}")));
            }
            var runs = RobustnessStudy.RunCount(samples, reps);
            // As sensitivity does: a design too large to number or to hold is refused even with --force, before it is drawn.
            var tooLarge = runs > int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture,
                    $"movementsim: the analysis needs {runs:N0} runs, more than one design can hold ({int.MaxValue:N0}), even with --force: lower --samples or --reps")
                : DesignMemory.Problem(samples + 1L, uncertain.Count) is { } memory ? $"movementsim: {memory} (lower --samples)" : null;
            if (tooLarge is not null)
            {
                errors.Add(ScenarioError.General(tooLarge));
            }
            else if (runs > DesignRequest.DefaultMaxRuns && !args.Force)
            {
                errors.Add(ScenarioError.General($"movementsim: the analysis needs {runs} runs, each with its counterfactual ({samples} sampled worlds, the scenario as given and a closing batch × {reps} replicates), " +
                    $"more than {DesignRequest.DefaultMaxRuns}: lower --samples or --reps, or pass --force"));
            }
            if (uncertain.Count > 0 && tooLarge is null)
            {
                design = RobustnessDesign.Draw(uncertain, samples, masterSeed);
                if (design.FirstRefused(p, args.Ranges ?? PlausibleRanges.ScenarioFile(loaded) ?? "ranges") is { } refused)
                {
                    errors.Add(refused);
                }
            }
        }
        if (errors.Count > 0 || loaded.Scenario is null || design is null || step is null)
        {
            return AnalysisInvocation.InvalidInput(errors.Select(e => e.ToString()).ToList(), stderr);
        }

        // 3. The immutable configuration, then the run.
        var scenario = loaded.Scenario;
        var scenarioRangesPath = PlausibleRanges.ScenarioFile(loaded);
        var extra = AnalysisInvocation.ExtraInputs((scenarioRangesPath, ScenarioFormat.RangesFile), (args.Ranges, ResultFiles.RangesInput));
        var settings = new RobustnessSettings
        {
            Model = new BatchModelSettings
            {
                Scenario = scenario,
                Parameters = [],
                Replicates = reps,
                MasterSeed = masterSeed,
                CommonRandomNumbers = true,
                Jobs = args.Common.Jobs ?? Environment.ProcessorCount,
                Inputs = BatchInvocation.InputsOf(loaded, null),
                WriteSnapshot = folder =>
                {
                    ScenarioFiles.Copy(loaded, folder);
                    foreach (var input in extra)
                    {
                        File.Copy(input.Path, Path.Combine(folder, input.Name), overwrite: true);
                    }
                },
                CommandLine = args.CommandLine,
            },
            Design = design,
            Step = step.Value,
            Year = year,
            OutputDirectory = args.Common.Out ?? BatchInvocation.DefaultOutput(scenario.Name),
            ExtraInputs = extra,
            Shard = shard,
        };
        if (args.Slurm)
        {
            return AnalysisInvocation.Guard(stderr, () => SubmitToSlurm(args, settings, samples, reps, masterSeed, stdout, stderr));
        }
        return AnalysisInvocation.Guard(stderr, () =>
        {
            var outcome = ProgressDisplay.Run(terminal, stderr, args.Common.Quiet, progress => RobustnessStudy.Run(settings with { Progress = progress }));
            if (!args.Common.Quiet)
            {
                stderr.WriteLine(outcome.Shard is { } part
                    ? $"movementsim: shard {shard} of the sampled worlds: {part.RunsTotal} runs, each with its counterfactual, in {part.OutputDirectory}; " +
                      $"when every shard is done, put them in OUT/{RobustnessStudy.ShardsFolder}/0..{shard.Count - 1} and run the command without --shard"
                    : outcome.Result is { } r ? "movementsim: " + Describe(r) : $"movementsim: {outcome.OutputDirectory} already holds this finished analysis; nothing to do");
            }
            stdout.WriteLine(outcome.OutputDirectory);
            if (outcome.Shard is null)
            {
                afterAnalysis?.Invoke(outcome.OutputDirectory);
            }
            return outcome.Shard is { AllSucceeded: false } ? Cli.SomeRunsFailed : Cli.Ok;
        });
    }

    /// <summary>Why the question does not apply to a scenario with these parameters (in a few words, and in full), or
    /// null when it does.</summary>
    public static (string Short, string Reason)? NotApplicable(ModelParameters p) =>
        p.InstitutionalAdoption == 0 ? ("no institutional adoption", "institutional_adoption is 0: the scenario is the movement alone, its own counterfactual, so there is no answer to test")
        : p.MovementCapacityMax == 0 ? ("no movement", "movement_capacity_max is 0: the scenario has no movement to compare institutional take-up with, so the question does not apply")
        : null;

    /// <summary>The share of worlds won and the flip region, for the terminal.</summary>
    public static string Describe(RobustnessResult r) => string.Create(CultureInfo.InvariantCulture,
        $"institutional take-up won on net benefit in {r.Won.Count} of {r.Won.Total} sampled worlds ({r.Won.Share:0.###}, 95% CI {r.Won.Low:0.###} to {r.Won.High:0.###}). {r.RegionSentence}");

    private static int SubmitToSlurm(Arguments args, RobustnessSettings settings, int samples, int reps, int masterSeed, TextWriter stdout, TextWriter stderr)
    {
        var shards = args.Shards ?? 1;
        var common = new List<string> { Path.GetFullPath(args.Scenario), "--samples", Number(samples), "--reps", Number(reps), "--seed", Number(masterSeed) };
        foreach (var s in args.Common.Sets)
        {
            common.AddRange(["--set", s]);
        }
        if (args.Ranges is not null)
        {
            common.AddRange(["--ranges", Path.GetFullPath(args.Ranges)]);
        }
        if (args.AtYear is { } y)
        {
            common.AddRange(["--at-year", y.ToString("R", CultureInfo.InvariantCulture)]);
        }
        if (args.Force)
        {
            common.Add("--force");
        }
        var output = Path.GetFullPath(settings.OutputDirectory);
        var job = new SlurmJob(output, shards, BatchInvocation.ProgramCommand(), common, "movementsim-robustness-" + settings.Model.Scenario.Name, args.Common.Jobs ?? 1)
        {
            Subcommand = "robustness",
            FinalArguments = ["robustness", .. common, "--out", output, "--quiet"],
        };
        return BatchInvocation.Submit(job, RobustnessStudy.PlanOf(settings), args.DryRun, "analysis job", stdout, stderr);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
