using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>Why institutions adopted: the share adopted for technical reasons, for legitimacy and under a mandate.</summary>
internal static class AdoptionChart
{
    /// <summary>The reasons for adopting: measure, legend label, colour, and the words a caption uses.</summary>
    public static readonly IReadOnlyList<(string Measure, string Label, Color Colour, string Words)> Modes =
    [
        (MeasureSet.AdoptedTechnical, "for technical reasons (early)", OkabeIto.BluishGreen, "for technical reasons"),
        (MeasureSet.AdoptedLegitimacy, "for legitimacy (later)", OkabeIto.Orange, "for legitimacy"),
        (MeasureSet.AdoptedCoerced, "under a mandate (coerced)", OkabeIto.Vermillion, "under a mandate"),
    ];

    public static Chart? Build(ResultFolder r, DesignPointSeries p, string focus)
    {
        var modes = Modes.Where(m => p.Has(m.Measure)).ToList();
        if (modes.Count == 0)
        {
            return null;
        }
        var layers = modes.Select(m => new Layer(m.Label, m.Colour, p.Means(m.Measure))).ToList();
        var totals = ChartData.Stack(layers.Select(l => l.Values).ToList())[^1].Upper;
        var total = p.Has(MeasureSet.InstitutionsAdopted) ? p.Final(MeasureSet.InstitutionsAdopted).Mean : totals[^1];
        var caption = $"By {Format.Year(p.EndYear)}, {Format.Percent(total)} of institutions had adopted{focus}: " +
                      Describe.List(modes.Select(m => $"{Format.Percent(p.Final(m.Measure).Mean)} {m.Words}").ToList()) + ".";
        var half = Array.FindIndex(totals, v => v >= 0.5);
        caption += half > 0 ? $" Half of all institutions had adopted by {Format.Year(p.Years[half])}."
            : half == 0 ? " Half or more had adopted from the start."
            : " Adoption never reached half of institutions.";
        if (p.Has(MeasureSet.InstitutionsAdopted))
        {
            caption += TimeCharts.EventSentence(r, p, MeasureSet.InstitutionsAdopted);
        }
        var t = ChartTitles.Adoption;
        var plot = Draw.Stacked(t.Title, t.YLabel, p.Years, layers, r.Events);
        return new Chart(t.Name, SectionAdoption, t.Title, caption, plot);
    }
}
