using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Tests.Batch;

/// <summary>
/// Stands in for the simulation: reports Steps+1 rows whose every measure is <see cref="Value"/> of
/// (seed, step), and throws for the runs <see cref="Fails"/> picks. Counts the runs it executed.
/// </summary>
public sealed class FakeExecutor : IRunExecutor
{
    private int _executed;

    public Func<int, int, double> Value { get; init; } = (seed, step) => seed % 1000 + step / 100.0;

    public Func<ScenarioDefinition, int, bool> Fails { get; init; } = (_, _) => false;

    /// <summary>The message of a failing run's exception, from its seed.</summary>
    public Func<int, string> FailureMessage { get; init; } = seed => $"injected failure\nfor seed {seed}";

    /// <summary>Called before each run (from worker threads).</summary>
    public Action<int>? BeforeRun { get; init; }

    public int Executed => _executed;

    public void Execute(ScenarioDefinition scenario, int seed, MeasureObserver observer)
    {
        var n = Interlocked.Increment(ref _executed);
        BeforeRun?.Invoke(n);
        var measures = new MeasureSet(scenario).Count;
        var values = new double[measures];
        var p = scenario.Parameters;
        for (var step = 0; step <= p.Steps; step++)
        {
            if (step == p.Steps / 2 && Fails(scenario, seed))
            {
                throw new InvalidOperationException(FailureMessage(seed));
            }
            Array.Fill(values, Value(seed, step));
            observer(step, p.StartYear + step * p.DtYears, values);
        }
    }
}
