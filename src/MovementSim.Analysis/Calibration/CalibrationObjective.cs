using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>
/// The calibration distance D(θ) = Σ_o w_o (observed_o - simulated_o(θ))², simulated_o being the replicate
/// mean at observation o's year. Every distinct point is simulated once: results are cached by the exact
/// parameter values, because Nelder-Mead and the profile scans revisit points and a simulated point may cost
/// minutes.
/// </summary>
public sealed class CalibrationObjective
{
    private readonly ISimulatedMeasures _simulator;
    private readonly Dictionary<double[], double> _cache = new(PointComparer.Instance);

    public CalibrationObjective(IReadOnlyList<ParameterRange> parameters, IReadOnlyList<Observation> observations, ISimulatedMeasures simulator)
    {
        ParameterSpace.Validate(parameters);
        ObservationChecks.ValidateAll(observations);
        Parameters = parameters;
        Observations = observations;
        _simulator = simulator ?? throw new ArgumentNullException(nameof(simulator));
    }

    public IReadOnlyList<ParameterRange> Parameters { get; }

    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>Number of distinct points handed to the simulator so far.</summary>
    public int SimulatedPoints => _cache.Count;

    /// <summary>Distances of many points; the ones not seen before go to the simulator in one batch.</summary>
    public double[] Distances(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var missing = new List<double[]>();
        var queued = new HashSet<double[]>(PointComparer.Instance);
        foreach (var p in points)
        {
            CheckPoint(p);
            if (!_cache.ContainsKey(p) && queued.Add(p))
            {
                missing.Add((double[])p.Clone());
            }
        }
        if (missing.Count > 0)
        {
            var simulated = _simulator.Simulate(missing, Observations)
                ?? throw new InvalidOperationException("the simulator returned nothing");
            if (simulated.Count != missing.Count)
            {
                throw new InvalidOperationException($"the simulator returned {simulated.Count} results for {missing.Count} points");
            }
            for (var i = 0; i < missing.Count; i++)
            {
                _cache[missing[i]] = Distance(Observations, simulated[i], missing[i], Parameters);
            }
        }
        var result = new double[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _cache[points[i]];
        }
        return result;
    }

    public double Distance(double[] point) => Distances([point])[0];

    /// <summary>The weighted sum of squared differences between observed and simulated values.</summary>
    public static double Distance(IReadOnlyList<Observation> observations, IReadOnlyList<double> simulated)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(simulated);
        if (simulated.Count != observations.Count)
        {
            throw new ArgumentException($"{simulated.Count} simulated values for {observations.Count} observations", nameof(simulated));
        }
        var sum = 0.0;
        for (var o = 0; o < observations.Count; o++)
        {
            var d = observations[o].Value - simulated[o];
            sum += observations[o].Weight * d * d;
        }
        return sum;
    }

    private static double Distance(IReadOnlyList<Observation> observations, double[]? simulated, double[] point, IReadOnlyList<ParameterRange> parameters)
    {
        if (simulated is null || simulated.Length != observations.Count)
        {
            throw new InvalidOperationException(
                $"the simulator returned {simulated?.Length ?? 0} values at {Describe(point, parameters)}, expected one per observation ({observations.Count})");
        }
        for (var o = 0; o < simulated.Length; o++)
        {
            // A zero-weight observation does not count, but a missing value there still signals a broken run.
            if (!double.IsFinite(simulated[o]))
            {
                throw new InvalidOperationException(
                    $"simulated {observations[o].Measure} in {observations[o].Year} is {simulated[o]} at {Describe(point, parameters)}");
            }
        }
        return Distance(observations, simulated);
    }

    private void CheckPoint(double[] point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Length != Parameters.Count)
        {
            throw new ArgumentException($"point has {point.Length} coordinates for {Parameters.Count} parameters");
        }
        for (var i = 0; i < point.Length; i++)
        {
            var p = Parameters[i];
            if (!(point[i] >= p.Min && point[i] <= p.Max))
            {
                throw new ArgumentOutOfRangeException(nameof(point), point[i], $"{p.Name} must lie in [{p.Min}, {p.Max}]");
            }
        }
    }

    private static string Describe(double[] point, IReadOnlyList<ParameterRange> parameters) =>
        string.Join(", ", parameters.Select((p, i) => FormattableString.Invariant($"{p.Name}={point[i]:R}")));

    /// <summary>Exact, bitwise equality of points: a cache must never merge two different parameter values.</summary>
    private sealed class PointComparer : IEqualityComparer<double[]>
    {
        public static readonly PointComparer Instance = new();

        public bool Equals(double[]? x, double[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }
            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }
            for (var i = 0; i < x.Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(x[i]) != BitConverter.DoubleToInt64Bits(y[i]))
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(double[] point)
        {
            var hash = new HashCode();
            foreach (var x in point)
            {
                hash.Add(BitConverter.DoubleToInt64Bits(x));
            }
            return hash.ToHashCode();
        }
    }
}
