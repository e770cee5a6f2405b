using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>Measures over time: reach (total and by who delivered it), fidelity and net benefit, with the events.</summary>
internal static class TimeCharts
{
    public static Chart ReachChart(ResultFolder r, DesignPointSeries p, IReadOnlyList<DesignPointSeries> shown, int total, DesignPointSeries? reference,
        Evidence? evidence)
    {
        var many = shown.Count > 1;
        var lines = new List<TimeLine>();
        string caption;
        if (!many)
        {
            lines.Add(new TimeLine("total", OkabeIto.Blue, p.Years, p.Get(MeasureSet.Reach)));
            var parts = new List<string>();
            if (p.Has(MeasureSet.ReachMovement))
            {
                lines.Add(new TimeLine("through the movement", OkabeIto.BluishGreen, p.Years, p.Get(MeasureSet.ReachMovement)));
                parts.Add($"{Format.Percent(p.Final(MeasureSet.ReachMovement).Mean)} through the movement");
            }
            if (p.Has(MeasureSet.ReachInstitutional))
            {
                lines.Add(new TimeLine("through institutions", OkabeIto.Vermillion, p.Years, p.Get(MeasureSet.ReachInstitutional)));
                parts.Add($"{Format.Percent(p.Final(MeasureSet.ReachInstitutional).Mean)} through institutions");
            }
            var fin = p.Final(MeasureSet.Reach);
            caption = $"Reach {Describe.Change(p.Initial(MeasureSet.Reach).Mean, fin.Mean, p.StartYear, p.EndYear, Format.Percent, 0.005)} " +
                      $"(5–95% of runs: {Format.Range(fin, Format.Percent)})" + (parts.Count > 0 ? ": " + Describe.List(parts) + "." : ".");
        }
        else
        {
            lines.AddRange(shown.Select((d, i) => new TimeLine(d.Label, OkabeIto.SeriesColor(i), d.Years, d.Get(MeasureSet.Reach), Band: shown.Count <= MaxBands)));
            var ranked = shown.OrderByDescending(d => d.Final(MeasureSet.Reach).Mean).ToList();
            caption = $"Total reach per design point{ShownNote(shown.Count, total)}: by {Format.Year(p.EndYear)} it ranged from " +
                      $"{Format.Percent(ranked[^1].Final(MeasureSet.Reach).Mean)} ({ranked[^1].Label}) to {Format.Percent(ranked[0].Final(MeasureSet.Reach).Mean)} ({ranked[0].Label}).";
        }
        if (reference is not null)
        {
            lines.Add(new TimeLine("movement alone", OkabeIto.Black, reference.Years, reference.Get(MeasureSet.Reach), Band: false, Dashed: true));
            caption += $" The movement alone reached {Format.Percent(reference.Final(MeasureSet.Reach).Mean)} (dashed).";
        }
        caption += EventSentence(r, p, MeasureSet.Reach);
        var observed = evidence?.PointsOf(MeasureSet.Reach);
        caption += ObservedSentence(observed, p, MeasureSet.Reach);
        var t = ChartTitles.Reach;
        var plot = Draw.OverTime(t.Title, t.YLabel, true, lines, r.Events, observed);
        return new Chart(t.Name, SectionTime, t.Title, caption, plot);
    }

    public static Chart SingleMeasureChart(ResultFolder r, string measure, ChartTitle t,
        DesignPointSeries p, IReadOnlyList<DesignPointSeries> shown, int total, DesignPointSeries? reference, Evidence? evidence)
    {
        var many = shown.Count > 1;
        var f = Format.For(measure);
        var lines = many
            ? shown.Select((d, i) => new TimeLine(d.Label, OkabeIto.SeriesColor(i), d.Years, d.Get(measure), Band: shown.Count <= MaxBands)).ToList()
            : [new TimeLine(Format.Capital(Format.NameOf(measure)), measure == MeasureSet.NetBenefit ? OkabeIto.Vermillion : OkabeIto.Blue, p.Years, p.Get(measure))];
        string caption;
        if (!many)
        {
            var fin = p.Final(measure);
            var means = p.Means(measure);
            caption = $"{Format.Capital(Format.NameOf(measure))} {Describe.Change(means[0], fin.Mean, p.StartYear, p.EndYear, f, Describe.ToleranceFor(measure))} " +
                      $"(5–95% of runs: {Format.Range(fin, f)})";
            var (extreme, word) = measure == MeasureSet.Fidelity ? (ArgMin(means), "lowest") : (ArgMax(means), "highest");
            if (extreme > 0 && extreme < means.Length - 1 && f(means[extreme]) != f(fin.Mean))
            {
                caption += $"; its {word} mean was {f(means[extreme])}, in {Format.Year(p.Years[extreme])}";
            }
            caption += ".";
        }
        else
        {
            var ranked = shown.OrderByDescending(d => d.Final(measure).Mean).ToList();
            caption = $"{Format.Capital(Format.NameOf(measure))} per design point{ShownNote(shown.Count, total)}: by {Format.Year(p.EndYear)} it ranged from " +
                      $"{f(ranked[^1].Final(measure).Mean)} ({ranked[^1].Label}) to {f(ranked[0].Final(measure).Mean)} ({ranked[0].Label}).";
        }
        if (reference is not null && reference.Has(measure))
        {
            lines.Add(new TimeLine("movement alone", OkabeIto.Black, reference.Years, reference.Get(measure), Band: false, Dashed: true));
            var d = p.DifferenceFrom(reference, measure);
            caption += $" The movement alone ended at {f(reference.Final(measure).Mean)} (dashed)" +
                       (measure == MeasureSet.NetBenefit
                           ? $"; the difference at the end is {Format.SignedBenefit(d.Estimate)}" + (d.HasInterval ? $" (95% CI {Format.SignedBenefit(d.Low)} to {Format.SignedBenefit(d.High)})" : "") + "."
                           : ".");
        }
        caption += EventSentence(r, p, measure);
        var observed = evidence?.PointsOf(measure);
        caption += ObservedSentence(observed, p, measure);
        var plot = Draw.OverTime(t.Title, t.YLabel, false, lines, r.Events, observed);
        return new Chart(t.Name, SectionTime, t.Title, caption, plot);
    }

    /// <summary>Names the events drawn (in full on the reach chart, by count elsewhere) and, for the first one, how the
    /// measure moved over the next five years.</summary>
    public static string EventSentence(ResultFolder r, DesignPointSeries p, string measure)
    {
        var inRange = r.Events.Where(e => e.Year >= p.StartYear && e.Year <= p.EndYear).ToList();
        if (inRange.Count == 0)
        {
            return "";
        }
        var first = inRange[0];
        var f = Format.For(measure);
        var sentence = measure == MeasureSet.Reach
            ? " Dashed vertical lines mark scheduled events: " +
              string.Join("; ", inRange.GroupBy(e => e.Year).Select(g => Format.Year(g.Key) + " " + string.Join(" + ", g.Select(e => e.Label).Distinct()))) + "."
            : $" Dashed vertical lines mark the {inRange.Count} scheduled event{(inRange.Count == 1 ? "" : "s")}.";
        if (first.Year + 5 <= p.EndYear + 1e-9)
        {
            sentence += $" {Format.Capital(Format.NameOf(measure))} was {f(p.At(measure, first.Year).Mean)} at the {Format.Year(first.Year)} {first.Label} " +
                        $"and {f(p.At(measure, first.Year + 5).Mean)} five years later.";
        }
        return sentence;
    }

    /// <summary>
    /// Says what the diamonds are and how many of them lie within the 5–95% band of the runs of <paramref name="p"/>;
    /// the figures themselves, and any outside the simulated years, are in the report's model-against-record table.
    /// </summary>
    public static string ObservedSentence(ObservedPoints? observed, DesignPointSeries p, string measure)
    {
        if (observed is null)
        {
            return "";
        }
        var points = observed.Points;
        var inside = points.Count(o => p.At(measure, o.Year) is var s && o.Value >= s.Q05 - 1e-12 && o.Value <= s.Q95 + 1e-12);
        var worst = points.MaxBy(o => Math.Abs(o.Value - p.At(measure, o.Year).Mean))!;
        var gap = worst.Value - p.At(measure, worst.Year).Mean;
        var f = Format.For(measure);
        return $" Diamonds mark the {observed.Label} ({points.Count}): {inside} of {points.Count} lie within the 5–95% band of the runs; "
               + $"the largest gap to the mean of the runs is {(Format.IsShare(measure) ? Format.Points(gap) : (gap >= 0 ? "+" : "") + f(gap))} "
               + $"in {Format.Year(worst.Year)} (the figures are in the table under {ChartSet.SectionEvidence}).";
    }
}
