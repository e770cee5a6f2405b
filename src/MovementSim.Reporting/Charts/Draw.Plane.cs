using System.Globalization;
using MovementSim.Batch;
using MovementSim.Scenarios;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>The reach–fidelity plane.</summary>
internal static partial class Draw
{

    /// <summary>The reach–fidelity plane: iso-net-benefit curves reach × fidelity = c in the background, one
    /// trajectory per series with marked years, start and end marked, and the movement-only end point.</summary>
    /// <param name="labelYears">Label the marked years and the start (sensible for one path only: starts often coincide); ends are labelled when there are at most four paths, once where several end in the same year at about the same point.</param>
    public static Plot Plane(string title, IReadOnlyList<(Trajectory Path, Color Color)> paths, TrajectoryPoint? reference,
        bool labelYears)
    {
        var plot = Style.NewPlot(title, "Reach (% of eligible people who get any form of it)", "Fidelity (share of the original that survives, 0–1)");
        Style.PercentAxis(plot.Axes.Bottom);
        var maxReach = paths.SelectMany(p => p.Path.Points).Select(p => p.Reach)
            .Append(reference?.Reach ?? 0).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var reachMax = Math.Min(1, Style.AxisCeiling(Math.Max(maxReach * 1.1, 0.05)));
        const double fidelityTop = 1.1;

        // Markers first: ScottPlot fills a marker with the paint the previous plottable left, and after a dashed or dotted
        // line Skia's SVG writer cannot honour the dash on a fill and prints "Unsupported path effect" for every marker.
        foreach (var (path, color) in paths)
        {
            if (path.Marks.Count > 0)
            {
                var marks = plot.Add.Markers(path.Marks.Select(p => p.Reach * 100).ToArray(), path.Marks.Select(p => p.Fidelity).ToArray(),
                    MarkerShape.FilledCircle, 7, color);
                marks.LegendText = "";
            }
            var start = plot.Add.Marker(path.Start.Reach * 100, path.Start.Fidelity, MarkerShape.OpenCircle, 16, color);
            start.LineWidth = 3;
            start.LegendText = "";
            var end = plot.Add.Marker(path.End.Reach * 100, path.End.Fidelity, MarkerShape.FilledSquare, 15, color);
            end.LegendText = "";
        }
        if (reference is { } star)
        {
            plot.Add.Marker(star.Reach * 100, star.Fidelity, MarkerShape.FilledDiamond, 20, OkabeIto.Black).LegendText = "";
        }

        foreach (var c in ChartData.IsoBenefitLevels(reachMax))
        {
            var (r, f) = ChartData.IsoBenefitCurve(c, reachMax);
            var curve = plot.Add.ScatterLine(r.Select(x => x * 100).ToArray(), f, OkabeIto.Guide.WithAlpha(0.55));
            curve.LineWidth = 1.5f;
            curve.LinePattern = LinePattern.Dotted;
            curve.MarkerSize = 0;
            curve.LegendText = "";
            var label = plot.Add.Text(Format.Benefit(c), c * 100, 1.0);
            label.LabelFontSize = Style.AnnotationSize - 1;
            label.LabelFontColor = OkabeIto.Guide;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -2;
        }
        var isoLegend = new LegendItem
        {
            LabelText = "equal net benefit (reach × fidelity = value shown)",
            LineColor = OkabeIto.Guide,
            LineWidth = 1.5f,
            LinePattern = LinePattern.Dotted,
        };

        if (reference is { } refPoint && refPoint.LinearBenefit > 0)
        {
            var (r, f) = ChartData.IsoBenefitCurve(refPoint.LinearBenefit, reachMax);
            var curve = plot.Add.ScatterLine(r.Select(x => x * 100).ToArray(), f, OkabeIto.Black);
            curve.LineWidth = 2;
            curve.LinePattern = LinePattern.Dashed;
            curve.MarkerSize = 0;
            curve.LegendText = "net benefit of the movement alone";
        }

        // Labels closer than this (a share of each axis) would print on top of each other.
        bool Near(TrajectoryPoint a, TrajectoryPoint b) => Math.Abs(a.Reach - b.Reach) / reachMax < 0.06 && Math.Abs(a.Fidelity - b.Fidelity) / fidelityTop < 0.05;
        var endsLabelled = new List<TrajectoryPoint>();
        foreach (var ((path, color), index) in paths.Select((p, i) => (p, i)))
        {
            var line = plot.Add.ScatterLine(path.Points.Select(p => p.Reach * 100).ToArray(), path.Points.Select(p => p.Fidelity).ToArray(), color);
            line.LineWidth = Style.LineWidth;
            // Colours repeat after the palette runs out: the second round is dashed.
            line.LinePattern = index >= OkabeIto.Series.Count ? LinePattern.Dashed : LinePattern.Solid;
            line.MarkerSize = 0;
            line.LegendText = path.Label;
            if (labelYears)
            {
                // Leave out year labels that would sit on the start or end label or on each other.
                var placed = new List<TrajectoryPoint> { path.Start, path.End };
                foreach (var m in path.LabelledMarks)
                {
                    if (placed.Any(q => Near(q, m)))
                    {
                        continue;
                    }
                    placed.Add(m);
                    YearLabel(plot, m, Format.Year(m.Year), Alignment.LowerLeft);
                }
                YearLabel(plot, path.Start, "start " + Format.Year(path.Start.Year), Alignment.UpperLeft);
            }
            // Paths that end in the same year at about the same point (a change that did little, in explore) share one
            // end label rather than printing the same words on top of each other.
            if (paths.Count <= 4 && !endsLabelled.Any(q => q.Year == path.End.Year && Near(q, path.End)))
            {
                endsLabelled.Add(path.End);
                YearLabel(plot, path.End, "end " + Format.Year(path.End.Year), Alignment.LowerLeft);
            }
        }

        plot.Axes.SetLimits(0, reachMax * 100, 0, fidelityTop);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v > 1.0001 || v < -1e-9 ? "" : v.ToString("0.0", Inv),
        };
        Style.LegendBelow(plot);
        if (reference is not null)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "movement alone, at the end", MarkerShape = MarkerShape.FilledDiamond, MarkerColor = OkabeIto.Black, MarkerSize = 14, LineWidth = 0 });
        }
        plot.Legend.ManualItems.Add(isoLegend);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "start", MarkerShape = MarkerShape.OpenCircle, MarkerColor = OkabeIto.Black, MarkerSize = 14, MarkerLineWidth = 2, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "end", MarkerShape = MarkerShape.FilledSquare, MarkerColor = OkabeIto.Black, MarkerSize = 12, LineWidth = 0 });
        return plot;
    }

    private static void YearLabel(Plot plot, TrajectoryPoint p, string text, Alignment alignment)
    {
        var label = plot.Add.Text(text, p.Reach * 100, p.Fidelity);
        label.LabelFontSize = Style.AnnotationSize;
        label.LabelFontColor = Colors.Black.WithAlpha(0.85);
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
        label.LabelAlignment = alignment;
        label.OffsetX = 7;
        label.OffsetY = alignment == Alignment.UpperLeft ? 7 : -7;
    }
}
