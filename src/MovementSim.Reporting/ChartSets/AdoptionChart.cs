using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>Why institutions adopted: the share adopted for technical reasons, for legitimacy and under a mandate.</summary>
internal static class AdoptionChart
{
    public static Chart? Build(ResultFolder r, DesignPointSeries p, string focus)
    {
        var modes = new[]
        {
            (MeasureSet.AdoptedTechnical, "for technical reasons (early)", OkabeIto.BluishGreen, "for technical reasons"),
            (MeasureSet.AdoptedLegitimacy, "for legitimacy (later)", OkabeIto.Orange, "for legitimacy"),
            (MeasureSet.AdoptedCoerced, "under a mandate (coerced)", OkabeIto.Vermillion, "under a mandate"),
        }.Where(m => p.Has(m.Item1)).ToList();
        if (modes.Count == 0)
        {
            return null;
        }
        var layers = modes.Select(m => new Layer(m.Item2, m.Item3, p.Means(m.Item1))).ToList();
        var totals = ChartData.Stack(layers.Select(l => l.Values).ToList())[^1].Upper;
        var total = p.Has(MeasureSet.InstitutionsAdopted) ? p.Final(MeasureSet.InstitutionsAdopted).Mean : totals[^1];
        var caption = $"By {Format.Year(p.EndYear)}, {Format.Percent(total)} of institutions had adopted{focus}: " +
                      Describe.List(modes.Select(m => $"{Format.Percent(p.Final(m.Item1).Mean)} {m.Item4}").ToList()) + ".";
        var half = Array.FindIndex(totals, v => v >= 0.5);
        caption += half > 0 ? $" Half of all institutions had adopted by {Format.Year(p.Years[half])}."
            : half == 0 ? " Half or more had adopted from the start."
            : " Adoption never reached half of institutions.";
        if (p.Has(MeasureSet.InstitutionsAdopted))
        {
            caption += TimeCharts.EventSentence(r, p, MeasureSet.InstitutionsAdopted);
        }
        var title = "Why institutions adopted";
        var plot = Draw.Stacked(title, "Institutions that have adopted (% of all)", p.Years, layers, r.Events);
        return new Chart("adoption_by_mode", SectionAdoption, title, caption, plot);
    }
}
