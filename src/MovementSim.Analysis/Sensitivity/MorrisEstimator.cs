using MovementSim.Batch;

namespace MovementSim.Analysis.Sensitivity;

/// <summary>
/// Morris screening statistics from the outputs of a <see cref="MorrisDesign"/>. The elementary effect of
/// parameter i in trajectory t is EE = (y_after - y_before) / Δu, with Δu = ±Δ the change in the parameter's
/// normalised value (0 at Min, 1 at Max). Effects are therefore in output units per whole range of the
/// parameter, i.e. Δy/Δx × (Max - Min): parameters with different units and ranges become comparable, and an
/// effect reads as "how much the output changes across the range". Per parameter:
/// mu = mean EE (Morris 1991), mu_star = mean |EE| (Campolongo, Cariboni and Saltelli 2007, Environ. Model.
/// Softw. 22:1509), sigma = standard deviation of EE with divisor r - 1 (Morris 1991).
/// Confidence intervals resample whole trajectories with replacement and take percentile intervals.
/// </summary>
public static class MorrisEstimator
{
    public static IReadOnlyList<IndexRow> Estimate(MorrisDesign design, IReadOnlyList<double> outputs, int seed,
        int bootstrapResamples = 1000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        Bootstrap.ValidateOptions(bootstrapResamples, confidence);
        BatchEvaluator.CheckOutputs(outputs, design.Points.Count);

        var effects = ElementaryEffects(design, outputs);
        var r = design.Trajectories;
        var k = design.ParameterCount;

        var identity = new int[r];
        for (var t = 0; t < r; t++)
        {
            identity[t] = t;
        }

        var random = AnalysisRandom.Create(seed, AnalysisStream.Bootstrap);
        var replicates = new double[k][][];
        for (var i = 0; i < k; i++)
        {
            replicates[i] = [new double[bootstrapResamples], new double[bootstrapResamples], new double[bootstrapResamples]];
        }
        var rows = new int[r];
        for (var b = 0; b < bootstrapResamples; b++)
        {
            Bootstrap.Resample(rows, r, random);
            for (var i = 0; i < k; i++)
            {
                var (muStar, mu, sigma) = Statistics(effects[i], rows);
                replicates[i][0][b] = muStar;
                replicates[i][1][b] = mu;
                replicates[i][2][b] = sigma;
            }
        }

        var result = new List<IndexRow>(3 * k);
        for (var i = 0; i < k; i++)
        {
            var name = design.Parameters[i].Name;
            var (muStar, mu, sigma) = Statistics(effects[i], identity);
            var (l0, h0) = Bootstrap.PercentileInterval(replicates[i][0], confidence);
            var (l1, h1) = Bootstrap.PercentileInterval(replicates[i][1], confidence);
            var (l2, h2) = Bootstrap.PercentileInterval(replicates[i][2], confidence);
            result.Add(new IndexRow(name, SensitivityIndex.MuStar, muStar, l0, h0));
            result.Add(new IndexRow(name, SensitivityIndex.Mu, mu, l1, h1));
            result.Add(new IndexRow(name, SensitivityIndex.Sigma, sigma, l2, h2));
        }
        return result;
    }

    /// <summary>Elementary effects, [parameter][trajectory], in output units per whole parameter range.</summary>
    public static double[][] ElementaryEffects(MorrisDesign design, IReadOnlyList<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        BatchEvaluator.CheckOutputs(outputs, design.Points.Count);
        var k = design.ParameterCount;
        var effects = new double[k][];
        for (var i = 0; i < k; i++)
        {
            effects[i] = new double[design.Trajectories];
        }
        for (var t = 0; t < design.Trajectories; t++)
        {
            for (var m = 0; m < k; m++)
            {
                var dy = outputs[design.RowOf(t, m + 1)] - outputs[design.RowOf(t, m)];
                effects[design.MovedParameter[t][m]][t] = dy / design.UnitStep[t][m];
            }
        }
        return effects;
    }

    private static (double MuStar, double Mu, double Sigma) Statistics(double[] effects, int[] rows)
    {
        var sum = 0.0;
        var sumAbs = 0.0;
        foreach (var t in rows)
        {
            sum += effects[t];
            sumAbs += Math.Abs(effects[t]);
        }
        return (sumAbs / rows.Length, sum / rows.Length, SampleStatistics.StandardDeviation(rows.Select(t => effects[t]).ToArray()));
    }
}
