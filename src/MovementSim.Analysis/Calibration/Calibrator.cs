using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MovementSim.Batch;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>One Nelder-Mead run from one start, in parameter units.</summary>
public sealed record StartOutcome(double[] Start, double[] End, double Distance, bool Converged);

/// <summary>The distance along one parameter's grid (see <see cref="ProfileMethod"/>), for plots and checks.</summary>
public sealed record ParameterProfile(string Parameter, double[] Values, double[] Distances);

/// <summary>
/// A calibration: per-parameter rows, the smallest distance found and where, the profile's distance threshold,
/// every start's outcome and every profile, how many distinct points the fit simulated, each parameter's profile
/// interval (parameter units) and, for bootstrap intervals, the bootstrap (null for profile intervals).
/// </summary>
public sealed record CalibrationFit(
    IReadOnlyList<FitRow> Rows,
    double Distance,
    double[] Best,
    double Threshold,
    IReadOnlyList<StartOutcome> Starts,
    IReadOnlyList<ParameterProfile> Profiles,
    int SimulatedPoints,
    IReadOnlyList<(double Low, double High)> ProfileIntervals,
    BootstrapSummary? Bootstrap);

/// <summary>
/// Fits parameters to observations by minimising <see cref="CalibrationObjective"/> with MathNet's Nelder-Mead
/// simplex from several Latin hypercube starts, traces distance profiles, then reports per-parameter intervals
/// from a parametric bootstrap or from the profiles (<see cref="IntervalMethod"/>).
/// </summary>
public static class Calibrator
{
    /// <summary>Size of the first simplex's edges in the unit box: a tenth of each range explores without leaving it.</summary>
    private const double InitialStep = 0.1;

    /// <summary>Edge size when restarting from a converged point.</summary>
    private const double RestartStep = 0.05;

    /// <summary>
    /// Nelder-Mead stops when its simplex's values agree, which can happen on a ridge far from the minimum;
    /// restarting from the result with a fresh simplex is the standard remedy (fminsearch practice). Two
    /// restarts suffice for the smooth objectives seen so far and bound the cost.
    /// </summary>
    private const int MaxRestarts = 2;

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
            foreach (var vertex in InitialSimplex(start, InitialStep))
            {
                firstSimplices.Add(ParameterSpace.FromUnit(parameters, vertex));
            }
        }
        objective.Distances(firstSimplices);

        var outcomes = new List<StartOutcome>();
        Minimum? best = null;
        foreach (var start in starts)
        {
            var m = MinimiseWithRestarts(u => objective.Distance(ParameterSpace.FromUnit(parameters, u)), start, options);
            outcomes.Add(new StartOutcome(ParameterSpace.FromUnit(parameters, start), ParameterSpace.FromUnit(parameters, m.Point), m.Value, m.Converged));
            if (best is null || m.Value < best.Value)
            {
                best = m;
            }
        }

        var traces = Profiles(objective, best!, options);
        for (var round = 0; round < MaxPolishRounds; round++)
        {
            var (lowest, where) = LowestOnProfiles(traces);
            if (!IsLower(lowest, best!.Value))
            {
                break;
            }
            // A profile went below the "minimum": Nelder-Mead stopped short. Re-fit from the better point; the
            // run starts by evaluating that point, so the result is never worse than it.
            best = MinimiseWithRestarts(u => objective.Distance(ParameterSpace.FromUnit(parameters, u)), where, options);
            traces = Profiles(objective, best, options);
        }

        var fitted = ParameterSpace.FromUnit(parameters, best!.Point);
        var threshold = options.ThresholdScale == ThresholdScale.Absolute
            ? options.Threshold
            : options.Threshold * best.Value / (ObservationChecks.PositiveWeights(observations) - k);

        var bounds = Intervals(objective, best, traces, best.Value + threshold, options);
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
            objective.Distances(InitialSimplex(best.Point, InitialStep).Select(u => ParameterSpace.FromUnit(parameters, u)).ToArray());
            var m = MinimiseWithRestarts(u => objective.Distance(ParameterSpace.FromUnit(parameters, u)), best.Point, refitOptions, maxRestarts: 0);
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

    /// <summary>A minimum in the unit box; <see cref="Converged"/> is false when Nelder-Mead ran out of evaluations.</summary>
    private sealed record Minimum(double[] Point, double Value, bool Converged);

    private static bool IsLower(double candidate, double reference) => candidate < reference - 1e-10 * Math.Abs(reference);

    private static Minimum MinimiseWithRestarts(Func<double[], double> distance, double[] start, CalibrationOptions options, int maxRestarts = MaxRestarts)
    {
        var result = Minimise(distance, start, InitialStep, options);
        for (var restart = 0; restart < maxRestarts; restart++)
        {
            var again = Minimise(distance, result.Point, RestartStep, options);
            var improved = IsLower(again.Value, result.Value);
            if (again.Value <= result.Value)
            {
                result = again;
            }
            if (!improved)
            {
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// One Nelder-Mead run over the unit box (clamp and penalty, see <see cref="Fit"/>). The best clamped point
    /// seen is tracked outside the optimiser, so running out of evaluations still returns the best point found.
    /// </summary>
    private static Minimum Minimise(Func<double[], double> distance, double[] start, double step, CalibrationOptions options)
    {
        var n = start.Length;
        var bestPoint = (double[])start.Clone();
        var bestValue = double.PositiveInfinity;

        // MathNet stops when 2|D_high - D_low| / (|D_high| + |D_low| + 1e-10) < tolerance, which never happens as
        // D -> 0 in a fit that can match the data exactly. Adding the start's distance as a constant changes no
        // simplex move (they only compare values) but makes the rule relative to that distance instead.
        var offset = distance(start);
        double Penalised(Vector<double> v)
        {
            var clamped = new double[n];
            var outside = 0.0;
            for (var i = 0; i < n; i++)
            {
                clamped[i] = Math.Clamp(v[i], 0.0, 1.0);
                var d = v[i] - clamped[i];
                outside += d * d;
            }
            var value = distance(clamped);
            if (value < bestValue)
            {
                bestValue = value;
                bestPoint = clamped;
            }
            return offset + value + (1.0 + value) * outside;
        }

        var perturbation = new double[n];
        for (var i = 0; i < n; i++)
        {
            perturbation[i] = start[i] + step <= 1.0 ? step : -step;
        }
        var converged = true;
        try
        {
            NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Penalised), Vector<double>.Build.DenseOfArray(start),
                Vector<double>.Build.DenseOfArray(perturbation), options.ConvergenceTolerance, options.MaxEvaluationsPerRun);
        }
        catch (MaximumIterationsException)
        {
            converged = false;
        }
        return new Minimum(bestPoint, bestValue, converged);
    }

    /// <summary>The vertices MathNet's Nelder-Mead builds from a start and a perturbation: start, then start + step·e_i.</summary>
    private static IEnumerable<double[]> InitialSimplex(double[] start, double step)
    {
        yield return start;
        for (var i = 0; i < start.Length; i++)
        {
            var vertex = (double[])start.Clone();
            vertex[i] += start[i] + step <= 1.0 ? step : -step;
            yield return vertex;
        }
    }

    /// <summary>Grid for one parameter in unit coordinates: equally spaced, plus the fitted value itself.</summary>
    private static double[] Grid(int points, double fitted)
    {
        var grid = new SortedSet<double> { fitted };
        for (var j = 0; j < points; j++)
        {
            grid.Add(j / (double)(points - 1));
        }
        return grid.ToArray();
    }

    /// <summary>One parameter's profile: the unit-box point behind every grid value (the grid coordinate plus the others, fixed or re-fitted) and its distance.</summary>
    private sealed record ProfileTrace(double[][] Points, double[] Distances);

    private static ProfileTrace[] Profiles(CalibrationObjective objective, Minimum best, CalibrationOptions options)
    {
        var parameters = objective.Parameters;
        var k = parameters.Count;
        var traces = new ProfileTrace[k];
        if (options.Profile == ProfileMethod.Slice || k == 1)
        {
            // Every slice point of every parameter in one batch.
            var unitPoints = new double[k][][];
            var batch = new List<double[]>();
            for (var i = 0; i < k; i++)
            {
                var grid = Grid(options.ProfilePoints, best.Point[i]);
                unitPoints[i] = new double[grid.Length][];
                for (var g = 0; g < grid.Length; g++)
                {
                    var u = (double[])best.Point.Clone();
                    u[i] = grid[g];
                    unitPoints[i][g] = u;
                    batch.Add(ParameterSpace.FromUnit(parameters, u));
                }
            }
            var all = objective.Distances(batch);
            var at = 0;
            for (var i = 0; i < k; i++)
            {
                traces[i] = new ProfileTrace(unitPoints[i], all.AsSpan(at, unitPoints[i].Length).ToArray());
                at += unitPoints[i].Length;
            }
        }
        else
        {
            for (var i = 0; i < k; i++)
            {
                traces[i] = ReoptimisedProfile(objective, best, i, Grid(options.ProfilePoints, best.Point[i]), options);
            }
        }
        return traces;
    }

    /// <summary>
    /// Profile of parameter i: at each grid value the other parameters are re-fitted, walking outwards from the
    /// fit in both directions and warm-starting each fit from its neighbour's solution (profile tracing), so
    /// the path follows a valley instead of jumping between minima.
    /// </summary>
    private static ProfileTrace ReoptimisedProfile(CalibrationObjective objective, Minimum best, int i, double[] grid, CalibrationOptions options)
    {
        var points = new double[grid.Length][];
        var distances = new double[grid.Length];
        var centre = Array.IndexOf(grid, best.Point[i]);
        points[centre] = best.Point;
        distances[centre] = best.Value;
        foreach (var direction in new[] { 1, -1 })
        {
            var warm = best.Point;
            for (var g = centre + direction; g >= 0 && g < grid.Length; g += direction)
            {
                var m = FitOthers(objective, i, grid[g], warm, options);
                points[g] = m.Point;
                distances[g] = m.Value;
                warm = m.Point;
            }
        }
        return new ProfileTrace(points, distances);
    }

    /// <summary>
    /// Minimises over every parameter but <paramref name="i"/>, which is held at <paramref name="fixedValue"/>
    /// (unit coordinates), starting the others from <paramref name="warm"/>; returns the full unit point.
    /// </summary>
    private static Minimum FitOthers(CalibrationObjective objective, int i, double fixedValue, double[] warm, CalibrationOptions options)
    {
        var k = warm.Length;
        double[] Join(double[] free)
        {
            var u = new double[k];
            for (int j = 0, f = 0; j < k; j++)
            {
                u[j] = j == i ? fixedValue : free[f++];
            }
            return u;
        }
        var start = warm.Where((_, j) => j != i).ToArray();
        var m = MinimiseWithRestarts(free => objective.Distance(ParameterSpace.FromUnit(objective.Parameters, Join(free))), start, options);
        return m with { Point = Join(m.Point) };
    }

    private static (double Value, double[] Point) LowestOnProfiles(ProfileTrace[] traces)
    {
        var lowest = double.PositiveInfinity;
        var where = traces[0].Points[0];
        foreach (var trace in traces)
        {
            for (var g = 0; g < trace.Distances.Length; g++)
            {
                if (trace.Distances[g] < lowest)
                {
                    lowest = trace.Distances[g];
                    where = trace.Points[g];
                }
            }
        }
        return (lowest, where);
    }

    /// <summary>
    /// Bisection steps that place each interval end between its last grid point inside the cut-off and the first
    /// outside: 10 steps narrow the bracket to 1/1024 of a grid step. Interpolating straight between grid points
    /// instead would put the end far too close to the fit, since a profile curves up like a parabola and lies
    /// below its chord: false precision.
    /// </summary>
    private const int RefinementSteps = 10;

    /// <summary>
    /// Each parameter's interval, in unit coordinates: the span of profile points whose distance is within the
    /// cut-off, from the lowest to the highest such value (so a second, distant valley widens the interval rather
    /// than being ignored; a valley narrower than the grid step can still be missed), each end refined by
    /// bisection towards the neighbouring grid point outside. Refinement points join the traces. Slice
    /// refinements of all parameters share one batch per step.
    /// </summary>
    private static (double Low, double High)[] Intervals(CalibrationObjective objective, Minimum best, ProfileTrace[] traces,
        double cutoff, CalibrationOptions options)
    {
        var k = traces.Length;
        var bounds = new (double Low, double High)[k];
        var brackets = new List<Bracket>();
        for (var i = 0; i < k; i++)
        {
            var d = traces[i].Distances;
            var first = Array.FindIndex(d, x => x <= cutoff);
            var last = Array.FindLastIndex(d, x => x <= cutoff);
            bounds[i] = (traces[i].Points[first][i], traces[i].Points[last][i]);
            if (first > 0)
            {
                brackets.Add(new Bracket(i, false, traces[i].Points[first], d[first], traces[i].Points[first - 1], d[first - 1]));
            }
            if (last < d.Length - 1)
            {
                brackets.Add(new Bracket(i, true, traces[i].Points[last], d[last], traces[i].Points[last + 1], d[last + 1]));
            }
        }

        var reoptimise = options.Profile == ProfileMethod.Reoptimised && k > 1;
        var added = Enumerable.Range(0, k).Select(_ => new List<(double[] Point, double Distance)>()).ToArray();
        for (var step = 0; step < RefinementSteps && brackets.Count > 0; step++)
        {
            var midpoints = new double[brackets.Count][];
            var distances = new double[brackets.Count];
            if (reoptimise)
            {
                for (var b = 0; b < brackets.Count; b++)
                {
                    var m = FitOthers(objective, brackets[b].Parameter, Mid(brackets[b]), brackets[b].Inside, options);
                    midpoints[b] = m.Point;
                    distances[b] = m.Value;
                }
            }
            else
            {
                for (var b = 0; b < brackets.Count; b++)
                {
                    midpoints[b] = (double[])best.Point.Clone();
                    midpoints[b][brackets[b].Parameter] = Mid(brackets[b]);
                }
                distances = objective.Distances(midpoints.Select(u => ParameterSpace.FromUnit(objective.Parameters, u)).ToArray());
            }
            for (var b = 0; b < brackets.Count; b++)
            {
                added[brackets[b].Parameter].Add((midpoints[b], distances[b]));
                brackets[b] = distances[b] <= cutoff
                    ? brackets[b] with { Inside = midpoints[b], InsideDistance = distances[b] }
                    : brackets[b] with { Outside = midpoints[b], OutsideDistance = distances[b] };
            }
        }

        foreach (var bracket in brackets)
        {
            var i = bracket.Parameter;
            var end = Crossing(bracket.Inside[i], bracket.InsideDistance, bracket.Outside[i], bracket.OutsideDistance, cutoff);
            bounds[i] = bracket.Upper ? (bounds[i].Low, end) : (end, bounds[i].High);
        }
        for (var i = 0; i < k; i++)
        {
            if (added[i].Count > 0)
            {
                var parameter = i;
                var merged = traces[i].Points.Select((u, g) => (Point: u, Distance: traces[parameter].Distances[g]))
                    .Concat(added[i]).OrderBy(x => x.Point[parameter]).ToArray();
                traces[i] = new ProfileTrace(merged.Select(x => x.Point).ToArray(), merged.Select(x => x.Distance).ToArray());
            }
        }
        return bounds;
    }

    /// <summary>An interval end being located: the parameter, which end, and the closest points inside and outside the cut-off.</summary>
    private sealed record Bracket(int Parameter, bool Upper, double[] Inside, double InsideDistance, double[] Outside, double OutsideDistance);

    private static double Mid(Bracket b) => 0.5 * (b.Inside[b.Parameter] + b.Outside[b.Parameter]);

    /// <summary>Where the straight line between two close points crosses the cut-off (the last bisection bracket).</summary>
    private static double Crossing(double inside, double dInside, double outside, double dOutside, double cutoff)
    {
        var t = (cutoff - dInside) / (dOutside - dInside);
        return inside + Math.Clamp(t, 0.0, 1.0) * (outside - inside);
    }
}
