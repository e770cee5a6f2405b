using System.Text.Json.Nodes;
using MovementSim.Analysis.Calibration;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

public enum CalibrationMethod
{
    /// <summary>Multi-start Nelder-Mead on the weighted distance, with bootstrap or profile intervals (<see cref="Calibrator"/>).</summary>
    NelderMead,

    /// <summary>Rejection ABC: a sample of plausible values and its summary (<see cref="AbcRejection"/>).</summary>
    Abc,
}

/// <summary>A calibration of the model, as the calibrate command asks for it, validated.</summary>
public sealed record CalibrationSettings
{
    /// <summary>The model; common random numbers are required (seeds depend on the replicate only).</summary>
    public required BatchModelSettings Model { get; init; }

    public required IReadOnlyList<CalibrationTarget> Observed { get; init; }

    public required CalibrationMethod Method { get; init; }

    /// <summary>Nelder-Mead settings; its seed also draws the ABC sample.</summary>
    public required CalibrationOptions Options { get; init; }

    /// <summary>
    /// How many independent realisations of the world each observed value averages (1: the data are one history,
    /// as real data are; more for data made by averaging model runs). Bootstrap data sets are simulated alike.
    /// </summary>
    public int ObservedRuns { get; init; } = 1;

    /// <summary>ABC settings (method <see cref="CalibrationMethod.Abc"/> only).</summary>
    public AbcOptions? Abc { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Files hashed into the plan and manifest besides the scenario's (observations, ranges).</summary>
    public IReadOnlyList<InputSource> ExtraInputs { get; init; } = [];

    public Action<CalibrationProgress>? Progress { get; init; }

    /// <summary>Writes the scenario snapshot of the closing batch (the per-call batches need none: they are deleted once read).</summary>
    public Action<string>? ClosingSnapshot { get; init; }
}

/// <summary>
/// How a calibration ended; <see cref="Rows"/> is null when the folder already held it finished.
/// <see cref="Bootstrap"/> is set when the intervals came from a bootstrap.
/// </summary>
public sealed record CalibrationOutcome(string OutputDirectory, IReadOnlyList<FitRow>? Rows, double Distance, int PointsSimulated, bool WasAlreadyComplete,
    BootstrapSummary? Bootstrap = null);

/// <summary>
/// Runs a calibration through the batch engine. The result folder holds <c>fit.csv</c> (parameter, value, low,
/// high, identified), <c>observed.csv</c> (the observations used: year, measure, value, weight),
/// <c>calibration.json</c> (method, distance, threshold, fitted values, per-start outcomes or the ABC cut-off),
/// <c>profiles.csv</c> (Nelder-Mead: the distance along each parameter), <c>bootstrap.csv</c> and
/// <c>bootstrap-data.csv</c> (Nelder-Mead with bootstrap intervals: each refit's values and distance, and the
/// synthetic data it fitted), or <c>abc-samples.csv</c> (ABC: every sampled point, its distance and whether it
/// was accepted), <c>evaluations.csv</c> (every point simulated; each refit's in <c>bootstrap/refit-b/</c>),
/// <c>fitted-scenario/</c> (the scenario with the fitted values written in, ready to run) and, last, a batch of
/// the fitted point (the simulated band) with manifest.json.
/// </summary>
public static class CalibrationStudy
{
    public const string FitFile = ResultFiles.Fit;
    public const string ObservedResultFile = ResultFiles.Observed;
    public const string SummaryFile = ResultFiles.Calibration;
    public const string ProfilesFile = ResultFiles.Profiles;
    public const string AbcSamplesFile = ResultFiles.AbcSamples;
    public const string BootstrapFile = ResultFiles.Bootstrap;
    public const string BootstrapDataFile = ResultFiles.BootstrapData;
    public const string FittedScenarioFolder = "fitted-scenario";

    public static CalibrationOutcome Run(CalibrationSettings s)
    {
        var model = new BatchModel(s.Model);
        var inputs = s.Model.Inputs.Concat(s.ExtraInputs).ToArray();
        using var folder = OutputFolder.Open(s.OutputDirectory, AnalysisFolder.Plan("calibration", s.Model, inputs, Settings(s)));
        if (AnalysisFolder.IsComplete(folder))
        {
            return new CalibrationOutcome(folder.Root, null, double.NaN, 0, true);
        }

        var measures = new ModelMeasures(model, s.Observed, folder.Root, s.Progress);
        var ranges = model.Parameters.Select(p => p.Range).ToArray();
        var observations = measures.Observations;
        IReadOnlyList<FitRow> rows;
        BootstrapSummary? bootstrapSummary = null;
        double[] fitted;
        double distance;
        var summary = new JsonObject { ["method"] = MethodName(s.Method) };
        ModelBootstrap? bootstrap = null;
        if (s.Method == CalibrationMethod.NelderMead)
        {
            bootstrap = s.Options.Interval == IntervalMethod.Bootstrap ? new ModelBootstrap(model, s.Observed, s.ObservedRuns, folder.Root, s.Progress) : null;
            var fit = Calibrator.Fit(ranges, observations, measures, s.Options, bootstrap);
            rows = fit.Rows;
            fitted = fit.Best;
            distance = fit.Distance;
            summary["distance"] = fit.Distance;
            summary["interval"] = IntervalName(s.Options.Interval);
            summary["threshold"] = fit.Threshold;
            summary["threshold_scale"] = s.Options.ThresholdScale == ThresholdScale.Absolute ? "absolute" : "residual_variance";
            summary["profile"] = s.Options.Profile == ProfileMethod.Slice ? "slice" : "reoptimised";
            summary["profile_intervals"] = Intervals(model, fit.ProfileIntervals);
            bootstrapSummary = fit.Bootstrap;
            if (fit.Bootstrap is { } b)
            {
                summary["bootstrap_refits"] = b.Refits.Count;
                summary["bootstrap_confidence"] = CalibrationOptions.BootstrapConfidence;
                summary["bootstrap_percentile_intervals"] = Intervals(model, b.Percentile);
                summary["bootstrap_distance_p_value"] = b.DistancePValue;
                summary["bootstrap_points_simulated"] = b.Refits.Sum(r => r.SimulatedPoints);
                summary["observed_runs"] = s.ObservedRuns;
                WriteBootstrap(folder, model, observations, b);
            }
            summary["starts"] = new JsonArray(fit.Starts.Select(o => (JsonNode)new JsonObject
            {
                ["start"] = Values(model, o.Start),
                ["end"] = Values(model, o.End),
                ["distance"] = o.Distance,
                ["converged"] = o.Converged,
            }).ToArray());
            AnalysisFolder.WriteCsv(folder.PathOf(ProfilesFile), ["parameter", "value", "distance"],
                fit.Profiles.SelectMany(p => p.Values.Select((v, g) => (p.Parameter, Value: v, Distance: p.Distances[g]))),
                (w, r) =>
                {
                    w.WriteField(r.Parameter);
                    w.WriteField(r.Value);
                    w.WriteField(r.Distance);
                });
        }
        else
        {
            var abc = AbcRejection.Run(ranges, observations, measures, s.Abc ?? throw new ArgumentException("ABC needs its options", nameof(s)));
            rows = abc.ToFitRows(s.Options.UnidentifiedFraction);
            fitted = abc.Posterior.Select(p => p.Mean).ToArray();
            distance = CalibrationObjective.Distance(observations, measures.Simulate([fitted], observations)[0]);
            summary["distance"] = distance;
            summary["distance_at"] = "the posterior mean";
            summary["epsilon"] = abc.Epsilon;
            summary["samples"] = abc.Samples.Count;
            summary["accepted"] = abc.Accepted.Count;
            var accepted = abc.Accepted.ToHashSet();
            AnalysisFolder.WriteCsv(folder.PathOf(AbcSamplesFile),
                new[] { "sample" }.Concat(model.Parameters.Select(p => p.Name)).Concat(["distance", "accepted"]),
                abc.Samples.Select((sample, i) => (Sample: sample, Index: i)),
                (w, r) =>
                {
                    w.WriteField(r.Index);
                    foreach (var v in r.Sample.Point)
                    {
                        w.WriteField(v);
                    }
                    w.WriteField(r.Sample.Distance);
                    w.WriteField(AnalysisFolder.Flag(accepted.Contains(r.Sample)));
                });
        }
        var asRun = model.ToModel(fitted);
        summary["fitted"] = Values(model, asRun);
        summary["observations"] = observations.Count;
        summary["positive_weights"] = ObservationChecks.PositiveWeights(observations);
        summary["points_simulated"] = measures.PointsSimulated;
        summary["unidentified_fraction"] = s.Options.UnidentifiedFraction;

        AnalysisFolder.WriteCsv(folder.PathOf(FitFile), ["parameter", "value", "low", "high", "identified"],
            rows.Select((r, i) => (Row: r, Value: asRun[i])),
            (w, r) =>
            {
                w.WriteField(r.Row.Parameter);
                w.WriteField(r.Value);
                w.WriteField(r.Row.Low);
                w.WriteField(r.Row.High);
                w.WriteField(AnalysisFolder.Flag(r.Row.Identified));
            });
        AnalysisFolder.WriteCsv(folder.PathOf(ObservedResultFile), ObservedFile.Format.Columns.Select(c => c.Name).ToArray(),
            observations,
            (w, o) =>
            {
                w.WriteField(o.Year);
                w.WriteField(o.Measure);
                w.WriteField(o.Value);
                w.WriteField(o.Weight);
                w.WriteField(o.Source);
                w.WriteField(o.Note);
            });
        AtomicFile.WriteAllText(folder.PathOf(SummaryFile), summary.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        WriteFittedScenario(folder.PathOf(FittedScenarioFolder), model.ScenarioAt(fitted));
        measures.DeleteRuns();
        bootstrap?.DeleteRuns();

        var manifest = new JsonObject
        {
            ["analysis"] = "calibration",
            ["calibration_method"] = MethodName(s.Method),
            ["fitted"] = Values(model, asRun),
            ["distance"] = distance,
            ["ranges"] = AnalysisFolder.Ranges(s.Model.Parameters),
            ["observations"] = observations.Count,
            ["points_simulated"] = measures.PointsSimulated,
            ["fitted_scenario"] = FittedScenarioFolder,
        };
        AnalysisFolder.RunClosingBatch(folder, model, fitted, inputs, manifest, s.ClosingSnapshot);
        return new CalibrationOutcome(folder.Root, rows, distance, measures.PointsSimulated, false, bootstrapSummary);
    }

    /// <summary>
    /// bootstrap.csv: refit, each parameter's refitted value, distance, converged, points_simulated; and
    /// bootstrap-data.csv, tidy: refit, year, measure, value (the synthetic data set each refit fitted).
    /// </summary>
    private static void WriteBootstrap(OutputFolder folder, BatchModel model, IReadOnlyList<Observation> observations, BootstrapSummary bootstrap)
    {
        AnalysisFolder.WriteCsv(folder.PathOf(BootstrapFile),
            new[] { "refit" }.Concat(model.Parameters.Select(p => p.Name)).Concat(["distance", "converged", "points_simulated"]),
            bootstrap.Refits.Select((r, b) => (Refit: r, Index: b)),
            (w, r) =>
            {
                w.WriteField(r.Index);
                foreach (var v in r.Refit.Values)
                {
                    w.WriteField(v);
                }
                w.WriteField(r.Refit.Distance);
                w.WriteField(AnalysisFolder.Flag(r.Refit.Converged));
                w.WriteField(r.Refit.SimulatedPoints);
            });
        AnalysisFolder.WriteCsv(folder.PathOf(BootstrapDataFile), ["refit", "year", "measure", "value"],
            bootstrap.Refits.SelectMany((r, b) => observations.Select((o, j) => (Index: b, o.Year, o.Measure, Value: r.Data[j]))),
            (w, r) =>
            {
                w.WriteField(r.Index);
                w.WriteField(r.Year);
                w.WriteField(r.Measure);
                w.WriteField(r.Value);
            });
    }

    private static JsonObject Intervals(BatchModel model, IReadOnlyList<(double Low, double High)> intervals)
    {
        var o = new JsonObject();
        for (var i = 0; i < intervals.Count; i++)
        {
            o[model.Parameters[i].Name] = new JsonArray(intervals[i].Low, intervals[i].High);
        }
        return o;
    }

    /// <summary>
    /// Writes the fitted scenario as a full, standalone copy (every file, every parameter), so it runs without
    /// the original folder and a later change to the original cannot alter it.
    /// </summary>
    private static void WriteFittedScenario(string path, ScenarioDefinition scenario)
    {
        var temp = path + ".tmp";
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        ScenarioWriter.WriteFolder(scenario, temp);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.Move(temp, path);
    }

    private static JsonObject Values(BatchModel model, IReadOnlyList<double> point)
    {
        var o = new JsonObject();
        for (var i = 0; i < point.Count; i++)
        {
            o[model.Parameters[i].Name] = point[i];
        }
        return o;
    }

    private static JsonObject Settings(CalibrationSettings s)
    {
        var o = s.Options;
        return new JsonObject
        {
            ["method"] = MethodName(s.Method),
            ["seed"] = o.Seed,
            ["starts"] = o.Starts,
            ["max_evaluations_per_run"] = o.MaxEvaluationsPerRun,
            ["convergence_tolerance"] = o.ConvergenceTolerance,
            ["profile_points"] = o.ProfilePoints,
            ["profile"] = o.Profile.ToString(),
            ["threshold_scale"] = o.ThresholdScale.ToString(),
            ["threshold"] = o.Threshold,
            ["unidentified_fraction"] = o.UnidentifiedFraction,
            ["interval"] = IntervalName(o.Interval),
            ["bootstrap_refits"] = o.BootstrapRefits,
            ["observed_runs"] = s.ObservedRuns,
            ["abc_samples"] = s.Abc?.Samples,
            ["abc_fraction"] = s.Abc?.Acceptance.Fraction,
            ["abc_epsilon"] = s.Abc?.Acceptance.Epsilon,
            ["observations"] = new JsonArray(s.Observed.Select(r => (JsonNode)new JsonArray(
                r.Observation.Year, r.Observation.Measure, r.Observation.Value, r.Observation.Weight, r.Step)).ToArray()),
        };
    }

    public static string MethodName(CalibrationMethod method) => method == CalibrationMethod.NelderMead ? "nelder-mead" : "abc";

    public static string IntervalName(IntervalMethod interval) => interval == IntervalMethod.Bootstrap ? "bootstrap" : "profile";
}
