using MovementSim.Analysis.Calibration;
using Xunit;

namespace MovementSim.Tests.Analysis;

/// <summary>
/// <see cref="DataSets"/> calibrations of the <see cref="StochasticDiffusion"/>, each to an observed history of
/// its own made at the true values, with common random numbers and bootstrap seeds of its own; computed once
/// for the coverage tests. Settings as a small calibration would use: 4 replicates, 2 starts, the default 39 refits.
/// </summary>
public sealed class DiffusionCalibrations
{
    public const int DataSets = 100;
    private const int People = 1000;
    private const int Replicates = 4;

    /// <summary>Seeds of data set d lie in [d·Spacing, (d + 1)·Spacing): observed history, fit, data sets and refits never share one.</summary>
    private const int Spacing = 1_000_000;
    private const int ObservedSeed = 500;

    public DiffusionCalibrations()
    {
        var model = new StochasticDiffusion(People, Replicates);
        Fits = Enumerable.Range(0, DataSets).Select(d =>
        {
            var seeds = (d + 1) * Spacing;
            var observed = StochasticDiffusion.Observations(model.Reach(StochasticDiffusion.TrueExternalInfluence, StochasticDiffusion.TrueImitation,
                StochasticDiffusion.Draws(seeds + ObservedSeed)));
            return Calibrator.Fit(StochasticDiffusion.Ranges, observed, model.Simulator(seeds),
                new CalibrationOptions(Seed: d, Starts: 2, ProfilePoints: 11, ConvergenceTolerance: 1e-3), model.Bootstrap(seeds));
        }).ToArray();
    }

    public static readonly double[] Truth = [StochasticDiffusion.TrueExternalInfluence, StochasticDiffusion.TrueImitation];

    public IReadOnlyList<CalibrationFit> Fits { get; }
}

public class CalibrationCoverageTests(DiffusionCalibrations calibrations) : IClassFixture<DiffusionCalibrations>
{
    /// <summary>
    /// If the intervals had exactly 95% coverage, the number of the 100 histories whose interval contains the true
    /// value would be Binomial(100, 0.95), which falls below 89 with probability 0.4% (its 1% quantile is 89).
    /// Trials with 200 histories gave 94.5% for external influence and 96% for imitation.
    /// </summary>
    private const int CoverageFloor = 89;

    /// <summary>
    /// Under a model that is right, the bootstrap p-value of the distance is about uniform, so it falls below
    /// 0.05 in Binomial(100, 0.05) of the histories, at most 11 with probability 99.4%.
    /// </summary>
    private const int FalseMisfitCeiling = 11;

    private int Covered(int parameter, Func<CalibrationFit, (double Low, double High)> interval) =>
        calibrations.Fits.Count(f => interval(f).Low <= DiffusionCalibrations.Truth[parameter] && DiffusionCalibrations.Truth[parameter] <= interval(f).High);

    [Theory]
    [InlineData(0)] // external influence
    [InlineData(1)] // imitation
    public void Bootstrap_intervals_contain_the_true_value_about_as_often_as_their_95_percent_promise(int parameter)
    {
        var covered = Covered(parameter, f => (f.Rows[parameter].Low, f.Rows[parameter].High));

        Assert.InRange(covered, CoverageFloor, DiffusionCalibrations.DataSets);
        Assert.All(calibrations.Fits, f => Assert.True(f.Rows[parameter].Identified));
    }

    [Theory]
    [InlineData(0)] // external influence
    [InlineData(1)] // imitation
    public void Profile_intervals_of_the_same_fits_miss_the_true_value_far_more_often_so_they_are_not_the_default(int parameter)
    {
        // They treat the yearly values of cumulative reach as independent and the replicate mean as exact.
        var covered = Covered(parameter, f => f.ProfileIntervals[parameter]);

        Assert.True(covered < CoverageFloor, $"profile intervals covered the truth in {covered} of {DiffusionCalibrations.DataSets} histories");
    }

    [Fact]
    public void When_the_model_is_right_the_misfit_p_value_falls_below_5_percent_about_as_rarely_as_it_should()
    {
        var misfits = calibrations.Fits.Count(f => f.Bootstrap!.DistancePValue < 0.05);

        Assert.InRange(misfits, 0, FalseMisfitCeiling);
    }

    [Fact]
    public void Data_the_model_cannot_reproduce_within_its_randomness_get_a_misfit_p_value_below_5_percent()
    {
        var model = new StochasticDiffusion(1000, 4);
        var history = model.Reach(StochasticDiffusion.TrueExternalInfluence, StochasticDiffusion.TrueImitation, StochasticDiffusion.Draws(7));
        // Reach falling by 0.1 after the fourth year: in the model adoption never reverses.
        var observed = StochasticDiffusion.Observations(history.Select((r, y) => y < 4 ? r : r - 0.1).ToArray());

        var fit = Calibrator.Fit(StochasticDiffusion.Ranges, observed, model.Simulator(100),
            new CalibrationOptions(Seed: 1, Starts: 2, ProfilePoints: 11, ConvergenceTolerance: 1e-3), model.Bootstrap(100));

        Assert.InRange(fit.Bootstrap!.DistancePValue, 0, 0.05);
    }
}
