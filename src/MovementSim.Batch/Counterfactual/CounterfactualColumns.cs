using MovementSim.Core;

namespace MovementSim.Batch;

/// <summary>
/// The columns a batch run with its counterfactual adds to timeseries.csv (and so to runs.csv as final_..., and to
/// summary.csv as measures): for each compared measure m, <c>m_counterfactual</c> (the same world with institutions
/// unable to take the innovation up, same seed) and <c>m_difference</c> (take-up minus counterfactual, run by run). The
/// report reads these names, so writer and reader agree on them here.
/// </summary>
public static class CounterfactualColumns
{
    public const string CounterfactualSuffix = "_counterfactual";
    public const string DifferenceSuffix = "_difference";

    /// <summary>The measures compared with the counterfactual: the source's question is about these.</summary>
    public static readonly IReadOnlyList<string> Compared =
        [MeasureSet.Reach, MeasureSet.Fidelity, MeasureSet.NetBenefit, MeasureSet.Lost, MeasureSet.PeopleReached, MeasureSet.PeopleLost];

    public static string Of(string measure) => measure + CounterfactualSuffix;

    public static string DifferenceOf(string measure) => measure + DifferenceSuffix;

    /// <summary>The added columns in order: m_counterfactual, m_difference for each compared measure.</summary>
    public static readonly IReadOnlyList<string> Added = Compared.SelectMany(m => new[] { Of(m), DifferenceOf(m) }).ToArray();

    /// <summary>The counterfactual of a scenario: the same world with <c>institutional_adoption</c> = 0, everything else the same.</summary>
    public static ScenarioDefinition ScenarioOf(ScenarioDefinition scenario) =>
        scenario with { Parameters = scenario.Parameters with { InstitutionalAdoption = 0 } };
}
