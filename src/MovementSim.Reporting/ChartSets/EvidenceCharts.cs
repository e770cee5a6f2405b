using MovementSim.Core;
using MovementSim.Reporting.Charts;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>
/// The model against the record for every observed measure that has no time chart of its own (counts of people,
/// shares of a form, ...): the runs' mean and 5–95% band over time with the observed values as diamonds.
/// </summary>
internal static class EvidenceCharts
{
    public static IEnumerable<Chart> Build(DesignPointSeries p, Evidence? evidence, IReadOnlyList<ScheduledEvent> events)
    {
        if (evidence is null)
        {
            yield break;
        }
        var measures = evidence.MeasuresCompared.Where(m => !TimeChartMeasures.Contains(m));
        foreach (var measure in measures)
        {
            var observed = evidence.PointsOf(measure)!;
            var percent = Format.IsShare(measure);
            var name = Format.NameOf(measure);
            var title = $"{Format.Capital(evidence.Label)} and the model: {name}";
            var caption = $"The mean of the runs of {name} over time, with the 5–95% band of the runs." + TimeCharts.ObservedSentence(observed, p, measure);
            var yLabel = Format.Capital(name) + (percent ? " (%)" : MeasureSet.IsCount(measure) ? " (people)" : "");
            var simulated = new TimeLine("model (mean of the runs)", OkabeIto.Blue, p.Years, p.Get(measure));
            yield return new Chart("evidence_" + FileName(measure), SectionEvidence, title, caption,
                Draw.OverTime(title, yLabel, percent, [simulated], events, observed));
        }
    }
}
