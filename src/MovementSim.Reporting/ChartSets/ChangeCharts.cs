using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>
/// The main charts of a scenario as changed, against the same scenario unchanged (what <c>explore</c> shows): reach
/// against fidelity; reach, fidelity and net benefit over time; why institutions adopted; what became of each
/// component. They are the report's charts (the same plots, titles, colours and event lines) holding both results:
/// on the time charts the changed scenario is solid and the unchanged one dashed, each mean with the 5–95% band of its
/// runs (on charts with several lines per result, the changed one's bands only). Each caption says what the change did
/// by the end, with the 95% interval of the difference over replicates.
/// </summary>
public static class ChangeCharts
{
    public const string Changed = "changed";
    public const string Unchanged = "unchanged";

    /// <summary>Draws the charts one at a time, in memory, as they are asked for: a caller that no longer needs them
    /// (a newer change came) stops asking.</summary>
    public static IEnumerable<ChartImage> Render(ResultFolder changed, ResultFolder unchanged) =>
        Build(changed, unchanged).Select(c => c.Image());

    internal static IEnumerable<Chart> Build(ResultFolder changedFolder, ResultFolder unchangedFolder)
    {
        var c = changedFolder.Primary;
        var u = unchangedFolder.Primary;
        var events = changedFolder.Events;
        if (c.Has(MeasureSet.Reach) && c.Has(MeasureSet.Fidelity) && u.Has(MeasureSet.Reach) && u.Has(MeasureSet.Fidelity))
        {
            yield return Plane(changedFolder, c, u);
        }
        foreach (var (measure, title) in new[] { (MeasureSet.Reach, ChartTitles.Reach), (MeasureSet.Fidelity, ChartTitles.Fidelity), (MeasureSet.NetBenefit, ChartTitles.NetBenefit) })
        {
            if (c.Has(measure) && u.Has(measure))
            {
                yield return OverTime(c, u, measure, title, events);
            }
        }
        if (Adoption(c, u, events) is { } adoption)
        {
            yield return adoption;
        }
        foreach (var component in changedFolder.Components)
        {
            if (Forms(c, u, component, events) is { } forms)
            {
                yield return forms;
            }
        }
    }

    private static Chart Plane(ResultFolder r, DesignPointSeries c, DesignPointSeries u)
    {
        var t = ChartTitles.Plane;
        var changed = TrajectoryOf(c, Changed);
        var unchanged = TrajectoryOf(u, Unchanged);
        var plot = Draw.Plane(t.Title, [(changed, OkabeIto.Blue), (unchanged, OkabeIto.Black)], null, labelYears: false);
        var caption = $"Changed (blue), the scenario ended at reach {Format.Percent(changed.End.Reach)} and fidelity {Format.Score(changed.End.Fidelity)}; " +
                      $"unchanged (black), at reach {Format.Percent(unchanged.End.Reach)} and fidelity {Format.Score(unchanged.End.Fidelity)}. " +
                      Ending(c, u, MeasureSet.NetBenefit) +
                      " Dots mark whole years; the open circle is the start and the square the end. Dotted curves join points of equal reach × fidelity.";
        if (UsesThresholdBenefit(r))
        {
            caption += " The changed runs used the threshold benefit function, so net benefit is not exactly reach × fidelity: the curves are a guide.";
        }
        return new Chart(t.Name, SectionPlane, t.Title, caption, plot);
    }

    private static Chart OverTime(DesignPointSeries c, DesignPointSeries u, string measure, ChartTitle t, IReadOnlyList<ScheduledEvent> events)
    {
        var lines = new List<TimeLine>
        {
            new(Changed, OkabeIto.Blue, c.Years, c.Get(measure)),
            new(Unchanged, OkabeIto.Black, u.Years, u.Get(measure), Dashed: true),
        };
        var plot = Draw.OverTime(t.Title, t.YLabel, Format.IsShare(measure), lines, events);
        return new Chart(t.Name, SectionTime, t.Title, Ending(c, u, measure) + " Solid: changed; dashed: unchanged; shaded: 5–95% of runs.", plot);
    }

    private static Chart? Adoption(DesignPointSeries c, DesignPointSeries u, IReadOnlyList<ScheduledEvent> events)
    {
        var modes = AdoptionChart.Modes.Where(m => c.Has(m.Measure)).ToList();
        if (modes.Count == 0)
        {
            return null;
        }
        var lines = new List<TimeLine>();
        foreach (var m in modes)
        {
            lines.Add(new TimeLine($"{m.Label}, {Changed}", m.Colour, c.Years, c.Get(m.Measure)));
            if (u.Has(m.Measure))
            {
                lines.Add(new TimeLine($"{m.Label}, {Unchanged}", m.Colour, u.Years, u.Get(m.Measure), Band: false, Dashed: true));
            }
        }
        var caption = c.Has(MeasureSet.InstitutionsAdopted) && u.Has(MeasureSet.InstitutionsAdopted) ? Ending(c, u, MeasureSet.InstitutionsAdopted) + " " : "";
        caption += $"By {Format.Year(c.EndYear)}, institutions had adopted " +
                   Describe.List(modes.Select(m => $"{m.Words} {Format.Percent(c.Final(m.Measure).Mean)} (unchanged: {Format.Percent(u.Final(m.Measure).Mean)})").ToList()) +
                   ". Solid: changed, shaded 5–95% of runs; dashed: unchanged.";
        var t = ChartTitles.Adoption;
        return new Chart(t.Name, SectionAdoption, t.Title, caption, Draw.OverTime(t.Title, t.YLabel, true, lines, events));
    }

    private static Chart? Forms(DesignPointSeries c, DesignPointSeries u, ComponentShares component, IReadOnlyList<ScheduledEvent> events)
    {
        var alternatives = component.Alternatives.Where(a => c.Has(a.Measure)).ToList();
        if (alternatives.Count == 0)
        {
            return null;
        }
        var lines = new List<TimeLine>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var a = alternatives[i];
            var label = Text.Words(a.Alternative) + (i == 0 ? " (original)" : "");
            lines.Add(new TimeLine($"{label}, {Changed}", OkabeIto.SeriesColor(i), c.Years, c.Get(a.Measure)));
            if (u.Has(a.Measure))
            {
                lines.Add(new TimeLine($"{label}, {Unchanged}", OkabeIto.SeriesColor(i), u.Years, u.Get(a.Measure), Band: false, Dashed: true));
            }
        }
        var original = alternatives[0];
        var caption = u.Has(original.Measure)
            ? Ending(c, u, original.Measure, $"Recipients getting the original '{Text.Words(original.Alternative)}'")
            : $"The unchanged scenario has no '{Text.Words(original.Alternative)}' in its {Text.Words(component.Component)}.";
        caption += " Solid: changed, shaded 5–95% of runs; dashed: unchanged.";
        var t = ChartTitles.Innovation(component.Component);
        return new Chart(t.Name, SectionInnovation, t.Title, caption, Draw.OverTime(t.Title, t.YLabel, true, lines, events));
    }

    /// <summary>"Reach by 2024: 45% changed, 40% unchanged; the change raised it (difference +5.0 points, 95% CI +3.1 points to +6.9 points)."</summary>
    /// <param name="subject">What the measure is, in words (by default its plain-language name).</param>
    internal static string Ending(DesignPointSeries c, DesignPointSeries u, string measure, string? subject = null)
    {
        var f = Format.For(measure);
        var d = Difference.Between(c.Final(measure), u.Final(measure));
        Func<double, string> signed = Format.IsShare(measure) ? Format.Points
            : measure == MeasureSet.NetBenefit ? Format.SignedBenefit
            : v => (v >= 0 ? "+" : "") + f(v);
        // Identical means can differ in the last bit of their sums: that is no difference, not "-0.0".
        var estimate = Math.Abs(d.Estimate) < 1e-12 ? 0 : d.Estimate;
        var interval = d.HasInterval ? $", 95% CI {signed(d.Low)} to {signed(d.High)}" : "";
        var verdict = Describe.Comparison(d, "the change raised it", "the change lowered it", "no clear difference");
        return $"{subject ?? Format.Capital(Format.NameOf(measure))} by {Format.Year(c.EndYear)}: {f(c.Final(measure).Mean)} {Changed}, {f(u.Final(measure).Mean)} {Unchanged}; " +
               $"{verdict} (difference {signed(estimate)}{interval}).";
    }
}
