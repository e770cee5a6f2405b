namespace MovementSim.Batch;

/// <summary>The timeseries rows each run of a batch must have by its plan: its design point's steps + 1 (steps 0 to steps).</summary>
public sealed class ExpectedRows(BatchRequest request)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _byDesignPoint = new();

    public int Of(RunSpec run) => _byDesignPoint.GetOrAdd(run.DesignPoint,
        dp => request.Design.ParametersOf(dp, request.Scenario.Parameters).Steps + 1);
}
