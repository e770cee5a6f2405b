using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MovementSim.Analysis.Calibration;
using MovementSim.Analysis.Model;
using MovementSim.Batch;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>calibrate SCENARIO [--observed FILE] --fit a,b[,c] [--ranges FILE] [--reps N] [--method nelder-mead|abc]
/// [--interval bootstrap|profile] [--bootstrap N] [--jobs N] [--seed N] [--set name=value ...] [--out DIR]</c>:
/// fits parameters to observed values of any measures, every candidate point run through the batch engine with
/// the same seeds, with intervals from a parametric bootstrap.
/// </summary>
public static class CalibrateCommand
{
    public const int DefaultAbcSamples = 200;
    public const double DefaultAbcFraction = 0.1;

    /// <param name="afterAnalysis">Called with the result folder once it is complete (charts and report).</param>
    public static Command Create(Action<string>? afterAnalysis = null)
    {
        var scenario = BatchOptions.Scenario();
        var observed = new Option<string?>("--observed")
        {
            Description = "CSV with columns year,measure,value and optionally weight (default 1), source and note (other columns are ignored): observed values "
                + "of any measure the scenario's runs produce, in years within the simulated ones. Default: the scenario's own observed.csv "
                + "(from its folder or the nearest of its bases that has one).",
            HelpName = "FILE",
        };
        var fit = new Option<string>("--fit")
        {
            Description = "The parameters to fit, separated by commas (numeric parameters; not start_year, steps or dt_years).",
            Required = true,
            HelpName = "a,b[,c]",
        };
        var ranges = AnalysisOptions.Ranges();
        var method = new Option<string>("--method")
        {
            Description = "nelder-mead: minimise the weighted squared distance from several starts, with bootstrap (or profile) intervals (default); " +
                "abc: approximate Bayesian computation by rejection, a sample of plausible values.",
            DefaultValueFactory = _ => "nelder-mead",
            HelpName = "nelder-mead|abc",
        };
        method.AcceptOnlyFromAmong("nelder-mead", "abc");
        var common = CommonOptions.ForAnalysis();
        var defaults = new CalibrationOptions(Seeds.DefaultMasterSeed);
        var starts = new Option<int?>("--starts") { Description = $"nelder-mead: start points, a Latin hypercube (default {defaults.Starts}).", HelpName = "N" };
        var maxEvaluations = new Option<int?>("--max-evaluations")
        {
            Description = $"nelder-mead: most distance evaluations of one Nelder-Mead run (default {defaults.MaxEvaluationsPerRun}).",
            HelpName = "N",
        };
        var tolerance = new Option<double?>("--tolerance")
        {
            Description = $"nelder-mead: a run stops when the distances over its simplex agree to this relative spread (default {defaults.ConvergenceTolerance.ToString("R", CultureInfo.InvariantCulture)}; " +
                "with common random numbers the distance is a step function of the parameters, so a simplex often stops earlier, on one step).",
            HelpName = "X",
        };
        var profilePoints = new Option<int?>("--profile-points")
        {
            Description = $"nelder-mead: grid points of each parameter's profile (default {defaults.ProfilePoints}); interval ends are then refined by bisection.",
            HelpName = "N",
        };
        var profile = new Option<string?>("--profile")
        {
            Description = "nelder-mead: how intervals are traced. slice: one parameter varied, the others at the fit (default; cheap, blind to trade-offs between parameters); " +
                "reoptimised: the others re-fitted at each value (sees trade-offs, costs a fit per grid point).",
            HelpName = "slice|reoptimised",
        };
        profile.AcceptOnlyFromAmong("slice", "reoptimised");
        var thresholdScale = new Option<string?>("--threshold-scale")
        {
            Description = "nelder-mead: residual-variance (default): the interval's distance threshold is scaled by the residual variance, right for unit weights; " +
                "absolute: weights are 1/sigma^2 of each observation and the threshold is the chi-square 95% quantile.",
            HelpName = "residual-variance|absolute",
        };
        thresholdScale.AcceptOnlyFromAmong("residual-variance", "absolute");
        var distance = new Option<string?>("--distance")
        {
            Description = "absolute (default): the distance sums w (observed - simulated)^2; relative: it sums w ((observed - simulated) / observed)^2, " +
                "for observations of very different sizes fitted together (counts of people and shares); observed values must then not be 0.",
            HelpName = "absolute|relative",
        };
        distance.AcceptOnlyFromAmong("absolute", "relative");
        var interval = new Option<string?>("--interval")
        {
            Description = "nelder-mead: where fit.csv's low and high come from. bootstrap (default): a parametric bootstrap, 95% percentile intervals of refits of data sets " +
                "simulated at the fit, each with seeds of its own, so they include the randomness of the observed history and the Monte Carlo error of the replicate mean; " +
                "profile: the profile interval alone, which treats the observations as independent and the simulated mean as exact: too narrow for cumulative measures " +
                "such as reach, a check of identifiability only.",
            HelpName = "bootstrap|profile",
        };
        interval.AcceptOnlyFromAmong("bootstrap", "profile");
        var bootstrap = new Option<int?>("--bootstrap")
        {
            Description = $"nelder-mead with bootstrap intervals: synthetic data sets refitted (default {CalibrationOptions.DefaultBootstrapRefits}, the fewest whose smallest and largest refit " +
                "bound a 95% interval; 79 or 199 give steadier ends). Each refit costs a quarter to a third of one start's simulations.",
            HelpName = "N",
        };
        var observedRuns = new Option<int?>("--observed-runs")
        {
            Description = "nelder-mead with bootstrap intervals: how many independent realisations each observed value averages (default 1: observed data are one history " +
                "of the world; give N when the data are the mean of N model runs). Each synthetic data set is the mean of this many runs.",
            HelpName = "N",
        };
        var samples = new Option<int?>("--samples") { Description = $"abc: points sampled from the ranges (default {DefaultAbcSamples}).", HelpName = "N" };
        var accept = new Option<double?>("--accept") { Description = $"abc: share of the sample kept, closest first (default {DefaultAbcFraction}).", HelpName = "FRACTION" };
        var command = new Command("calibrate",
            "Fit parameters to observed data: the distance is the weighted sum of squared differences between observed values and the replicate mean of the simulated measure, " +
            "with the same seeds at every candidate point (common random numbers). Writes fit.csv (parameter, value, low, high, identified: low and high bound a 95% parametric " +
            "bootstrap interval), observed.csv, calibration.json (the distance), bootstrap.csv, fitted-scenario/ (ready to run), evaluations.csv and a batch of the fitted point " +
            "with manifest.json. " + AnalysisOptions.ExitCodes)
        {
            scenario, observed, fit, ranges, method, common.Reps, common.Jobs, common.Seed, common.Set, common.Out, starts, maxEvaluations, tolerance, profilePoints, profile, thresholdScale,
            distance, interval, bootstrap, observedRuns, samples, accept, common.Quiet,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var abc = parse.GetValue(method) == "abc";
            var usage = new List<string>();
            foreach (var (option, given) in new (Option Option, bool Given)[]
            {
                (starts, parse.GetResult(starts) is not null), (maxEvaluations, parse.GetResult(maxEvaluations) is not null),
                (tolerance, parse.GetResult(tolerance) is not null), (profilePoints, parse.GetResult(profilePoints) is not null),
                (profile, parse.GetResult(profile) is not null), (thresholdScale, parse.GetResult(thresholdScale) is not null),
                (interval, parse.GetResult(interval) is not null), (bootstrap, parse.GetResult(bootstrap) is not null),
                (observedRuns, parse.GetResult(observedRuns) is not null),
            })
            {
                if (given && abc)
                {
                    usage.Add($"{option.Name} applies to --method nelder-mead only");
                }
            }
            var profileIntervals = parse.GetValue(interval) == "profile";
            foreach (var (option, given) in new (Option Option, bool Given)[]
            {
                (bootstrap, parse.GetResult(bootstrap) is not null), (observedRuns, parse.GetResult(observedRuns) is not null),
            })
            {
                if (given && profileIntervals)
                {
                    usage.Add($"{option.Name} applies to --interval bootstrap only");
                }
            }
            foreach (var (option, given) in new (Option Option, bool Given)[]
            {
                (samples, parse.GetResult(samples) is not null), (accept, parse.GetResult(accept) is not null),
            })
            {
                if (given && !abc)
                {
                    usage.Add($"{option.Name} applies to --method abc only");
                }
            }
            return Execute(
                new Arguments
                {
                    Scenario = parse.GetRequiredValue(scenario),
                    Observed = parse.GetValue(observed),
                    Fit = parse.GetRequiredValue(fit),
                    Ranges = parse.GetValue(ranges),
                    Method = abc ? CalibrationMethod.Abc : CalibrationMethod.NelderMead,
                    Common = common.Read(parse),
                    Starts = parse.GetValue(starts),
                    MaxEvaluations = parse.GetValue(maxEvaluations),
                    Tolerance = parse.GetValue(tolerance),
                    ProfilePoints = parse.GetValue(profilePoints),
                    Profile = parse.GetValue(profile) == "reoptimised" ? ProfileMethod.Reoptimised : ProfileMethod.Slice,
                    Absolute = parse.GetValue(thresholdScale) == "absolute",
                    Relative = parse.GetValue(distance) == "relative",
                    Interval = profileIntervals ? IntervalMethod.Profile : IntervalMethod.Bootstrap,
                    Bootstrap = parse.GetValue(bootstrap),
                    ObservedRuns = parse.GetValue(observedRuns),
                    Samples = parse.GetValue(samples),
                    Accept = parse.GetValue(accept),
                    CommandLine = BatchInvocation.CommandLineOf(parse),
                },
                usage, parse.InvocationConfiguration.Output, stderr, afterAnalysis);
        });
        return command;
    }

    private sealed record Arguments
    {
        public required string Scenario { get; init; }
        /// <summary>--observed; null means the scenario's own observed.csv.</summary>
        public string? Observed { get; init; }
        public required string Fit { get; init; }
        public string? Ranges { get; init; }
        public required CalibrationMethod Method { get; init; }
        public required CommonArguments Common { get; init; }
        public int? Starts { get; init; }
        public int? MaxEvaluations { get; init; }
        public double? Tolerance { get; init; }
        public int? ProfilePoints { get; init; }
        public ProfileMethod Profile { get; init; }
        public bool Absolute { get; init; }
        /// <summary>--distance relative: weights divided by the square of the observed value.</summary>
        public bool Relative { get; init; }
        public IntervalMethod Interval { get; init; }
        public int? Bootstrap { get; init; }
        public int? ObservedRuns { get; init; }
        public int? Samples { get; init; }
        public double? Accept { get; init; }
        public string CommandLine { get; init; } = "";
    }

    private static int Execute(Arguments args, List<string> usage, TextWriter stdout, TextWriter stderr, Action<string>? afterAnalysis)
    {
        // 1. The command line on its own.
        var overrides = BatchInvocation.ParseSets(args.Common.Sets, usage);
        AnalysisInvocation.CheckCommon(args.Common.Jobs, args.Common.Reps, usage);
        if (args.Starts is < 1)
        {
            usage.Add($"--starts must be at least 1 (got {args.Starts})");
        }
        if (args.MaxEvaluations is < 10)
        {
            usage.Add($"--max-evaluations must be at least 10 (got {args.MaxEvaluations})");
        }
        if (args.Tolerance is { } t && !(t > 0 && t < 1))
        {
            usage.Add($"--tolerance must lie strictly between 0 and 1 (got {t.ToString(CultureInfo.InvariantCulture)})");
        }
        if (args.ProfilePoints is < 3)
        {
            usage.Add($"--profile-points must be at least 3 (got {args.ProfilePoints})");
        }
        if (args.Bootstrap is < CalibrationOptions.MinBootstrapRefits)
        {
            usage.Add($"--bootstrap must be at least {CalibrationOptions.MinBootstrapRefits} (got {args.Bootstrap}); {CalibrationOptions.DefaultBootstrapRefits} or more for a 95% interval");
        }
        if (args.ObservedRuns is < 1)
        {
            usage.Add($"--observed-runs must be at least 1 (got {args.ObservedRuns})");
        }
        if (args.Samples is < 2)
        {
            usage.Add($"--samples must be at least 2 (got {args.Samples})");
        }
        if (args.Accept is { } a && !(a > 0 && a <= 1))
        {
            usage.Add($"--accept must be a fraction above 0 and at most 1 (got {a.ToString(CultureInfo.InvariantCulture)})");
        }
        if (AnalysisInvocation.Usage(usage, stderr) is { } usageCode)
        {
            return usageCode;
        }

        // 2. Every input, all errors collected before anything runs.
        var inputs = AnalysisInvocation.Load(args.Scenario, overrides, args.Ranges, "--fit", args.Fit);
        var errors = inputs.Errors;
        var (observed, observedPath) = Targets(args.Observed, inputs);
        if (args.Relative)
        {
            observed = observed.Relative();
        }
        errors.AddRange(observed.Errors.Select(e => e.ToString()));
        var seed = args.Common.Seed ?? Seeds.DefaultMasterSeed;
        var defaults = new CalibrationOptions(seed);
        var options = defaults with
        {
            Starts = args.Starts ?? defaults.Starts,
            MaxEvaluationsPerRun = args.MaxEvaluations ?? defaults.MaxEvaluationsPerRun,
            ConvergenceTolerance = args.Tolerance ?? defaults.ConvergenceTolerance,
            ProfilePoints = args.ProfilePoints ?? defaults.ProfilePoints,
            Profile = args.Profile,
            ThresholdScale = args.Absolute ? ThresholdScale.Absolute : ThresholdScale.ResidualVariance,
            Interval = args.Interval,
            BootstrapRefits = args.Bootstrap ?? defaults.BootstrapRefits,
        };
        if (errors.Count == 0 && args.Method == CalibrationMethod.NelderMead)
        {
            var weighted = observed.Rows.Count(r => r.Observation.Weight > 0);
            if (!args.Absolute && weighted <= inputs.Parameters.Count)
            {
                errors.Add(new ScenarioError(observedPath ?? "--observed", 0, 0,
                    $"{weighted} observations with a positive weight cannot estimate a residual variance for {inputs.Parameters.Count} parameters: " +
                    "add observations, fit fewer parameters, or give weights 1/sigma^2 and --threshold-scale absolute").ToString());
            }
        }
        // The start points (Nelder-Mead) or the sample (ABC) are a design held whole: one too big for memory is refused now.
        var points = args.Method == CalibrationMethod.NelderMead ? options.Starts : args.Samples ?? DefaultAbcSamples;
        if (DesignMemory.Problem(points, Math.Max(1, inputs.Parameters.Count)) is { } memory)
        {
            errors.Add($"movementsim: {memory} (lower {(args.Method == CalibrationMethod.NelderMead ? "--starts" : "--samples")})");
        }
        if (errors.Count > 0 || inputs.Scenario is null)
        {
            return AnalysisInvocation.InvalidInput(errors, stderr);
        }

        // 3. The immutable configuration, then the run.
        var scenario = inputs.Scenario;
        var loaded = inputs.Loaded;
        var settings = new CalibrationSettings
        {
            Model = new BatchModelSettings
            {
                Scenario = scenario,
                Parameters = inputs.Parameters,
                Replicates = args.Common.Reps ?? DesignRequest.DefaultReplicates,
                MasterSeed = seed,
                CommonRandomNumbers = true,
                Jobs = args.Common.Jobs ?? Environment.ProcessorCount,
                Inputs = BatchInvocation.InputsOf(loaded, null),
                // The per-call batches are deleted once read; the closing batch's snapshot is written below.
                WriteSnapshot = _ => { },
                CommandLine = args.CommandLine,
            },
            Observed = observed.Rows,
            ObservedRuns = args.ObservedRuns ?? 1,
            Method = args.Method,
            Options = options,
            Abc = args.Method == CalibrationMethod.Abc
                ? new AbcOptions(args.Samples ?? DefaultAbcSamples, AbcAcceptance.Closest(args.Accept ?? DefaultAbcFraction), seed)
                : null,
            OutputDirectory = args.Common.Out ?? BatchInvocation.DefaultOutput(scenario.Name),
            ExtraInputs = AnalysisInvocation.ExtraInputs((args.Observed, ResultFiles.ObservedInput), (args.Ranges, ScenarioFormat.RangesFile)),
            Progress = args.Common.Quiet ? null : Throttled(stderr),
            ClosingSnapshot = folder => ScenarioFiles.Copy(loaded, folder),
        };
        return AnalysisInvocation.Guard(stderr, () =>
        {
            var outcome = CalibrationStudy.Run(settings);
            if (!args.Common.Quiet)
            {
                stderr.WriteLine(outcome.Rows is null
                    ? $"movementsim: {outcome.OutputDirectory} already holds this finished calibration; nothing to do"
                    : Describe(outcome));
            }
            stdout.WriteLine(outcome.OutputDirectory);
            afterAnalysis?.Invoke(outcome.OutputDirectory);
            return Cli.Ok;
        });
    }

    /// <summary>
    /// The observations to fit: --observed FILE, else the scenario's own observed.csv (already read and checked for
    /// format by the loader), each checked against the scenario. The path is null when there are none at all.
    /// </summary>
    private static (CalibrationTargetsResult Targets, string? Path) Targets(string? option, AnalysisInputs inputs)
    {
        if (option is not null)
        {
            return (CalibrationTargets.Load(option, inputs.Scenario), option);
        }
        var file = inputs.Loaded.Files.FirstOrDefault(f => f.Name == ObservedFile.Name);
        if (file is null)
        {
            var message = inputs.Loaded.Chain.Count == 0
                ? "no observations: give --observed FILE"
                : $"no observations: give --observed FILE, or put an {ObservedFile.Name} in the scenario folder ({ObservedFile.Format.HeaderShape})";
            return (new CalibrationTargetsResult([], [ScenarioError.General(message)]), null);
        }
        return (CalibrationTargets.Check(inputs.Loaded.Observed, file.DisplayPath, inputs.Scenario), file.DisplayPath);
    }

    /// <summary>Below this bootstrap p-value of the distance, the fit is reported as worse than the model's randomness explains.</summary>
    private const double MisfitLevel = 0.05;

    private static string Describe(CalibrationOutcome outcome)
    {
        var lines = outcome.Rows!.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"  {r.Parameter} = {r.Value:G6} (interval {r.Low:G6} to {r.High:G6}){(r.Identified ? "" : ": NOT identified by the data")}"));
        var kind = outcome.Bootstrap is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"95% bootstrap intervals from {b.Refits.Count} refits")
            : "profile intervals, an identifiability check, not confidence intervals";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"movementsim: fitted with distance {outcome.Distance:G6} after {outcome.PointsSimulated} simulated points ({kind}):\n{string.Join("\n", lines)}");
        if (outcome.Bootstrap is { DistancePValue: < MisfitLevel } misfit)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"\nmovementsim: warning: the observed data are farther from the fit than {1 - misfit.DistancePValue:P0} of the data sets the fitted model simulates ") +
                "(bootstrap_distance_p_value in calibration.json): the model does not reproduce them within its own randomness, and the intervals, which assume it does, are too narrow";
        }
        return text;
    }

    /// <summary>A progress line at most every few seconds (a calibration is many small batches, one per optimiser step).</summary>
    private static Action<CalibrationProgress> Throttled(TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        return p =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(5))
            {
                return;
            }
            last = clock.Elapsed;
            stderr.WriteLine(p.Refits == 0
                ? string.Create(CultureInfo.InvariantCulture, $"movementsim: calibrating: {p.PointsSimulated} points simulated, smallest distance so far {p.BestDistance:G6}")
                : string.Create(CultureInfo.InvariantCulture, $"movementsim: bootstrap refit {p.Refit} of {p.Refits}: {p.PointsSimulated} points simulated"));
        };
    }
}
