using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>
/// The model as calibration sees it. For every point (parameter units, in the order of the calibration's
/// parameter list) return, for every observation in order, the replicate mean of the simulated measure at that
/// observation's year. The implementation must use common random numbers (the same replicate seeds for every
/// point), so that the same point always gives the same values: the optimiser relies on a deterministic
/// objective. Points come in batches where the algorithm allows it, for the batch runner to spread.
/// </summary>
public interface ISimulatedMeasures
{
    IReadOnlyList<double[]> Simulate(IReadOnlyList<double[]> points, IReadOnlyList<Observation> observations);
}

public static class SimulatedMeasures
{
    /// <summary>Wraps a delegate that simulates a whole batch.</summary>
    public static ISimulatedMeasures From(Func<IReadOnlyList<double[]>, IReadOnlyList<Observation>, IReadOnlyList<double[]>> simulate) =>
        new Batch(simulate ?? throw new ArgumentNullException(nameof(simulate)));

    /// <summary>Wraps a function of one point, called point by point (analytic models, tests).</summary>
    public static ISimulatedMeasures PointByPoint(Func<double[], IReadOnlyList<Observation>, double[]> simulate)
    {
        ArgumentNullException.ThrowIfNull(simulate);
        return new Batch((points, observations) => points.Select(p => simulate(p, observations)).ToArray());
    }

    private sealed class Batch(Func<IReadOnlyList<double[]>, IReadOnlyList<Observation>, IReadOnlyList<double[]>> simulate) : ISimulatedMeasures
    {
        public IReadOnlyList<double[]> Simulate(IReadOnlyList<double[]> points, IReadOnlyList<Observation> observations) =>
            simulate(points, observations);
    }
}
