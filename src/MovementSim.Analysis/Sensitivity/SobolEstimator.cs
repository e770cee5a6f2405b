namespace MovementSim.Analysis.Sensitivity;

/// <summary>
/// First-order and total Sobol' indices from the outputs of a <see cref="SaltelliDesign"/>.
/// With y_A, y_B and y_AB(i) the outputs of rows A, B and A_B^(i), and V the variance of all 2N outputs of
/// A and B together:
/// <list type="bullet">
/// <item>S1_i = mean_j[ y_B,j (y_AB(i),j - y_A,j) ] / V (Saltelli et al. 2010, Comput. Phys. Commun. 181:259, Table 2 (b));</item>
/// <item>ST_i = mean_j[ (y_A,j - y_AB(i),j)^2 ] / (2V) (Jansen 1999, Comput. Phys. Commun. 117:35; Saltelli et al. 2010, Table 2 (f)).</item>
/// </list>
/// Saltelli et al. (2010) found these two the most efficient of the estimators they compared. Confidence
/// intervals resample the N base rows with replacement (each resample keeps row j of A, B and every A_B^(i)
/// together) and take percentile intervals; the estimates are not truncated to [0, 1], so sampling error
/// stays visible (a small negative S1 means "indistinguishable from zero").
/// </summary>
public static class SobolEstimator
{
    public static IReadOnlyList<IndexRow> Estimate(SaltelliDesign design, IReadOnlyList<double> outputs, int seed,
        int bootstrapResamples = 1000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        Bootstrap.ValidateOptions(bootstrapResamples, confidence);
        BatchEvaluator.CheckOutputs(outputs, design.Points.Count);

        var n = design.BaseSamples;
        var k = design.ParameterCount;
        var y = outputs as double[] ?? outputs.ToArray();

        var identity = new int[n];
        for (var j = 0; j < n; j++)
        {
            identity[j] = j;
        }
        var s1 = new double[k];
        var st = new double[k];
        if (!Compute(design, y, identity, s1, st))
        {
            throw new InvalidOperationException(
                "the output does not vary over the design (variance 0): Sobol' indices are undefined; check that the output responds to the parameters");
        }

        var random = AnalysisRandom.Create(seed, AnalysisStream.Bootstrap);
        var s1Replicates = new double[k][];
        var stReplicates = new double[k][];
        for (var i = 0; i < k; i++)
        {
            s1Replicates[i] = new double[bootstrapResamples];
            stReplicates[i] = new double[bootstrapResamples];
        }
        var rows = new int[n];
        var bs1 = new double[k];
        var bst = new double[k];
        for (var b = 0; b < bootstrapResamples; b++)
        {
            Bootstrap.Resample(rows, n, random);
            if (!Compute(design, y, rows, bs1, bst))
            {
                // A resample of identical outputs has no variance to apportion; count it as "no information".
                Array.Fill(bs1, 0.0);
                Array.Fill(bst, 0.0);
            }
            for (var i = 0; i < k; i++)
            {
                s1Replicates[i][b] = bs1[i];
                stReplicates[i][b] = bst[i];
            }
        }

        var result = new List<IndexRow>(2 * k);
        for (var i = 0; i < k; i++)
        {
            var name = design.Parameters[i].Name;
            var (s1Low, s1High) = Bootstrap.PercentileInterval(s1Replicates[i], confidence);
            var (stLow, stHigh) = Bootstrap.PercentileInterval(stReplicates[i], confidence);
            result.Add(new IndexRow(name, SensitivityIndex.FirstOrder, s1[i], s1Low, s1High));
            result.Add(new IndexRow(name, SensitivityIndex.TotalOrder, st[i], stLow, stHigh));
        }
        return result;
    }

    /// <summary>Estimates over the base rows listed in <paramref name="rows"/>; false when their outputs have no variance.</summary>
    private static bool Compute(SaltelliDesign design, double[] y, int[] rows, double[] s1, double[] st)
    {
        var n = rows.Length;
        var k = design.ParameterCount;

        // Variance of the pooled A and B outputs, by a shifted two-pass sum to avoid cancellation when outputs
        // are large and their spread small (e.g. population counts).
        var mean = 0.0;
        foreach (var j in rows)
        {
            mean += y[design.RowOfA(j)] + y[design.RowOfB(j)];
        }
        mean /= 2 * n;
        var variance = 0.0;
        foreach (var j in rows)
        {
            var da = y[design.RowOfA(j)] - mean;
            var db = y[design.RowOfB(j)] - mean;
            variance += da * da + db * db;
        }
        variance /= 2 * n;
        if (!(variance > 0))
        {
            return false;
        }

        for (var i = 0; i < k; i++)
        {
            var first = 0.0;
            var total = 0.0;
            foreach (var j in rows)
            {
                var ya = y[design.RowOfA(j)];
                var yb = y[design.RowOfB(j)];
                var yab = y[design.RowOfAB(i, j)];
                // Centring y_B leaves the estimator's expectation unchanged (y_AB - y_A has mean zero) but stops a
                // large output mean from inflating its variance (the loss of accuracy Sobol' 2001 avoids the same way).
                first += (yb - mean) * (yab - ya);
                total += (ya - yab) * (ya - yab);
            }
            s1[i] = first / n / variance;
            st[i] = total / (2.0 * n) / variance;
        }
        return true;
    }
}
