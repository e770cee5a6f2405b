using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>The reach–fidelity plane: one trajectory per design point shown, against iso-benefit curves.</summary>
internal static class PlaneChart
{
    public static Chart Build(ResultFolder r, IReadOnlyList<DesignPointSeries> shown, int total, DesignPointSeries? reference)
    {
        var many = shown.Count > 1;
        var paths = shown.Select((dp, i) => (TrajectoryOf(dp, SeriesLabel(r, dp, many)), OkabeIto.SeriesColor(i))).ToList();
        TrajectoryPoint? refPoint = reference is null ? null
            : new TrajectoryPoint(reference.EndYear, reference.Final(MeasureSet.Reach).Mean, reference.Final(MeasureSet.Fidelity).Mean);
        var title = ChartTitles.Plane.Title;
        var plot = Draw.Plane(title, paths, refPoint, labelYears: shown.Count == 1);
        string caption;
        var p = r.Primary;
        if (!many)
        {
            var t = paths[0].Item1;
            caption = $"Reach {Describe.Change(t.Start.Reach, t.End.Reach, t.Start.Year, t.End.Year, Format.Percent, 0.005)} " +
                      $"while fidelity {Describe.Change(t.Start.Fidelity, t.End.Fidelity, t.Start.Year, t.End.Year, Format.Score, 0.01)}; " +
                      $"net benefit ended at {Format.WithInterval(p.Final(MeasureSet.NetBenefit), Format.Benefit)}";
        }
        else
        {
            var ranked = shown.OrderByDescending(d => d.Final(MeasureSet.NetBenefit).Mean).ToList();
            caption = $"One path per design point{ShownNote(shown.Count, total)}: {ranked[0].Label} ended with the highest net benefit " +
                      $"({Format.Benefit(ranked[0].Final(MeasureSet.NetBenefit).Mean)}, reach {Format.Percent(ranked[0].Final(MeasureSet.Reach).Mean)}, fidelity {Format.Score(ranked[0].Final(MeasureSet.Fidelity).Mean)}) " +
                      $"and {ranked[^1].Label} the lowest ({Format.Benefit(ranked[^1].Final(MeasureSet.NetBenefit).Mean)})";
        }
        if (reference is not null)
        {
            var d = p.DifferenceFrom(reference, MeasureSet.NetBenefit);
            caption += $", {Describe.Comparison(d)} the movement alone ({Format.Benefit(reference.Final(MeasureSet.NetBenefit).Mean)}, " +
                       $"reach {Format.Percent(refPoint!.Value.Reach)} at fidelity {Format.Score(refPoint.Value.Fidelity)}; black diamond and dashed curve)";
        }
        caption += ". Dots mark whole years; the open circle is the start and the square the end. Dotted curves join points of equal reach × fidelity.";
        if (UsesThresholdBenefit(r))
        {
            caption += " These runs used the threshold benefit function, so net benefit is not exactly reach × fidelity: the curves are a guide.";
        }
        return new Chart(ChartTitles.Plane.Name, SectionPlane, title, caption, plot);
    }
}
