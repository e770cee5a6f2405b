using MovementSim.Analysis;
using MovementSim.Analysis.Sensitivity;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class SobolIndicesTests
{
    private const int Seed = 20240607;

    /// <summary>
    /// Ishigami at N = 8192 with the shifted Sobol' base sample: over 20 seeds the largest error of any index was
    /// 0.0022 (RMS 0.0013), in line with the quasi-Monte Carlo rates reported by Saltelli et al. (2010, fig. 2).
    /// 0.01 is about seven of those RMS errors: it tolerates any seed, yet fails a wrong estimator, whose errors
    /// on this function are of order 0.1.
    /// </summary>
    private const double QuasiRandomTolerance = 0.01;

    /// <summary>
    /// The same with a Latin hypercube base sample, which converges at the Monte Carlo rate: over 20 seeds the
    /// RMS error was about 0.01 and the largest 0.023; 0.05 is about five RMS errors.
    /// </summary>
    private const double LatinHypercubeTolerance = 0.05;

    /// <summary>
    /// Percentile-interval width scales as 1/√N, so 16 times the base rows should shrink it about 4-fold; halving
    /// is a safe lower bound on that.
    /// </summary>
    private const double ShrinkFactorAtSixteenTimesN = 0.5;

    private static readonly ParameterRange[] IshigamiRanges =
    [
        new("x1", -Math.PI, Math.PI),
        new("x2", -Math.PI, Math.PI),
        new("x3", -Math.PI, Math.PI),
    ];

    /// <summary>Runs the Ishigami analysis; tests that do not look at intervals ask for few resamples to stay fast.</summary>
    private static SensitivityResult RunIshigami(int baseSamples, int seed, BaseSample baseSample = BaseSample.SobolSequence, int resamples = 20) =>
        SensitivityAnalysis.Sobol(IshigamiRanges, BatchEvaluator.PointByPoint(TestFunctions.Ishigami),
            new SobolOptions(baseSamples, seed, BootstrapResamples: resamples, BaseSample: baseSample));

    private static double Value(IReadOnlyList<IndexRow> rows, string parameter, string index) =>
        rows.Single(r => r.Parameter == parameter && r.Index == index).Value;

    [Theory]
    [InlineData(BaseSample.SobolSequence, QuasiRandomTolerance)]
    [InlineData(BaseSample.LatinHypercube, LatinHypercubeTolerance)]
    public void Sobol_indices_of_the_Ishigami_function_match_the_analytic_values(BaseSample baseSample, double tolerance)
    {
        var (s1, st) = TestFunctions.IshigamiIndices();

        var rows = RunIshigami(8192, Seed, baseSample).Rows;

        for (var i = 0; i < 3; i++)
        {
            var name = IshigamiRanges[i].Name;
            Assert.InRange(Value(rows, name, SensitivityIndex.FirstOrder), s1[i] - tolerance, s1[i] + tolerance);
            Assert.InRange(Value(rows, name, SensitivityIndex.TotalOrder), st[i] - tolerance, st[i] + tolerance);
        }
    }

    [Fact]
    public void The_analytic_Ishigami_indices_are_the_published_ones()
    {
        var (s1, st) = TestFunctions.IshigamiIndices();

        Assert.Equal([0.3139, 0.4424, 0.0], s1.Select(x => Math.Round(x, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], st.Select(x => Math.Round(x, 4)));
    }

    [Fact]
    public void A_Saltelli_design_has_N_times_k_plus_2_points_and_each_AB_matrix_takes_one_column_from_B()
    {
        const int n = 16;
        var design = SaltelliDesign.Create(IshigamiRanges, n, Seed);

        Assert.Equal(n * (3 + 2), design.Points.Count);
        for (var j = 0; j < n; j++)
        {
            var a = design.Points[design.RowOfA(j)];
            var b = design.Points[design.RowOfB(j)];
            for (var i = 0; i < 3; i++)
            {
                var ab = design.Points[design.RowOfAB(i, j)];
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(c == i ? b[c] : a[c], ab[c]);
                }
            }
        }
    }

    [Fact]
    public void Bootstrap_intervals_contain_the_estimate_and_shrink_as_N_grows()
    {
        var small = RunIshigami(256, Seed, resamples: 300).Rows;
        var large = RunIshigami(4096, Seed, resamples: 300).Rows;

        foreach (var row in small.Concat(large))
        {
            Assert.InRange(row.Value, row.CiLow, row.CiHigh);
        }
        for (var r = 0; r < small.Count; r++)
        {
            var smallWidth = small[r].CiHigh - small[r].CiLow;
            var largeWidth = large[r].CiHigh - large[r].CiLow;
            Assert.True(largeWidth < ShrinkFactorAtSixteenTimesN * smallWidth,
                $"{small[r].Parameter} {small[r].Index}: width {largeWidth} at N = 4096 vs {smallWidth} at N = 256");
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_indices_and_another_seed_different_ones()
    {
        var first = RunIshigami(256, Seed);
        var again = RunIshigami(256, Seed);
        var other = RunIshigami(256, Seed + 1);

        Assert.Equal(first.Rows, again.Rows);
        Assert.Equal(first.Points, again.Points);
        Assert.NotEqual(first.Rows, other.Rows);
    }

    [Fact]
    public void The_evaluator_is_called_once_with_every_design_point()
    {
        var calls = new List<int>();
        var evaluator = BatchEvaluator.From(points =>
        {
            calls.Add(points.Count);
            return points.Select(TestFunctions.Ishigami).ToArray();
        });

        SensitivityAnalysis.Sobol(IshigamiRanges, evaluator, new SobolOptions(64, Seed, BootstrapResamples: 10));

        Assert.Equal([64 * 5], calls);
    }

    [Fact]
    public void A_failed_run_is_named_by_its_design_point()
    {
        var evaluator = BatchEvaluator.From(points => points.Select((_, i) => i == 7 ? double.NaN : 1.0 * i).ToArray());

        var error = Assert.Throws<InvalidOperationException>(() =>
            SensitivityAnalysis.Sobol(IshigamiRanges, evaluator, new SobolOptions(8, Seed, BootstrapResamples: 10)));

        Assert.Contains("design point 7", error.Message);
    }
}
