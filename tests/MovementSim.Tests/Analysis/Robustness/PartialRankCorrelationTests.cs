using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearRegression;
using MathNet.Numerics.Statistics;
using MovementSim.Analysis;
using MovementSim.Analysis.Robustness;
using Xunit;

namespace MovementSim.Tests.Analysis.Robustness;

public class PartialRankCorrelationTests
{
    private const int Seed = 20260114;
    private const int Worlds = 1000;
    private const int Parameters = 4;

    /// <summary>
    /// Under no effect a PRCC is about normal with standard deviation 1/√(n - 2 - k) (Fisher), 0.032 for 1000 worlds
    /// and 4 parameters; four of those is a bound a correct estimator breaks about once in 16000 seeds.
    /// </summary>
    private static readonly double IrrelevantTolerance = 4 / Math.Sqrt(Worlds - 2 - Parameters);

    /// <summary>Two ways of computing the same number in floating point.</summary>
    private const double RoundingTolerance = 1e-10;

    /// <summary>
    /// y = 4 x1 - 2 x2 + x3 + ε, x4 without effect, ε ~ N(0, 0.5²), x uniform on [0, 1]: partial correlations about
    /// 0.92, -0.76 and 0.5 (coefficient × sd(x) against the residual spread), so the ranking is x1, x2, x3, x4.
    /// </summary>
    private static (SyntheticWorlds Worlds, double[] Outcome) Linear(int seed = Seed)
    {
        var worlds = SyntheticWorlds.Uniform(Worlds, Parameters, seed);
        var noise = new Normal(0, 0.5, worlds.Random);
        return (worlds, worlds.Values(x => 4 * x[0] - 2 * x[1] + x[2] + noise.Sample()));
    }

    private static PrccRow Row(IReadOnlyList<PrccRow> rows, string parameter) => rows.Single(r => r.Parameter == parameter);

    [Fact]
    public void PRCC_recovers_the_sign_and_order_of_the_effects_of_a_known_monotone_function()
    {
        var (worlds, y) = Linear();

        var rows = PartialRankCorrelation.Rank(worlds.Samples, y);

        Assert.Equal(["x1", "x2", "x3", "x4"], rows.Select(r => r.Parameter));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Rank));
        Assert.True(Row(rows, "x1").Value > 0 && Row(rows, "x2").Value < 0 && Row(rows, "x3").Value > 0,
            "signs: " + string.Join(", ", rows.Select(r => $"{r.Parameter} {r.Value}")));
    }

    [Fact]
    public void An_input_without_effect_has_a_PRCC_near_0()
    {
        var (worlds, y) = Linear();

        var x4 = Row(PartialRankCorrelation.Rank(worlds.Samples, y), "x4");

        Assert.InRange(x4.Value, -IrrelevantTolerance, IrrelevantTolerance);
    }

    [Fact]
    public void A_monotone_transformation_of_the_outcome_leaves_every_PRCC_unchanged()
    {
        var (worlds, y) = Linear();

        var plain = PartialRankCorrelation.Rank(worlds.Samples, y);
        var transformed = PartialRankCorrelation.Rank(worlds.Samples, y.Select(v => Math.Exp(3 * v)).ToArray());

        Assert.Equal(plain.Select(r => r.Parameter), transformed.Select(r => r.Parameter));
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i].Value, transformed[i].Value, RoundingTolerance);
        }
    }

    [Fact]
    public void Each_PRCC_equals_the_correlation_of_rank_regression_residuals()
    {
        var (worlds, y) = Linear();
        var ranks = Enumerable.Range(0, Parameters).Select(j => Statistics.Ranks(worlds.Samples.Column(j).ToArray())).ToArray();
        var yRanks = Statistics.Ranks(y);

        var rows = PartialRankCorrelation.Rank(worlds.Samples, y);

        for (var j = 0; j < Parameters; j++)
        {
            var others = Enumerable.Range(0, Worlds)
                .Select(i => Enumerable.Range(0, Parameters).Where(c => c != j).Select(c => ranks[c][i]).ToArray()).ToArray();
            var direct = Correlation.Pearson(Residuals(others, ranks[j]), Residuals(others, yRanks));
            Assert.Equal(direct, Row(rows, $"x{j + 1}").Value, RoundingTolerance);
        }
    }

    private static double[] Residuals(double[][] x, double[] y)
    {
        var b = MultipleRegression.QR(x, y, intercept: true);
        return y.Select((v, i) => v - b[0] - x[i].Select((xi, c) => xi * b[c + 1]).Sum()).ToArray();
    }

    [Fact]
    public void The_interval_is_Fisher_z_with_n_minus_2_minus_k_and_contains_the_estimate()
    {
        var (worlds, y) = Linear();
        var halfWidth = 1.959963984540054 / Math.Sqrt(Worlds - 2 - Parameters);

        foreach (var row in PartialRankCorrelation.Rank(worlds.Samples, y))
        {
            Assert.InRange(row.Value, row.CiLow, row.CiHigh);
            Assert.Equal(Math.Atanh(row.Value) - halfWidth, Math.Atanh(row.CiLow), RoundingTolerance);
            Assert.Equal(Math.Atanh(row.Value) + halfWidth, Math.Atanh(row.CiHigh), RoundingTolerance);
        }
    }

    [Fact]
    public void A_strong_effect_has_a_tiny_p_value_and_the_p_value_follows_the_t_test_of_Marino_et_al()
    {
        var (worlds, y) = Linear();
        var rows = PartialRankCorrelation.Rank(worlds.Samples, y);
        var degrees = Worlds - 2 - (Parameters - 1);

        Assert.True(Row(rows, "x3").PValue < 1e-10, $"p of x3: {Row(rows, "x3").PValue}");
        var x4 = Row(rows, "x4");
        var t = x4.Value * Math.Sqrt(degrees / (1 - x4.Value * x4.Value));
        Assert.Equal(2 * StudentT.CDF(0, 1, degrees, -Math.Abs(t)), x4.PValue, RoundingTolerance);
    }

    [Fact]
    public void A_categorical_parameter_enters_as_its_level_index_so_reversing_its_levels_reverses_the_sign()
    {
        SampleDimension[] dimensions =
        [
            new ContinuousDimension(new ParameterRange("x", 0, 1)),
            new CategoricalDimension("strength", ["weak", "medium", "strong"]),
        ];
        var worlds = SyntheticWorlds.Create(300, dimensions, Seed);
        var y = worlds.Values(v => v[0] + v[1]);
        var reversed = SampleMatrix.FromColumns(
            [dimensions[0], new CategoricalDimension("strength", ["strong", "medium", "weak"])],
            [worlds.Samples.Column(0).ToArray(), worlds.Samples.Column(1).ToArray().Select(level => 2 - level).ToArray()]);

        var forward = Row(PartialRankCorrelation.Rank(worlds.Samples, y), "strength").Value;
        var backward = Row(PartialRankCorrelation.Rank(reversed, y), "strength").Value;

        Assert.True(forward > 0.5, $"PRCC of strength in declared order: {forward}");
        Assert.Equal(-forward, backward, RoundingTolerance);
    }

    [Fact]
    public void A_parameter_without_variation_is_refused_by_name()
    {
        SampleDimension[] dimensions = [new ContinuousDimension(new ParameterRange("x", 0, 1)), new ContinuousDimension(new ParameterRange("fixed", 0, 1))];
        var samples = SampleMatrix.FromColumns(dimensions, [Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray(), new double[10]]);

        var error = Assert.Throws<ArgumentException>(() => PartialRankCorrelation.Rank(samples, Enumerable.Range(0, 10).Select(i => (double)i).ToArray()));

        Assert.Contains("fixed takes one value in every sampled world", error.Message);
    }

    [Fact]
    public void Parameters_whose_ranks_are_collinear_are_refused()
    {
        SampleDimension[] dimensions = [new ContinuousDimension(new ParameterRange("x", 0, 1)), new ContinuousDimension(new ParameterRange("twin", 0, 1))];
        var values = Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray();
        var samples = SampleMatrix.FromColumns(dimensions, [values, values.Select(v => v * v).ToArray()]);

        var error = Assert.Throws<ArgumentException>(() => PartialRankCorrelation.Rank(samples, values.Select(v => Math.Sin(7 * v)).ToArray()));

        Assert.Contains("collinear", error.Message);
    }

    [Fact]
    public void Too_few_worlds_for_the_number_of_parameters_are_refused()
    {
        var worlds = SyntheticWorlds.Uniform(6, 4, Seed);

        var error = Assert.Throws<ArgumentException>(() => PartialRankCorrelation.Rank(worlds.Samples, new double[6]));

        Assert.Contains("at least 7 are needed", error.Message);
    }
}
