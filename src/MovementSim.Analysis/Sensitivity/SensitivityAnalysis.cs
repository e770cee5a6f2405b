namespace MovementSim.Analysis.Sensitivity;

/// <summary>Settings of a Sobol' analysis; N base samples give N(k + 2) model runs.</summary>
public sealed record SobolOptions(
    int BaseSamples,
    int Seed,
    int BootstrapResamples = 1000,
    double Confidence = 0.95,
    BaseSample BaseSample = BaseSample.SobolSequence);

/// <summary>Settings of a Morris screening; r trajectories give r(k + 1) model runs.</summary>
public sealed record MorrisOptions(
    int Trajectories,
    int Seed,
    int Levels = MorrisDesign.DefaultLevels,
    int BootstrapResamples = 1000,
    double Confidence = 0.95);

/// <summary>What an analysis ran and found: the design points (parameter units), one output per point, the indices.</summary>
public sealed record SensitivityResult(IReadOnlyList<double[]> Points, IReadOnlyList<double> Outputs, IReadOnlyList<IndexRow> Rows);

/// <summary>
/// Design, then one call to the evaluator with every point (so the batch runner can spread the runs), then
/// estimation. The design and the bootstrap draw from separate streams of the one seed, so changing the number
/// of resamples never changes which runs are made.
/// </summary>
public static class SensitivityAnalysis
{
    public static SensitivityResult Sobol(IReadOnlyList<ParameterRange> parameters, IBatchEvaluator evaluator, SobolOptions options)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(options);
        Bootstrap.ValidateOptions(options.BootstrapResamples, options.Confidence);
        var design = SaltelliDesign.Create(parameters, options.BaseSamples, options.Seed, options.BaseSample);
        var outputs = BatchEvaluator.EvaluateChecked(evaluator, design.Points);
        var rows = SobolEstimator.Estimate(design, outputs, options.Seed, options.BootstrapResamples, options.Confidence);
        return new SensitivityResult(design.Points, outputs, rows);
    }

    public static SensitivityResult Morris(IReadOnlyList<ParameterRange> parameters, IBatchEvaluator evaluator, MorrisOptions options)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(options);
        Bootstrap.ValidateOptions(options.BootstrapResamples, options.Confidence);
        var design = MorrisDesign.Create(parameters, options.Trajectories, options.Seed, options.Levels);
        var outputs = BatchEvaluator.EvaluateChecked(evaluator, design.Points);
        var rows = MorrisEstimator.Estimate(design, outputs, options.Seed, options.BootstrapResamples, options.Confidence);
        return new SensitivityResult(design.Points, outputs, rows);
    }
}
