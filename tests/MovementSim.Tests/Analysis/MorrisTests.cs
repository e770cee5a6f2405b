using MovementSim.Analysis;
using MovementSim.Analysis.Sensitivity;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class MorrisTests
{
    private const int Seed = 77;

    /// <summary>Elementary effects of a linear term are exact up to rounding of the grid steps.</summary>
    private const double RoundingTolerance = 1e-9;

    /// <summary>
    /// y = 10 x1 + 3 x2 + 0.1 x3 + x1 x4, with x5 having no effect. On [0, 1] the effects per unit range are
    /// x1: 10 + x4 (mu_star about 10.5), x2: 3, x3: 0.1, x4: x1 (about 0.5), x5: 0, so the ranking is
    /// x1 > x2 > x4 > x3 > x5, and only x1 and x4 (the interacting pair) have a spread of effects.
    /// </summary>
    private static double Ranked(double[] x) => 10 * x[0] + 3 * x[1] + 0.1 * x[2] + x[0] * x[3];

    private static readonly ParameterRange[] UnitRanges =
        new[] { "x1", "x2", "x3", "x4", "x5" }.Select(n => new ParameterRange(n, 0, 1)).ToArray();

    private static IReadOnlyList<IndexRow> Run(IReadOnlyList<ParameterRange> ranges, Func<double[], double> f, int seed = Seed) =>
        SensitivityAnalysis.Morris(ranges, BatchEvaluator.PointByPoint(f), new MorrisOptions(Trajectories: 40, seed, BootstrapResamples: 500)).Rows;

    private static IndexRow Row(IReadOnlyList<IndexRow> rows, string parameter, string index) =>
        rows.Single(r => r.Parameter == parameter && r.Index == index);

    [Fact]
    public void Morris_mu_star_recovers_the_known_ranking_of_parameters()
    {
        var rows = Run(UnitRanges, Ranked);

        var ranking = rows.Where(r => r.Index == SensitivityIndex.MuStar).OrderByDescending(r => r.Value).Select(r => r.Parameter);
        Assert.Equal(["x1", "x2", "x4", "x3", "x5"], ranking);
    }

    [Fact]
    public void A_parameter_without_effect_gets_mu_star_zero_with_a_zero_interval()
    {
        var row = Row(Run(UnitRanges, Ranked), "x5", SensitivityIndex.MuStar);

        Assert.Equal(new IndexRow("x5", SensitivityIndex.MuStar, 0, 0, 0), row);
    }

    [Fact]
    public void Only_interacting_parameters_have_a_spread_of_elementary_effects()
    {
        var rows = Run(UnitRanges, Ranked);

        Assert.True(Row(rows, "x1", SensitivityIndex.Sigma).Value > 0.1);
        Assert.True(Row(rows, "x4", SensitivityIndex.Sigma).Value > 0.1);
        Assert.Equal(0, Row(rows, "x2", SensitivityIndex.Sigma).Value, RoundingTolerance);
        Assert.Equal(0, Row(rows, "x3", SensitivityIndex.Sigma).Value, RoundingTolerance);
    }

    [Fact]
    public void Elementary_effects_are_in_output_units_per_whole_range_of_the_parameter()
    {
        // y = 2 a - 5 b with a on [10, 30] and b on [0, 0.5]: across its range a moves y by 40, b by -2.5.
        ParameterRange[] ranges = [new("a", 10, 30), new("b", 0, 0.5)];

        var rows = Run(ranges, x => 2 * x[0] - 5 * x[1]);

        Assert.Equal(40, Row(rows, "a", SensitivityIndex.Mu).Value, RoundingTolerance);
        Assert.Equal(-2.5, Row(rows, "b", SensitivityIndex.Mu).Value, RoundingTolerance);
        Assert.Equal(2.5, Row(rows, "b", SensitivityIndex.MuStar).Value, RoundingTolerance);
    }

    [Fact]
    public void Each_trajectory_moves_every_parameter_once_by_delta_on_the_grid()
    {
        const int levels = 4;
        var design = MorrisDesign.Create(UnitRanges, 10, Seed, levels);
        var delta = 4.0 / (2 * 3);

        Assert.Equal(10 * 6, design.Points.Count);
        for (var t = 0; t < 10; t++)
        {
            Assert.Equal([0, 1, 2, 3, 4], design.MovedParameter[t].Order());
            for (var m = 0; m < 5; m++)
            {
                var before = design.Points[design.RowOf(t, m)];
                var after = design.Points[design.RowOf(t, m + 1)];
                var changed = Enumerable.Range(0, 5).Where(i => before[i] != after[i]).ToArray();
                Assert.Equal([design.MovedParameter[t][m]], changed);
                Assert.Equal(delta, Math.Abs(after[changed[0]] - before[changed[0]]), RoundingTolerance);
            }
            foreach (var x in Enumerable.Range(0, 6).SelectMany(m => design.Points[design.RowOf(t, m)]))
            {
                var level = x * (levels - 1);
                Assert.Equal(Math.Round(level), level, RoundingTolerance);
            }
        }
    }

    [Fact]
    public void Bootstrap_intervals_of_mu_star_contain_the_estimate()
    {
        foreach (var row in Run(UnitRanges, Ranked).Where(r => r.Index == SensitivityIndex.MuStar))
        {
            Assert.InRange(row.Value, row.CiLow, row.CiHigh);
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_Morris_indices()
    {
        Assert.Equal(Run(UnitRanges, Ranked), Run(UnitRanges, Ranked));
        Assert.NotEqual(Run(UnitRanges, Ranked), Run(UnitRanges, Ranked, Seed + 1));
    }

    [Theory]
    [InlineData(3)] // odd: Δ would fall between grid levels
    [InlineData(0)] // no grid at all
    public void An_odd_or_too_small_number_of_levels_is_rejected(int levels)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MorrisDesign.Create(UnitRanges, 4, Seed, levels));
        Assert.Contains("must be even", error.Message);
    }
}
