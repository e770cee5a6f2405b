using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>The page's table of parameters: each as <c>describe</c> shows it, with its value now, the unchanged value,
/// and whether it differs from the unchanged scenario or was typed on the page; and the loader's messages about values
/// typed there.</summary>
internal static class ParameterRows
{
    /// <param name="unchanged">The baseline: the scenario as it was when explore started, or as made the baseline since.</param>
    /// <param name="basis">A valid load of the scenario: with the page's changes applied when <paramref name="applied"/>;
    /// else the page's values are shown as typed over it (the scenario with them does not load).</param>
    /// <param name="ranges">The scenario's own plausible ranges (its ranges.csv), null where it has none.</param>
    public static IReadOnlyList<ParameterRow> Of(ScenarioLoadResult unchanged, ScenarioLoadResult basis, IReadOnlyDictionary<string, ScenarioRange>? ranges,
        List<(string Name, string Value)> changes, bool applied)
    {
        var unchangedParameters = unchanged.Scenario!.Parameters;
        var now = ScenarioDescriber.Parameters(basis, ranges).ToDictionary(p => p.Name);
        var before = ScenarioDescriber.Parameters(unchanged).ToDictionary(p => p.Name);
        return ParameterCatalog.All.Select(spec =>
        {
            var d = now[spec.Name];
            var typed = changes.FirstOrDefault(c => c.Name == spec.Name).Value;
            var (value, parsed) = typed is null || applied
                ? (d.Value, spec.Get(basis.Scenario!.Parameters))
                : (typed, spec.TryParse(typed, out var v, out _) ? v : double.NaN);
            var setBy = typed is not null || d.SetBy == ScenarioError.OverrideSource ? ExploreSession.PageSource : d.SetBy;
            return new ParameterRow(spec.Name, value, before[spec.Name].Value, d.Default, KindName(spec.Kind), spec.Min, spec.Max, spec.Choices,
                spec.Unit, spec.Meaning, spec.Source, spec.RangeText, parsed != spec.Get(unchangedParameters), typed is not null, setBy,
                d.Plausible, d.PlausibleSource);
        }).ToList();
    }

    /// <summary>The loader's message, with the page named where it would say --set (and the parameter, which --set's
    /// position would otherwise give).</summary>
    public static Func<ScenarioError, string> ErrorText(List<(string Name, string Value)> changes) => e =>
        e.File == ScenarioError.OverrideSource && e.Column >= 1 && e.Column <= changes.Count
            ? $"{ExploreSession.PageSource} ({changes[e.Column - 1].Name}): {e.Message}"
            : e.ToString();

    private static string KindName(ParameterKind kind) => kind switch
    {
        ParameterKind.Integer => "integer",
        ParameterKind.Choice => "choice",
        _ => "real",
    };
}
