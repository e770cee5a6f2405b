using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>Sensitivity indices (indices.csv), one chart per family of indices.</summary>
internal static class SensitivityCharts
{
    public static IEnumerable<Chart> Build(ResultFolder r)
    {
        if (r.Indices is not { Count: > 0 } indices)
        {
            yield break;
        }
        foreach (var family in Sensitivity.Families(indices))
        {
            var title = family.Title.Replace("the outcome", Sensitivity.OutcomeName(r), StringComparison.Ordinal);
            var plot = Draw.Sensitivity(title, family.AxisLabel, family.Parameters,
                family.Indices.Select((ix, k) => (ix.Name, k == 0 ? OkabeIto.Blue : OkabeIto.Orange, ix.Values, ix.Low, ix.High)).ToList());
            yield return new Chart("sensitivity_" + family.Key, SectionSensitivity, title, Sensitivity.Sentence(family, r), plot);
        }
    }
}
