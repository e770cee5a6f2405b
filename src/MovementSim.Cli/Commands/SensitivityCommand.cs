using System.CommandLine;
using System.Globalization;
using MovementSim.Analysis.Model;
using MovementSim.Analysis.Sensitivity;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>sensitivity SCENARIO --method morris|sobol --params a,b,c [--ranges FILE] [--samples N] [--measure M]
/// [--at-year Y] [--reps N] [--jobs N] [--seed N] [--set name=value ...] [--out DIR]</c>: Morris elementary
/// effects or Sobol' indices of one measure at one year, every design point run through the batch engine.
/// </summary>
public static class SensitivityCommand
{
    public const int DefaultMorrisTrajectories = 10;
    public const int DefaultSobolSamples = 64;
    public const int DefaultBootstrap = 1000;

    /// <param name="afterAnalysis">Called with the result folder once it is complete (charts and report).</param>
    /// <param name="terminal">Where the progress bar goes (see <see cref="ProgressDisplay"/>); null for plain lines.</param>
    public static Command Create(Action<string>? afterAnalysis = null, IAnsiConsole? terminal = null)
    {
        var scenario = BatchOptions.Scenario();
        var method = new Option<string>("--method")
        {
            Description = "morris: elementary effects (mu_star, mu, sigma) over a trajectory design; sobol: first-order (S1) and total (ST) indices from a Saltelli design.",
            Required = true,
            HelpName = "morris|sobol",
        };
        method.AcceptOnlyFromAmong("morris", "sobol");
        var parameters = new Option<string>("--params")
        {
            Description = "The parameters to vary, separated by commas (numeric parameters; not start_year, steps or dt_years).",
            Required = true,
            HelpName = "a,b,c",
        };
        var ranges = AnalysisOptions.Ranges();
        var samples = new Option<int?>("--samples")
        {
            Description = $"morris: trajectories r, r(k + 1) design points (default {DefaultMorrisTrajectories}); sobol: base samples N, N(k + 2) design points (default {DefaultSobolSamples}; a power of two is best).",
            HelpName = "N",
        };
        var measure = new Option<string>("--measure")
        {
            Description = $"The measure analysed, by its name in timeseries.csv: {MeasureSet.NetBenefit}, {MeasureSet.Reach}, {MeasureSet.Fidelity}, ... (default {MeasureSet.NetBenefit}).",
            DefaultValueFactory = _ => MeasureSet.NetBenefit,
            HelpName = "NAME",
        };
        var atYear = new Option<double?>("--at-year")
        {
            Description = "The year the measure is read at: the step nearest to it, which must lie within the simulated years (default: the last step).",
            HelpName = "Y",
        };
        var common = CommonOptions.ForAnalysis();
        var levels = new Option<int?>("--levels") { Description = $"morris: grid levels p, even (default {MorrisDesign.DefaultLevels}).", HelpName = "P" };
        var bootstrap = new Option<int?>("--bootstrap") { Description = $"Bootstrap resamples for the 95% intervals (default {DefaultBootstrap}).", HelpName = "N" };
        var independent = new Option<bool>("--independent-seeds")
        {
            Description = "Give each design point its own seeds (Seeds.RunSeed of master seed, design point, replicate). " +
                "By default replicate r of every design point has the same seed (common random numbers), so that a parameter without effect gets an index of exactly 0 instead of one made of noise.",
        };
        var force = new Option<bool>("--force") { Description = $"Allow more than {DesignRequest.DefaultMaxRuns} runs." };
        var command = new Command("sensitivity",
            "Which parameters a measure depends on: Morris screening or Sobol' indices with bootstrap 95% intervals. Writes indices.csv (parameter, index, value, ci_low, ci_high), " +
            "points.csv (each design point and its output), runs/ (the batch of design points) and a baseline batch of the scenario as given with manifest.json. " + AnalysisOptions.ExitCodes)
        {
            scenario, method, parameters, ranges, samples, measure, atYear, common.Reps, common.Jobs, common.Seed, common.Set, common.Out, levels, bootstrap,
            independent, force, common.Quiet,
        };
        command.SetAction(parse => Execute(
            new Arguments
            {
                Scenario = parse.GetRequiredValue(scenario),
                Method = parse.GetRequiredValue(method) == "morris" ? SensitivityMethod.Morris : SensitivityMethod.Sobol,
                Parameters = parse.GetRequiredValue(parameters),
                Ranges = parse.GetValue(ranges),
                Samples = parse.GetValue(samples),
                Measure = parse.GetValue(measure) ?? MeasureSet.NetBenefit,
                AtYear = parse.GetValue(atYear),
                Common = common.Read(parse),
                Levels = parse.GetValue(levels),
                Bootstrap = parse.GetValue(bootstrap),
                IndependentSeeds = parse.GetValue(independent),
                Force = parse.GetValue(force),
                CommandLine = BatchInvocation.CommandLineOf(parse),
            },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, afterAnalysis, terminal));
        return command;
    }

    private sealed record Arguments
    {
        public required string Scenario { get; init; }
        public required SensitivityMethod Method { get; init; }
        public required string Parameters { get; init; }
        public string? Ranges { get; init; }
        public int? Samples { get; init; }
        public required string Measure { get; init; }
        public double? AtYear { get; init; }
        public required CommonArguments Common { get; init; }
        public int? Levels { get; init; }
        public int? Bootstrap { get; init; }
        public bool IndependentSeeds { get; init; }
        public bool Force { get; init; }
        public string CommandLine { get; init; } = "";
    }

    private static int Execute(Arguments args, TextWriter stdout, TextWriter stderr, Action<string>? afterAnalysis, IAnsiConsole? terminal)
    {
        // 1. The command line on its own.
        var usage = new List<string>();
        var overrides = BatchInvocation.ParseSets(args.Common.Sets, usage);
        AnalysisInvocation.CheckCommon(args.Common.Jobs, args.Common.Reps, usage);
        if (args.Samples is < 2)
        {
            usage.Add($"--samples must be at least 2 (got {args.Samples})");
        }
        if (args.Levels is not null && args.Method != SensitivityMethod.Morris)
        {
            usage.Add("--levels applies to --method morris only");
        }
        if (args.Levels is { } levels && (levels < 2 || levels % 2 != 0))
        {
            usage.Add($"--levels must be even and at least 2 (got {levels})");
        }
        if (args.Bootstrap is < 2)
        {
            usage.Add($"--bootstrap must be at least 2 (got {args.Bootstrap})");
        }
        if (AnalysisInvocation.Usage(usage, stderr) is { } usageCode)
        {
            return usageCode;
        }

        // 2. Every input, all errors collected before anything runs.
        var inputs = AnalysisInvocation.Load(args.Scenario, overrides, args.Ranges, "--params", args.Parameters);
        var errors = inputs.Errors;
        var reps = args.Common.Reps ?? DesignRequest.DefaultReplicates;
        var samples = args.Samples ?? (args.Method == SensitivityMethod.Morris ? DefaultMorrisTrajectories : DefaultSobolSamples);
        MeasureAt? target = null;
        var year = double.NaN;
        if (inputs.Scenario is { } s)
        {
            var measures = new MeasureSet(s);
            if (!measures.Contains(args.Measure))
            {
                var near = NameSuggester.Nearest(args.Measure, measures.Names);
                errors.Add(new ScenarioError("--measure", 0, 0, $"unknown measure '{Echo.Value(args.Measure)}'" + (near is null ? "" : $" (did you mean '{near}'?)") +
                    $": the measures are the columns of timeseries.csv after year, e.g. {MeasureSet.NetBenefit}, {MeasureSet.Reach}, {MeasureSet.Fidelity}").ToString());
            }
            var p = s.Parameters;
            year = args.AtYear ?? p.EndYear;
            var step = TimeAxis.StepOf(p, year);
            if (step is null)
            {
                errors.Add(new ScenarioError("--at-year", 0, 0, string.Create(CultureInfo.InvariantCulture,
                    $"year {year:R} is outside the simulated years {TimeAxis.Describe(p)}")).ToString());
            }
            else
            {
                target = new MeasureAt(args.Measure, step.Value);
            }
            var runs = SensitivityStudy.RunCount(args.Method, inputs.Parameters.Count, samples, reps);
            if (inputs.Parameters.Count > 0 && runs > int.MaxValue)
            {
                // Even --force cannot make a design of more runs than run ids can number.
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"movementsim: the analysis needs {runs:N0} runs, more than one design can hold ({int.MaxValue:N0}), even with --force: lower --samples or --reps"));
            }
            else if (inputs.Parameters.Count > 0 && DesignMemory.Problem(SensitivityStudy.PointCount(args.Method, inputs.Parameters.Count, samples), inputs.Parameters.Count) is { } memory)
            {
                errors.Add($"movementsim: {memory} (lower --samples)");
            }
            else if (inputs.Parameters.Count > 0 && runs > DesignRequest.DefaultMaxRuns && !args.Force)
            {
                errors.Add($"movementsim: the analysis needs {runs} runs ({SensitivityStudy.PointCount(args.Method, inputs.Parameters.Count, samples)} design points " +
                    $"and a baseline × {reps} replicates), more than {DesignRequest.DefaultMaxRuns}: lower --samples or --reps, or pass --force");
            }
        }
        if (errors.Count > 0 || inputs.Scenario is null || target is null)
        {
            return AnalysisInvocation.InvalidInput(errors, stderr);
        }

        // 3. The immutable configuration, then the run.
        var scenario = inputs.Scenario;
        var loaded = inputs.Loaded;
        var settings = new SensitivitySettings
        {
            Model = new BatchModelSettings
            {
                Scenario = scenario,
                Parameters = inputs.Parameters,
                Replicates = reps,
                MasterSeed = args.Common.Seed ?? Seeds.DefaultMasterSeed,
                CommonRandomNumbers = !args.IndependentSeeds,
                Jobs = args.Common.Jobs ?? Environment.ProcessorCount,
                Inputs = BatchInvocation.InputsOf(loaded, null),
                WriteSnapshot = folder => ScenarioFiles.Copy(loaded, folder),
                CommandLine = args.CommandLine,
            },
            Method = args.Method,
            Samples = samples,
            Levels = args.Levels ?? MorrisDesign.DefaultLevels,
            BootstrapResamples = args.Bootstrap ?? DefaultBootstrap,
            Target = target.Value,
            Year = year,
            OutputDirectory = args.Common.Out ?? BatchInvocation.DefaultOutput(scenario.Name),
            ExtraInputs = AnalysisInvocation.ExtraInputs((args.Ranges, ScenarioFormat.RangesFile)),
        };
        return AnalysisInvocation.Guard(stderr, () =>
        {
            var outcome = ProgressDisplay.Run(terminal, stderr, args.Common.Quiet, progress => SensitivityStudy.Run(settings with { Progress = progress }));
            if (!args.Common.Quiet)
            {
                var output = string.Create(CultureInfo.InvariantCulture, $"{target.Value.Measure} in {year:R}");
                stderr.WriteLine(outcome.Rows is null
                    ? $"movementsim: {outcome.OutputDirectory} already holds this finished analysis; nothing to do"
                    : "movementsim: " + SensitivityStudy.Describe(outcome.Rows, output));
            }
            stdout.WriteLine(outcome.OutputDirectory);
            afterAnalysis?.Invoke(outcome.OutputDirectory);
            return Cli.Ok;
        });
    }
}
