using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>What the innovation became: the share of recipients getting each alternative of each component.</summary>
internal static class InnovationCharts
{
    public static IEnumerable<Chart> Build(ResultFolder r, DesignPointSeries p, string focus)
    {
        foreach (var component in r.Components)
        {
            var alts = component.Alternatives.Where(a => p.Has(a.Measure)).ToList();
            if (alts.Count == 0)
            {
                continue;
            }
            // Among the runs with recipients: a run without any reports 0 for every alternative, which would otherwise
            // leave a gap at the top of the stack while only some runs have recipients.
            var shares = ChartData.AmongRunsWithRecipients(alts.Select(a => p.Means(a.Measure)).ToList());
            var layers = alts.Select((a, i) => new Layer(i == 0 ? $"{Text.Words(a.Alternative)} (original)" : Text.Words(a.Alternative),
                OkabeIto.SeriesColor(i), shares[i])).ToList();
            var first = FirstNonEmpty(p, alts.Select(a => a.Measure));
            var name = Text.Words(component.Component);
            var caption = $"In {Format.Year(p.EndYear)}, recipients{focus} got " +
                          Describe.List(alts.Select((a, i) => $"'{Text.Words(a.Alternative)}'{(i == 0 ? " (the original)" : "")} {Format.Percent(p.Final(a.Measure).Mean)}").ToList()) +
                          $" as their {name}";
            if (first >= 0 && first < p.Years.Length - 1)
            {
                caption += $"; in {Format.Year(p.Years[first])}, when it first reached people, the original's share was {Format.Percent(shares[0][first])}";
            }
            caption += ".";
            var t = ChartTitles.Innovation(component.Component);
            yield return new Chart(t.Name, SectionInnovation, t.Title, caption,
                Draw.Stacked(t.Title, t.YLabel, p.Years, layers, r.Events, fixedTopShare: 1));
        }
    }
}
