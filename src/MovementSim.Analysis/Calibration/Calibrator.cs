using MovementSim.Batch;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>
/// Fits parameters to observations by minimising <see cref="CalibrationObjective"/> with MathNet's Nelder-Mead
/// simplex from several Latin hypercube starts, traces distance profiles, then reports per-parameter intervals
/// from a parametric bootstrap or from the profiles (<see cref="IntervalMethod"/>).
/// </summary>
public static class Calibrator
{
    /// <summary>
    /// The loosest convergence tolerance a bootstrap refit uses (a looser one of the fit's applies to refits too).
    /// A refit's value needs to be exact only to a small part of the refits' spread: with a stochastic diffusion,
    /// tolerances from 1e-9 to 1e-2 gave the same coverage and interval widths, 1e-9 at twice the cost of 1e-3.
    /// </summary>
    private const double RefitTolerance = 1e-3;

    /// <summary>Rounds of "profile found a lower point, re-fit from there" before accepting the profile minimum.</summary>
    private const int MaxPolishRounds = 3;

    /// <summary>
    /// Fits in the unit box u = (x - Min)/(Max - Min). The simplex moves freely; the objective is evaluated at
    /// the point clamped into the box, plus a penalty (1 + D)·|u - clamp(u)|² outside it. Chosen over a logit
    /// transform because (1) the simulator is only ever run inside the valid ranges, (2) an optimum on a bound is
    /// reached exactly instead of only asymptotically, (3) the map is linear inside the box, so the simplex keeps
    /// its shape and a step means the same fraction of the range everywhere (logit squeezes steps near the
    /// bounds, where Nelder-Mead then stalls); the penalty grows with distance, so the simplex returns inside.
    /// </summary>
    /// <param name="bootstrap">The model's randomness, for <see cref="IntervalMethod.Bootstrap"/> intervals (unused for profile intervals).</param>
    public static CalibrationFit Fit(IReadOnlyList<ParameterRange> parameters, IReadOnlyList<Observation> observations,
        ISimulatedMeasures simulator, CalibrationOptions options, IBootstrapModel? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var objective = new CalibrationObjective(parameters, observations, simulator);
        var k = parameters.Count;
        options.Validate(ObservationChecks.PositiveWeights(observations), k);
        if (options.Interval == IntervalMethod.Bootstrap && bootstrap is null)
        {
            throw new ArgumentException("bootstrap intervals need a model that simulates data sets (an IBootstrapModel); pass one, or choose IntervalMethod.Profile",
                nameof(bootstrap));
        }

        var random = AnalysisRandom.Create(options.Seed, AnalysisStream.Starts);
        var starts = LatinHypercube.Sample(options.Starts, k, random);

        // The first simplex of every start is known in advance: simulate them all in one batch.
        var firstSimplices = new List<double[]>();
        foreach (var start in starts)
        {
            foreach (var vertex in SimplexMinimiser.InitialSimplex(start, SimplexMinimiser.InitialStep))
            {
                firstSimplices.Add(ParameterSpace.FromUnit(parameters, vertex));
            }
        }
        objective.Distances(firstSimplices);

        var outcomes = new List<StartOutcome>();
        Minimum? best = null;
        foreach (var start in starts)
        {
            var m = SimplexMinimiser.MinimiseWithRestarts(u => objective.Distance(ParameterSpace.FromUnit(parameters, u)), start, options);
            outcomes.Add(new StartOutcome(ParameterSpace.FromUnit(parameters, start), ParameterSpace.FromUnit(parameters, m.Point), m.Value, m.Converged));
            if (best is null || m.Value < best.Value)
            {
                best = m;
            }
        }

        var traces = DistanceProfiles.Profiles(objective, best!, options);
        for (var round = 0; round < MaxPolishRounds; round++)
        {
            var (lowest, where) = DistanceProfiles.LowestOnProfiles(traces);
            if (!SimplexMinimiser.IsLower(lowest, best!.Value))
            {
                break;
            }
            // A profile went below the "minimum": Nelder-Mead stopped short. Re-fit from the better point; the
            // run starts by evaluating that point, so the result is never worse than it.
            best = SimplexMinimiser.MinimiseWithRestarts(u => objective.Distance(ParameterSpace.FromUnit(parameters, u)), where, options);
            traces = DistanceProfiles.Profiles(objective, best, options);
        }

        var fitted = ParameterSpace.FromUnit(parameters, best!.Point);
        var threshold = options.ThresholdScale == ThresholdScale.Absolute
            ? options.Threshold
            : options.Threshold * best.Value / (ObservationChecks.PositiveWeights(observations) - k);

        var bounds = ProfileIntervals.Intervals(objective, best, traces, best.Value + threshold, options);
        var profiles = traces.Select((t, i) => new ParameterProfile(parameters[i].Name,
            t.Points.Select(u => parameters[i].FromUnit(u[i])).ToArray(), t.Distances)).ToArray();
        var profileIntervals = bounds.Select((b, i) => (parameters[i].FromUnit(b.Low), parameters[i].FromUnit(b.High))).ToArray();
        var summary = options.Interval == IntervalMethod.Bootstrap
            ? RunBootstrap(parameters, observations, bootstrap!, best, options)
            : null;
        var rows = new List<FitRow>(k);
        for (var i = 0; i < k; i++)
        {
            var (low, high) = profileIntervals[i];
            if (summary is not null)
            {
                // Refits start at the fit, and Nelder-Mead barely moves a parameter the distance does not depend
                // on, so its refitted values cluster there: the percentile interval alone would claim precision
                // for a parameter the data cannot pin down. The profile sees the flat valley; where it is wider,
                // it stands.
                low = Math.Min(low, summary.Percentile[i].Low);
                high = Math.Max(high, summary.Percentile[i].High);
            }
            var identified = high - low <= options.UnidentifiedFraction * parameters[i].Width;
            rows.Add(new FitRow(parameters[i].Name, fitted[i], low, high, identified));
        }
        return new CalibrationFit(rows, best.Value, fitted, threshold, outcomes, profiles, objective.SimulatedPoints, profileIntervals, summary);
    }

    /// <summary>
    /// Parametric bootstrap (Efron and Tibshirani 1993, ch. 6; Davison and Hinkley 1997, ch. 2 and 5): the model
    /// at the fit simulates data sets as the world made the observed one, and each is fitted again exactly as
    /// the observed data were, but with common random numbers of its own. The refitted values then vary for every
    /// reason the fit itself does: the world's randomness, correlated across years as it is in the data (a
    /// cumulative measure carries an early surprise into every later year), and the Monte Carlo error of the
    /// replicate mean the fit was conditioned on. Their central percentile interval is the interval.
    /// Each refit has one start, at the fit, and no restarts: a data set made at the fit has its minimum nearby,
    /// so neither the Latin hypercube that searched the whole box for the observed data's minimum nor the restarts
    /// that escape ridges far from it are repeated (with a stochastic diffusion, restarts changed neither coverage
    /// nor widths but tripled the cost). Refits are independent and run <see cref="IBootstrapModel.Concurrency"/>
    /// at a time; each one's result depends only on its index, so the outcome does not depend on how many.
    /// </summary>
    private static BootstrapSummary RunBootstrap(IReadOnlyList<ParameterRange> parameters, IReadOnlyList<Observation> observations,
        IBootstrapModel model, Minimum best, CalibrationOptions options)
    {
        var n = options.BootstrapRefits;
        var data = model.SyntheticData(ParameterSpace.FromUnit(parameters, best.Point), n, observations)
            ?? throw new InvalidOperationException("the bootstrap model returned no data sets");
        if (data.Count != n)
        {
            throw new InvalidOperationException($"the bootstrap model returned {data.Count} data sets, expected {n}");
        }
        var refits = new BootstrapRefit[n];
        var refitOptions = options with { ConvergenceTolerance = Math.Max(options.ConvergenceTolerance, RefitTolerance) };
        void Refit(int b)
        {
            var values = data[b];
            if (values is null || values.Length != observations.Count || !values.All(double.IsFinite))
            {
                throw new InvalidOperationException($"synthetic data set {b} must hold one finite value per observation ({observations.Count})");
            }
            var synthetic = observations.Select((o, j) => o with { Value = values[j] }).ToArray();
            var objective = new CalibrationObjective(parameters, synthetic, model.RefitSimulator(b, synthetic));
            objective.Distances(SimplexMinimiser.InitialSimplex(best.Point, SimplexMinimiser.InitialStep).Select(u => ParameterSpace.FromUnit(parameters, u)).ToArray());
            var m = SimplexMinimiser.MinimiseWithRestarts(u => objective.Distance(ParameterSpace.FromUnit(parameters, u)), best.Point, refitOptions, maxRestarts: 0);
            refits[b] = new BootstrapRefit((double[])values.Clone(), ParameterSpace.FromUnit(parameters, m.Point), m.Value, m.Converged,
                objective.SimulatedPoints);
        }
        try
        {
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(model.Concurrency, 1, n) }, Refit);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers handle the model's own exceptions (runs failed, a folder locked), not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var percentile = Enumerable.Range(0, parameters.Count)
            .Select(i => Analysis.Bootstrap.OrderStatisticInterval(refits.Select(r => r.Values[i]).ToArray(), CalibrationOptions.BootstrapConfidence))
            .ToArray();
        var atLeastAsFar = refits.Count(r => r.Distance >= best.Value);
        return new BootstrapSummary(refits, percentile, (1.0 + atLeastAsFar) / (n + 1.0));
    }
}
