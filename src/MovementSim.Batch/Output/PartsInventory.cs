using System.Globalization;

namespace MovementSim.Batch;

/// <summary>
/// What a resumed batch finds in <c>.parts/</c>: the runs whose parts verify (<see cref="PartFiles.Verify"/>), kept, and
/// the problems of those that do not, whose files are deleted so that the runs are executed again.
/// </summary>
public sealed record PartsInventory(IReadOnlySet<int> Finished, IReadOnlyList<string> Repaired)
{
    /// <param name="expectedRows">The timeseries rows of a run, from the plan (<see cref="ExpectedRows"/>).</param>
    public static PartsInventory Take(string parts, IEnumerable<RunSpec> runs, Func<RunSpec, int> expectedRows)
    {
        var finished = new HashSet<int>();
        var repaired = new List<string>();
        foreach (var run in runs)
        {
            var state = PartFiles.Verify(parts, run.RunId, expectedRows(run));
            if (state.IsFinished)
            {
                finished.Add(run.RunId);
                continue;
            }
            if (state.Status == PartStatus.Damaged)
            {
                repaired.Add(string.Create(CultureInfo.InvariantCulture, $"run {run.RunId}: {state.Problem}"));
            }
            if (state.Status != PartStatus.Missing)
            {
                PartFiles.Delete(parts, run.RunId);
            }
        }
        return new PartsInventory(finished, repaired);
    }
}
