namespace MovementSim.Scenarios;

/// <summary>A scenario's own plausible range of a parameter (a row of its ranges.csv) and where it was written ("file:line").</summary>
public sealed record ScenarioRange(double Min, double Max, string Where);

/// <summary>A scenario's own plausible ranges as read from its ranges.csv: null when it has none or the file has
/// <paramref name="Problems"/> (then the catalog's ranges apply, and the problems are reported).</summary>
public sealed record ScenarioRanges(IReadOnlyDictionary<string, ScenarioRange>? Ranges, IReadOnlyList<ScenarioError> Problems)
{
    public static readonly ScenarioRanges None = new(null, []);
}
