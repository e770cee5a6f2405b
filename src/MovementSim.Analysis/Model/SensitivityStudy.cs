using System.Globalization;
using System.Text.Json.Nodes;
using MovementSim.Analysis.Sensitivity;
using MovementSim.Batch;

namespace MovementSim.Analysis.Model;

public enum SensitivityMethod
{
    /// <summary>Morris elementary effects: --samples trajectories of k + 1 points.</summary>
    Morris,

    /// <summary>Sobol' first-order and total indices from a Saltelli design: --samples base rows, N(k + 2) points.</summary>
    Sobol,
}

/// <summary>A sensitivity analysis of the model, as the sensitivity command asks for it, validated.</summary>
public sealed record SensitivitySettings
{
    public required BatchModelSettings Model { get; init; }
    public required SensitivityMethod Method { get; init; }

    /// <summary>Morris trajectories r, or Sobol' base samples N.</summary>
    public required int Samples { get; init; }

    public int Levels { get; init; } = MorrisDesign.DefaultLevels;
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>The output analysed: a measure at a step, as a replicate mean.</summary>
    public required MeasureAt Target { get; init; }

    /// <summary>The year asked for (for the manifest); the target's step is the nearest one.</summary>
    public required double Year { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Files hashed into the plan and manifest besides the scenario's (the ranges file).</summary>
    public IReadOnlyList<InputSource> ExtraInputs { get; init; } = [];

    /// <summary>Progress of the batch of design points.</summary>
    public IBatchProgress? Progress { get; init; }
}

/// <summary>How a sensitivity analysis ended; <see cref="Rows"/> is null when the folder already held it finished.</summary>
public sealed record SensitivityOutcome(string OutputDirectory, IReadOnlyList<IndexRow>? Rows, bool WasAlreadyComplete);

/// <summary>
/// Runs a sensitivity analysis through the batch engine. The result folder holds <c>runs/</c> (the batch of
/// every design point, each with the analysis' replicates), <c>points.csv</c> (each design point's values as
/// run and its output), <c>indices.csv</c> (tidy: parameter, index, value, ci_low, ci_high) and, last, a batch
/// of the scenario as given (the baseline the indices are about) with manifest.json.
/// </summary>
public static class SensitivityStudy
{
    public const string IndicesFile = ResultFiles.Indices;
    public const string PointsFile = ResultFiles.Points;
    public const string RunsFolder = "runs";

    public static long PointCount(SensitivityMethod method, int parameters, int samples) =>
        (long)samples * (parameters + (method == SensitivityMethod.Morris ? 1 : 2));

    /// <summary>Runs of the whole analysis: every design point's replicates and the closing baseline batch.</summary>
    public static long RunCount(SensitivityMethod method, int parameters, int samples, int replicates) =>
        (PointCount(method, parameters, samples) + 1) * replicates;

    public static SensitivityOutcome Run(SensitivitySettings s)
    {
        var model = new BatchModel(s.Model);
        var inputs = s.Model.Inputs.Concat(s.ExtraInputs).ToArray();
        using var folder = OutputFolder.Open(s.OutputDirectory, AnalysisFolder.Plan("sensitivity", s.Model, inputs, Settings(s)));
        if (AnalysisFolder.IsComplete(folder))
        {
            return new SensitivityOutcome(folder.Root, null, true);
        }

        var ranges = model.Parameters.Select(p => p.Range).ToArray();
        var evaluator = new ModelEvaluator(model, s.Target, folder.PathOf(RunsFolder), s.Progress);
        var result = s.Method == SensitivityMethod.Morris
            ? SensitivityAnalysis.Morris(ranges, evaluator, new MorrisOptions(s.Samples, s.Model.MasterSeed, s.Levels, s.BootstrapResamples))
            : SensitivityAnalysis.Sobol(ranges, evaluator, new SobolOptions(s.Samples, s.Model.MasterSeed, s.BootstrapResamples));

        AnalysisFolder.WriteCsv(folder.PathOf(IndicesFile), ["parameter", "index", "value", "ci_low", "ci_high"],
            result.Rows,
            (w, r) =>
            {
                w.WriteField(r.Parameter);
                w.WriteField(r.Index);
                w.WriteField(r.Value);
                w.WriteField(r.CiLow);
                w.WriteField(r.CiHigh);
            });
        AnalysisFolder.WriteCsv(folder.PathOf(PointsFile),
            new[] { "design_point" }.Concat(model.Parameters.Select(p => p.Name)).Append(OutputColumn(s.Target)),
            result.Points.Select((point, i) => (Point: point, Index: i)),
            (w, r) =>
            {
                w.WriteField(r.Index);
                var values = model.ToModel(r.Point);
                for (var j = 0; j < values.Length; j++)
                {
                    w.WriteField(model.Parameters[j].Spec.Format(values[j]));
                }
                w.WriteField(result.Outputs[r.Index]);
            });

        var baseline = model.Parameters.Select(p => p.Spec.Get(s.Model.Scenario.Parameters)).ToArray();
        var manifest = ManifestEntries(s, result);
        AnalysisFolder.RunClosingBatch(folder, model, baseline, inputs, manifest);
        return new SensitivityOutcome(folder.Root, result.Rows, false);
    }

    /// <summary>The output column of points.csv, e.g. <c>reach_step_50</c>.</summary>
    public static string OutputColumn(MeasureAt target) =>
        string.Create(CultureInfo.InvariantCulture, $"{target.Measure}_step_{target.Step}");

    private static JsonObject Settings(SensitivitySettings s) => new()
    {
        ["method"] = MethodName(s.Method),
        ["samples"] = s.Samples,
        ["levels"] = s.Method == SensitivityMethod.Morris ? s.Levels : null,
        ["bootstrap_resamples"] = s.BootstrapResamples,
        ["measure"] = s.Target.Measure,
        ["step"] = s.Target.Step,
    };

    private static JsonObject ManifestEntries(SensitivitySettings s, SensitivityResult result) => new()
    {
        ["analysis"] = "sensitivity",
        ["sensitivity_method"] = MethodName(s.Method),
        [ResultManifest.SensitivityMeasureKey] = s.Target.Measure,
        [ResultManifest.AtYearKey] = s.Year,
        ["at_step"] = s.Target.Step,
        ["ranges"] = AnalysisFolder.Ranges(s.Model.Parameters),
        ["samples"] = s.Samples,
        ["levels"] = s.Method == SensitivityMethod.Morris ? s.Levels : null,
        ["bootstrap_resamples"] = s.BootstrapResamples,
        ["analysis_design_points"] = result.Points.Count,
        ["analysis_runs"] = (long)result.Points.Count * s.Model.Replicates,
        ["runs_folder"] = RunsFolder,
        ["baseline"] = "the batch in this folder runs the scenario as given (with --set), the point the indices are about",
    };

    public static string MethodName(SensitivityMethod method) => method == SensitivityMethod.Morris ? "morris" : "sobol";

    /// <summary>
    /// One paragraph naming, in words, the parameters the output depends on most (by mu_star or ST, with
    /// intervals) and those it barely depends on (below 5% of the largest).
    /// </summary>
    public static string Describe(IReadOnlyList<IndexRow> rows, string output)
    {
        var rank = rows.Any(r => r.Index == SensitivityIndex.MuStar) ? SensitivityIndex.MuStar : SensitivityIndex.TotalOrder;
        var ranked = rows.Where(r => r.Index == rank).OrderByDescending(r => Math.Abs(r.Value)).ToList();
        if (ranked.Count == 0)
        {
            return $"{output}: no indices.";
        }
        var largest = Math.Abs(ranked[0].Value);
        const double Negligible = 0.05;
        string Show(IndexRow r) => string.Create(CultureInfo.InvariantCulture, $"{r.Parameter} ({rank} {r.Value:0.####}, 95% CI {r.CiLow:0.####} to {r.CiHigh:0.####})");
        var important = ranked.Where(r => largest > 0 && Math.Abs(r.Value) >= Negligible * largest).ToList();
        var little = ranked.Except(important).Select(r => r.Parameter).ToList();
        var text = important.Count == 0
            ? $"{output} does not change with any of the parameters varied ({rank} 0 for all)."
            : $"{output} depends most on {string.Join(", then ", important.Select(Show))}.";
        if (little.Count > 0 && important.Count > 0)
        {
            text += $" It barely depends on {string.Join(", ", little)} ({rank} below {Negligible * 100:0}% of the largest).";
        }
        return text;
    }
}
