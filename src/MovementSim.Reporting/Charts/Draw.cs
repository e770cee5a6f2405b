using System.Globalization;
using MovementSim.Batch;
using MovementSim.Scenarios;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>One series on a time chart: the mean over replicates, optionally with its 5–95% band.</summary>
internal sealed record TimeLine(string Label, Color Color, double[] Years, Summary[] Values, bool Band = true, bool Dashed = false);

/// <summary>Observed values drawn on a time chart with their own marker and legend entry (e.g. "published figures").</summary>
internal sealed record ObservedPoints(string Label, IReadOnlyList<Observation> Points)
{
    /// <summary>Filled diamonds in a colour no line of a single scenario's time charts uses.</summary>
    public static readonly Color MarkerColor = OkabeIto.ReddishPurple;
    public const float MarkerSize = 16;
}

/// <summary>One layer of a stacked area chart (values as shares 0..1 or scores).</summary>
internal sealed record Layer(string Label, Color Color, double[] Values);

/// <summary>
/// Builds the ScottPlot plots: time charts here, the plane, sweeps and sensitivity indices in Draw.*.cs. Captions are
/// written by the caller, which knows the results.
/// </summary>
internal static partial class Draw
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Means with 5–95% bands over time, scheduled events as labelled dashed lines, observed values as diamonds.</summary>
    /// <remarks>A <paramref name="rightShare"/> line is drawn as a percentage against a right axis named
    /// <paramref name="rightLabel"/>, whose 100% is level with the top of the left axis's data range.</remarks>
    public static Plot OverTime(string title, string yLabel, bool percent, IReadOnlyList<TimeLine> lines,
        IReadOnlyList<ScheduledEvent> events, ObservedPoints? observed = null, TimeLine? rightShare = null, string rightLabel = "")
    {
        var plot = Style.NewPlot(title, "Year", yLabel);
        Style.YearAxis(plot);
        var scale = percent ? 100 : 1;
        foreach (var line in lines.Where(l => l.Band))
        {
            AddBand(plot, line, scale);
        }
        foreach (var line in lines)
        {
            AddMeans(plot, line, scale);
        }
        var observedValues = observed?.Points.Select(o => o.Value) ?? [];
        var dataMax = lines.SelectMany(l => l.Values).SelectMany(v => new[] { v.Mean, v.Q95 })
            .Append(0).Concat(observedValues).Where(double.IsFinite).DefaultIfEmpty(0).Max() * scale;
        var start = lines.Min(l => l.Years.Length > 0 ? l.Years[0] : double.PositiveInfinity);
        var end = lines.Max(l => l.Years.Length > 0 ? l.Years[^1] : double.NegativeInfinity);
        if (observed is { Points.Count: > 0 })
        {
            // The axis holds every diamond; it is set before the event labels are laid out along it.
            start = Math.Min(start, observed.Points.Min(o => o.Year));
            end = Math.Max(end, observed.Points.Max(o => o.Year));
        }
        var (baseTop, top) = FinishTimeAxes(plot, percent, dataMax, events, start, end);
        if (rightShare is not null)
        {
            RightShare(plot, rightShare, rightLabel, top / baseTop);
        }
        if (observed is { Points.Count: > 0 })
        {
            var markers = plot.Add.Markers(observed.Points.Select(o => o.Year).ToArray(), observed.Points.Select(o => o.Value * scale).ToArray(),
                MarkerShape.FilledDiamond, ObservedPoints.MarkerSize, ObservedPoints.MarkerColor);
            markers.LegendText = observed.Label;
        }
        if (rightShare is not null)
        {
            lines = [.. lines, rightShare];
        }
        if (lines.Count > 1 || lines.Any(l => l.Band) || observed is { Points.Count: > 0 })
        {
            Style.LegendBelow(plot);
            if (lines.Any(l => l.Band))
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = "shaded: 5–95% of runs",
                    FillColor = Colors.Gray.WithAlpha(0.3),
                    LineWidth = 0,
                });
                foreach (var line in lines)
                {
                    plot.Legend.ManualItems.Insert(plot.Legend.ManualItems.Count - 1, new LegendItem
                    {
                        LabelText = line.Label,
                        LineColor = line.Color,
                        LineWidth = Style.LineWidth,
                        LinePattern = line.Dashed ? LinePattern.Dashed : LinePattern.Solid,
                    });
                }
                if (observed is { Points.Count: > 0 })
                {
                    plot.Legend.ManualItems.Insert(plot.Legend.ManualItems.Count - 1, ObservedLegend(observed));
                }
                plot.Legend.DisplayPlottableLegendItems = false;
            }
        }
        return plot;
    }

    private static void AddBand(Plot plot, TimeLine line, double scale, IYAxis? axis = null)
    {
        var ok = Enumerable.Range(0, line.Years.Length).Where(i => double.IsFinite(line.Values[i].Q05) && double.IsFinite(line.Values[i].Q95)).ToArray();
        if (ok.Length < 2)
        {
            return;
        }
        var band = plot.Add.FillY(ok.Select(i => line.Years[i]).ToArray(),
            ok.Select(i => line.Values[i].Q05 * scale).ToArray(), ok.Select(i => line.Values[i].Q95 * scale).ToArray());
        band.FillColor = line.Color.WithAlpha(0.2);
        band.LineWidth = 0;
        band.LegendText = "";
        if (axis is not null)
        {
            band.Axes.YAxis = axis;
        }
    }

    private static void AddMeans(Plot plot, TimeLine line, double scale, IYAxis? axis = null)
    {
        var s = plot.Add.ScatterLine(line.Years, line.Values.Select(v => v.Mean * scale).ToArray(), line.Color);
        s.LineWidth = Style.LineWidth;
        s.LinePattern = line.Dashed ? LinePattern.Dashed : LinePattern.Solid;
        s.MarkerSize = 0;
        s.LegendText = line.Label;
        if (axis is not null)
        {
            s.Axes.YAxis = axis;
        }
    }

    /// <summary>A share (0..1) drawn as a percentage against the right axis, 0% to 100% over the same height as the
    /// left axis's data range; the axis runs on to <paramref name="topOverBase"/> times 100% so that the event labels
    /// above the data fit, with no ticks there.</summary>
    private static void RightShare(Plot plot, TimeLine share, string label, double topOverBase)
    {
        var axis = plot.Axes.Right;
        if (share.Band)
        {
            AddBand(plot, share, 100, axis);
        }
        AddMeans(plot, share, 100, axis);
        axis.Label.Text = label;
        axis.Label.FontSize = Style.AxisLabelSize;
        axis.TickLabelStyle.FontSize = Style.TickSize;
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v > 100.0001 || v < -1e-9 ? "" : v.ToString("0.##", Inv) + "%",
        };
        plot.Axes.SetLimitsY(0, 100 * topOverBase, axis);
    }

    private static LegendItem ObservedLegend(ObservedPoints observed) => new()
    {
        LabelText = observed.Label,
        MarkerShape = MarkerShape.FilledDiamond,
        MarkerColor = ObservedPoints.MarkerColor,
        MarkerSize = ObservedPoints.MarkerSize - 2,
        LineWidth = 0,
    };

    /// <summary>Layers stacked over time (shares, drawn as percentages).</summary>
    public static Plot Stacked(string title, string yLabel, double[] years, IReadOnlyList<Layer> layers,
        IReadOnlyList<ScheduledEvent> events, double? fixedTopShare = null)
    {
        var plot = Style.NewPlot(title, "Year", yLabel);
        Style.YearAxis(plot);
        var stacked = ChartData.Stack(layers.Select(l => l.Values).ToList());
        for (var k = 0; k < layers.Count; k++)
        {
            var (lower, upper) = stacked[k];
            var fill = plot.Add.FillY(years, lower.Select(v => v * 100).ToArray(), upper.Select(v => v * 100).ToArray());
            fill.FillColor = layers[k].Color.WithAlpha(0.85);
            fill.LineColor = Colors.White;
            fill.LineWidth = 1;
            fill.LegendText = layers[k].Label;
        }
        var top = stacked.Count > 0 ? stacked[^1].Upper.Where(double.IsFinite).DefaultIfEmpty(0).Max() * 100 : 0;
        FinishTimeAxes(plot, percent: true, fixedTopShare is { } f ? f * 100 : top, events, years[0], years[^1], fixedTop: fixedTopShare is not null);
        Style.LegendBelow(plot);
        return plot;
    }

    /// <summary>Sets the axes' limits and ticks and draws the events; returns the top of the data range and of the axis
    /// (above it, the event labels).</summary>
    private static (double BaseTop, double Top) FinishTimeAxes(Plot plot, bool percent, double dataMax, IReadOnlyList<ScheduledEvent> events,
        double start, double end, bool fixedTop = false)
    {
        if (!(end > start))
        {
            // A single step (or none): show a year either side rather than an empty axis.
            (start, end) = double.IsFinite(start) ? (start - 1, start + 1) : (0, 1);
        }
        var cap = percent ? 100.0 : 1.0;
        var baseTop = fixedTop ? dataMax : Math.Min(cap, Style.AxisCeiling(Math.Max(dataMax, cap * 0.01) * 1.05));
        if (dataMax > baseTop)
        {
            baseTop = Style.AxisCeiling(dataMax);
        }
        var rows = Style.EventRows(events, start, end);
        var rowStep = baseTop * 0.075;
        var top = rows.Count == 0 ? baseTop * 1.02 : baseTop * 1.03 + rowStep * (rows.Max(r => r.Row) + 1);
        // A little room on the right so the last year's tick label is not cut off.
        plot.Axes.SetLimits(start, end + (end - start) * 0.025, 0, top);
        var tickTop = baseTop * 1.0001;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v > tickTop || v < -1e-9 ? ""
                : percent ? v.ToString("0.##", Inv) + "%" : baseTop >= 1000 ? v.ToString("#,0", Inv) : v.ToString("0.0##", Inv),
        };
        Style.DrawEvents(plot, events.Select(e => e.Year).Where(y => y >= start && y <= end).ToList(), rows, top, rowStep);
        return (baseTop, top);
    }
}
