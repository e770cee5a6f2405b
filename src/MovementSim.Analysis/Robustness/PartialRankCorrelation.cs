using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Ranks parameters by partial rank correlation coefficients (PRCC) with a continuous outcome (Marino, Hogue, Ray
/// and Kirschner 2008, J. Theor. Biol. 254:178): the correlation between the ranks of a parameter and of the
/// outcome once the linear effect of the ranks of every other parameter is removed from both. It measures a
/// monotone effect; a parameter whose effect changes direction across its range can score near 0.
/// </summary>
public static class PartialRankCorrelation
{
    /// <summary>
    /// One <see cref="PrccRow"/> per dimension of <paramref name="samples"/>, ranked by |PRCC|.
    /// A categorical parameter enters as its level index, so its PRCC reads the levels in their declared order
    /// as a scale; meaningful when that order is (e.g. weak, medium, strong), arbitrary otherwise.
    /// Ranks are mid-ranks for ties (MathNet's Spearman matrix). With k parameters and n worlds the PRCC controls
    /// for c = k - 1 others: the interval is Fisher's z, tanh(atanh r ± z_(1+confidence)/2 / √(n - 3 - c)); the
    /// p-value is Marino et al.'s t = r √((n - 2 - c) / (1 - r²)) with n - 2 - c degrees of freedom.
    /// Needs n ≥ k + 3 and some variation in every parameter and in the outcome.
    /// </summary>
    public static IReadOnlyList<PrccRow> Rank(SampleMatrix samples, IReadOnlyList<double> outcome, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence level must lie strictly between 0 and 1, e.g. 0.95");
        }
        var n = samples.RowCount;
        var k = samples.ColumnCount;
        if (outcome.Count != n)
        {
            throw new ArgumentException($"{outcome.Count} outcomes for {n} sampled worlds", nameof(outcome));
        }
        if (n < k + 3)
        {
            throw new ArgumentException($"{n} sampled worlds are too few for the PRCC of {k} parameters: at least {k + 3} are needed", nameof(samples));
        }
        if (outcome.Any(y => !double.IsFinite(y)))
        {
            throw new ArgumentException("the outcome has a value that is not a finite number", nameof(outcome));
        }

        var vectors = new double[k + 1][];
        for (var j = 0; j < k; j++)
        {
            vectors[j] = samples.Column(j).ToArray();
        }
        vectors[k] = outcome.ToArray();
        var constant = Enumerable.Range(0, k + 1).Where(j => vectors[j].All(v => v == vectors[j][0]))
            .Select(j => j == k ? "the outcome" : samples.Dimensions[j].Name).ToArray();
        if (constant.Length > 0)
        {
            throw new ArgumentException($"no variation to correlate: {string.Join(", ", constant)} takes one value in every sampled world");
        }

        var precision = Precision(Correlation.SpearmanMatrix(vectors), samples);
        var controlled = k - 1;
        var z = Normal.InvCDF(0, 1, (1 + confidence) / 2) / Math.Sqrt(n - 3 - controlled);
        var degrees = n - 2 - controlled;
        var rows = new PrccRow[k];
        for (var j = 0; j < k; j++)
        {
            // The partial correlation of variables a and b given the rest is -P_ab / √(P_aa P_bb), P the inverse of
            // their correlation matrix: the same number as correlating regression residuals, from one inversion.
            var r = Math.Clamp(-precision[j, k] / Math.Sqrt(precision[j, j] * precision[k, k]), -1, 1);
            var fisher = Math.Atanh(r);
            var t = r * Math.Sqrt(degrees / (1 - r * r));
            var p = double.IsInfinity(t) ? 0 : 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(t));
            rows[j] = new PrccRow(0, samples.Dimensions[j].Name, r, Math.Tanh(fisher - z), Math.Tanh(fisher + z), p);
        }
        return rows
            .Select((row, j) => (row, j))
            .OrderByDescending(x => Math.Abs(x.row.Value))
            .ThenBy(x => x.j)
            .Select((x, rank) => x.row with { Rank = rank + 1 })
            .ToArray();
    }

    /// <summary>The inverse of the rank correlation matrix; an error naming the problem when the parameters' ranks are collinear.</summary>
    private static Matrix<double> Precision(Matrix<double> correlation, SampleMatrix samples)
    {
        try
        {
            var precision = correlation.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(correlation.RowCount));
            if (precision.Enumerate().All(double.IsFinite))
            {
                return precision;
            }
        }
        catch (ArgumentException)
        {
            // Not positive definite: reported below with the parameters' names.
        }
        throw new ArgumentException("the ranks of the parameters and the outcome are collinear (one is a function of the others), " +
            $"so their partial correlations are undefined: {string.Join(", ", samples.Dimensions.Select(d => d.Name))}");
    }
}
