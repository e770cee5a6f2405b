using System.Globalization;
using MovementSim.Analysis.Model;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary>
/// A scenario's own plausible ranges (its ranges.csv) as <c>describe</c> and <c>explore</c> show them: each parameter's
/// range with the file and line that set it. Reading the file belongs to the analysis layer, which explore does not
/// reference, so the command line reads it and hands explore the result.
/// </summary>
public static class ScenarioRangesFile
{
    /// <summary>The rows of a read ranges file, by parameter name.</summary>
    private static IReadOnlyDictionary<string, ScenarioRange> Of(RangesFileResult file) =>
        file.Ranges.ToDictionary(r => r.Key,
            r => new ScenarioRange(r.Value.Min, r.Value.Max, string.Create(CultureInfo.InvariantCulture, $"{r.Value.Where.File}:{r.Value.Where.Line}")));

    /// <summary>
    /// The scenario's ranges as explore shows them at each rerun (the file may have been saved since): none when the
    /// scenario has no ranges.csv; when the file has problems, the problems (at file:line:column) and no ranges, so that
    /// the page shows the catalog's ranges and says why.
    /// </summary>
    public static ScenarioRanges Read(ScenarioLoadResult loaded) => PlausibleRanges.LoadScenarioFile(loaded) switch
    {
        null => ScenarioRanges.None,
        { IsValid: true } file => new ScenarioRanges(Of(file), []),
        var file => new ScenarioRanges(null, file.Errors),
    };
}
