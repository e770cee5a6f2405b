using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MovementSim.Analysis;
using MovementSim.Analysis.Calibration;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class CalibrationTests
{
    private const double Ceiling = 1000;
    private const double TrueRate = 0.35;
    private const double TrueMidpoint = 2012;

    /// <summary>Standard deviation of the noise added to the observations: 2% of the ceiling.</summary>
    private const double NoiseSd = 20;

    /// <summary>Without noise the data pin the parameters exactly; what remains is the optimiser's stopping rule.</summary>
    private const double NoiseFreeRateTolerance = 1e-3;
    private const double NoiseFreeMidpointTolerance = 1e-2;

    /// <summary>
    /// With 25 yearly observations and noise of 2% of the ceiling, least-squares theory (the inverse Fisher
    /// information at the truth) gives standard errors of about 0.007 for the rate and 0.1 year for the
    /// midpoint; the tolerances are five of those.
    /// </summary>
    private const double NoisyRateTolerance = 0.035;
    private const double NoisyMidpointTolerance = 0.5;

    private static readonly ParameterRange[] Ranges =
    [
        new("rate", 0.05, 1.0),
        new("midpoint", 1995, 2025),
        new("unused", 0, 10),
    ];

    private static Observation[] Observe(double noiseSd, int seed)
    {
        var random = new Xoshiro256StarStar(seed, false);
        return Enumerable.Range(2000, 25)
            .Select(year => new Observation(year, "members",
                TestFunctions.Logistic(year, TrueRate, TrueMidpoint, Ceiling) + (noiseSd > 0 ? Normal.Sample(random, 0, noiseSd) : 0), 1.0))
            .ToArray();
    }

    /// <summary>The "model": a logistic curve in rate and midpoint; the third parameter is ignored.</summary>
    private static readonly ISimulatedMeasures Logistic = SimulatedMeasures.PointByPoint((p, observations) =>
        observations.Select(o => TestFunctions.Logistic(o.Year, p[0], p[1], Ceiling)).ToArray());

    /// <summary>
    /// The logistic "model"'s randomness for a bootstrap: synthetic data are the curve at the point plus independent
    /// normal noise of <paramref name="noiseSd"/> (the noise the observations were made with); it has no Monte Carlo
    /// error, so every refit uses the curve itself.
    /// </summary>
    private sealed class NoisyCurve(ISimulatedMeasures curve, double noiseSd) : IBootstrapModel
    {
        public IReadOnlyList<double[]> SyntheticData(double[] point, int count, IReadOnlyList<Observation> observations)
        {
            var random = new Xoshiro256StarStar(77, false);
            var mean = curve.Simulate([point], observations)[0];
            return Enumerable.Range(0, count).Select(_ => mean.Select(m => m + (noiseSd > 0 ? Normal.Sample(random, 0, noiseSd) : 0)).ToArray()).ToArray();
        }

        public ISimulatedMeasures RefitSimulator(int refit, IReadOnlyList<Observation> data) => curve;
    }

    private static CalibrationFit FitLogistic(double noiseSd, CalibrationOptions options) =>
        Calibrator.Fit(Ranges, Observe(noiseSd, 1), Logistic, options, new NoisyCurve(Logistic, noiseSd));

    private static FitRow Row(CalibrationFit fit, string parameter) => fit.Rows.Single(r => r.Parameter == parameter);

    [Fact]
    public void Calibration_recovers_the_parameters_of_a_noise_free_logistic_curve()
    {
        var fit = FitLogistic(0, new CalibrationOptions(Seed: 5));

        Assert.Equal(TrueRate, Row(fit, "rate").Value, NoiseFreeRateTolerance);
        Assert.Equal(TrueMidpoint, Row(fit, "midpoint").Value, NoiseFreeMidpointTolerance);
        Assert.True(Row(fit, "rate").Identified);
        Assert.True(Row(fit, "midpoint").Identified);
    }

    [Fact]
    public void Calibration_recovers_the_parameters_of_a_noisy_logistic_curve_within_its_interval()
    {
        var fit = FitLogistic(NoiseSd, new CalibrationOptions(Seed: 5));

        var rate = Row(fit, "rate");
        var midpoint = Row(fit, "midpoint");
        Assert.Equal(TrueRate, rate.Value, NoisyRateTolerance);
        Assert.Equal(TrueMidpoint, midpoint.Value, NoisyMidpointTolerance);
        Assert.True(rate.Identified && midpoint.Identified);
        Assert.InRange(TrueRate, rate.Low, rate.High);
        Assert.InRange(TrueMidpoint, midpoint.Low, midpoint.High);
        Assert.InRange(rate.Value, rate.Low, rate.High);
    }

    [Theory]
    [InlineData(0.0)] // noise-free
    [InlineData(NoiseSd)] // noisy
    public void A_parameter_the_distance_does_not_depend_on_is_reported_as_not_identified(double noiseSd)
    {
        var fit = FitLogistic(noiseSd, new CalibrationOptions(Seed: 5));

        var unused = Row(fit, "unused");
        Assert.False(unused.Identified);
        Assert.Equal(0, unused.Low);
        Assert.Equal(10, unused.High);
    }

    /// <summary>
    /// Interval ends are bisected to 1/1024 of a grid step (here 0.024 for the intercept and 0.0024 for the
    /// slope); half of one percent of the textbook half-widths (about 8 and 1.1) is well above that.
    /// </summary>
    private const double IntervalRelativeTolerance = 0.005;

    [Fact]
    public void Profile_intervals_of_a_linear_model_match_the_textbook_confidence_intervals()
    {
        // y = a + b (t - 2012) over 2000..2024: centred, so the two estimates are uncorrelated and slice and
        // profile intervals both equal θ̂ ± sqrt(χ²₁(0.95) s² / Σx²), with s² = D_min / (n - k) and Σx² = n for a,
        // Σ(t - 2012)² for b (Bates and Watts 1988, ch. 6, in the large-sample form).
        ParameterRange[] ranges = [new("a", 0, 1000), new("b", 0, 100)];
        var random = new Xoshiro256StarStar(12, false);
        var years = Enumerable.Range(2000, 25).ToArray();
        var observations = years.Select(t => new Observation(t, "members", 500 + 40 * (t - 2012) + Normal.Sample(random, 0, NoiseSd), 1.0)).ToArray();
        var model = SimulatedMeasures.PointByPoint((p, obs) => obs.Select(o => p[0] + p[1] * (o.Year - 2012)).ToArray());

        var fit = Calibrator.Fit(ranges, observations, model, new CalibrationOptions(Seed: 5, Interval: IntervalMethod.Profile));

        var s2 = fit.Distance / (years.Length - 2);
        var halfWidths = new[]
        {
            Math.Sqrt(CalibrationOptions.ChiSquare95 * s2 / years.Length),
            Math.Sqrt(CalibrationOptions.ChiSquare95 * s2 / years.Sum(t => (t - 2012.0) * (t - 2012.0))),
        };
        for (var i = 0; i < 2; i++)
        {
            var row = fit.Rows[i];
            Assert.Equal(row.Value - halfWidths[i], row.Low, IntervalRelativeTolerance * halfWidths[i]);
            Assert.Equal(row.Value + halfWidths[i], row.High, IntervalRelativeTolerance * halfWidths[i]);
        }
    }

    [Fact]
    public void Reoptimised_profiles_report_two_parameters_that_trade_off_as_not_identified()
    {
        // The curve depends on a and b only through a·b, so neither is identified on its own. A slice through
        // the fit cannot see this (each looks sharp); re-fitting the others along the profile does.
        ParameterRange[] ranges = [new("a", 0.5, 2), new("b", 0.5, 2), new("midpoint", 1995, 2025)];
        var model = SimulatedMeasures.PointByPoint((p, observations) =>
            observations.Select(o => TestFunctions.Logistic(o.Year, TrueRate * p[0] * p[1], p[2], Ceiling)).ToArray());
        var observations = Observe(NoiseSd, 2);

        var slice = Calibrator.Fit(ranges, observations, model, new CalibrationOptions(Seed: 5, Interval: IntervalMethod.Profile));
        var profile = Calibrator.Fit(ranges, observations, model,
            new CalibrationOptions(Seed: 5, ProfilePoints: 21, Profile: ProfileMethod.Reoptimised, Interval: IntervalMethod.Profile));

        Assert.True(slice.Rows[0].Identified && slice.Rows[1].Identified);
        Assert.False(profile.Rows[0].Identified);
        Assert.False(profile.Rows[1].Identified);
        Assert.True(profile.Rows[2].Identified);
    }

    [Fact]
    public void The_fit_is_at_least_as_good_as_every_start_and_reports_them_all()
    {
        var options = new CalibrationOptions(Seed: 9, Starts: 4, Interval: IntervalMethod.Profile);

        var fit = Calibrator.Fit(Ranges, Observe(NoiseSd, 1), Logistic, options);

        Assert.Equal(4, fit.Starts.Count);
        Assert.All(fit.Starts, s => Assert.True(fit.Distance <= s.Distance, $"the fit's distance {fit.Distance} is above a start's {s.Distance}"));
        Assert.Equal(fit.Distance, CalibrationObjective.Distance(Observe(NoiseSd, 1),
            Observe(0, 1).Select(o => TestFunctions.Logistic(o.Year, fit.Best[0], fit.Best[1], Ceiling)).ToArray()));
    }

    [Fact]
    public void The_same_seed_gives_an_identical_fit()
    {
        var options = new CalibrationOptions(Seed: 3, Starts: 3);

        var first = FitLogistic(NoiseSd, options);
        var again = FitLogistic(NoiseSd, options);

        Assert.Equal(first.Rows, again.Rows);
        Assert.Equal(first.Distance, again.Distance);
        Assert.Equal(first.Bootstrap!.Refits.Select(r => r.Values), again.Bootstrap!.Refits.Select(r => r.Values));
    }

    [Fact]
    public void Start_simplices_are_simulated_in_one_batch_and_no_point_twice()
    {
        var batches = new List<int>();
        var seen = new HashSet<string>();
        var model = SimulatedMeasures.From((points, observations) =>
        {
            batches.Add(points.Count);
            foreach (var p in points)
            {
                Assert.True(seen.Add(string.Join(",", p.Select(x => x.ToString("R")))), "a point was simulated twice");
            }
            return points.Select(p => observations.Select(o => TestFunctions.Logistic(o.Year, p[0], p[1], Ceiling)).ToArray()).ToArray();
        });

        var fit = Calibrator.Fit(Ranges, Observe(NoiseSd, 1), model, new CalibrationOptions(Seed: 5, Starts: 4, Interval: IntervalMethod.Profile));

        Assert.Equal(4 * (3 + 1), batches[0]);
        Assert.Equal(fit.SimulatedPoints, batches.Sum());
    }

    [Fact]
    public void Bootstrap_intervals_without_a_model_of_the_data_are_an_error_before_anything_runs()
    {
        var simulated = false;
        var model = SimulatedMeasures.PointByPoint((_, obs) =>
        {
            simulated = true;
            return new double[obs.Count];
        });

        var error = Assert.Throws<ArgumentException>(() => Calibrator.Fit(Ranges, Observe(NoiseSd, 1), model, new CalibrationOptions(Seed: 1)));

        Assert.False(simulated);
        Assert.Contains("IntervalMethod.Profile", error.Message);
    }

    /// <summary>Records what the calibrator asks of a bootstrap model; refits may run on several threads at once.</summary>
    private sealed class RecordingBootstrap(int concurrency) : IBootstrapModel
    {
        private readonly NoisyCurve _curve = new(Logistic, NoiseSd);

        public int Concurrency => concurrency;
        public List<(double[] Point, int Count)> DataRequests { get; } = [];
        public System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<Observation>> Refits { get; } = new();

        public IReadOnlyList<double[]> SyntheticData(double[] point, int count, IReadOnlyList<Observation> observations)
        {
            DataRequests.Add((point, count));
            return _curve.SyntheticData(point, count, observations);
        }

        public ISimulatedMeasures RefitSimulator(int refit, IReadOnlyList<Observation> data)
        {
            Assert.True(Refits.TryAdd(refit, data), $"refit {refit} was set up twice");
            return Logistic;
        }
    }

    [Fact]
    public void Each_refit_fits_one_synthetic_data_set_made_at_the_fit_and_the_result_does_not_depend_on_how_many_run_at_once()
    {
        var options = new CalibrationOptions(Seed: 5, BootstrapRefits: 9);
        var one = new RecordingBootstrap(concurrency: 1);
        var four = new RecordingBootstrap(concurrency: 4);

        var fit = Calibrator.Fit(Ranges, Observe(NoiseSd, 1), Logistic, options, one);
        var parallel = Calibrator.Fit(Ranges, Observe(NoiseSd, 1), Logistic, options, four);

        var request = Assert.Single(one.DataRequests);
        Assert.Equal(fit.Best, request.Point);
        Assert.Equal(9, request.Count);
        Assert.Equal(Enumerable.Range(0, 9), one.Refits.Keys.Order());
        Assert.All(fit.Bootstrap!.Refits.Select((r, b) => (r, b)), x =>
            Assert.Equal(x.r.Data, one.Refits[x.b].Select(o => o.Value)));
        Assert.Equal(fit.Rows, parallel.Rows);
        Assert.Equal(fit.Bootstrap.Refits.Select(r => r.Values), parallel.Bootstrap!.Refits.Select(r => r.Values));
    }

    [Fact]
    public void Observations_with_bad_values_are_all_reported_before_anything_runs()
    {
        Observation[] observations = [new(2001, "members", double.NaN, 1), new(2002, "", 5, -1)];
        var simulated = false;
        var model = SimulatedMeasures.PointByPoint((_, obs) =>
        {
            simulated = true;
            return new double[obs.Count];
        });

        var error = Assert.Throws<ArgumentException>(() => Calibrator.Fit(Ranges, observations, model, new CalibrationOptions(Seed: 1)));

        Assert.False(simulated);
        Assert.Contains("observation 1 (members, 2001): value NaN", error.Message);
        Assert.Contains("observation 2 names no measure", error.Message);
        Assert.Contains("weight -1", error.Message);
    }
}
