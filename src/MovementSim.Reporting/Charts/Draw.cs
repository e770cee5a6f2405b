using System.Globalization;
using MovementSim.Batch;
using MovementSim.Scenarios;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>One series on a time chart: the mean over replicates, optionally with its 5–95% band.</summary>
internal sealed record TimeLine(string Label, Color Color, double[] Years, Summary[] Values, bool Band = true, bool Dashed = false);

/// <summary>One layer of a stacked area chart (values as shares 0..1 or scores).</summary>
internal sealed record Layer(string Label, Color Color, double[] Values);

/// <summary>Builds the ScottPlot plots. Captions are written by the caller, which knows the results.</summary>
internal static class Draw
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Means with 5–95% bands over time, scheduled events as labelled dashed lines.</summary>
    /// <param name="alsoShow">Another value (same units as the lines) the vertical axis must reach, e.g. an observation.</param>
    public static Plot OverTime(string title, string yLabel, bool percent, IReadOnlyList<TimeLine> lines,
        IReadOnlyList<ScheduledEvent> events, double alsoShow = 0)
    {
        var plot = Style.NewPlot(title, "Year", yLabel);
        Style.YearAxis(plot);
        var scale = percent ? 100 : 1;
        foreach (var line in lines.Where(l => l.Band))
        {
            var ok = Enumerable.Range(0, line.Years.Length).Where(i => double.IsFinite(line.Values[i].Q05) && double.IsFinite(line.Values[i].Q95)).ToArray();
            if (ok.Length < 2)
            {
                continue;
            }
            var band = plot.Add.FillY(ok.Select(i => line.Years[i]).ToArray(),
                ok.Select(i => line.Values[i].Q05 * scale).ToArray(), ok.Select(i => line.Values[i].Q95 * scale).ToArray());
            band.FillColor = line.Color.WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = "";
        }
        foreach (var line in lines)
        {
            var s = plot.Add.ScatterLine(line.Years, line.Values.Select(v => v.Mean * scale).ToArray(), line.Color);
            s.LineWidth = Style.LineWidth;
            s.LinePattern = line.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            s.MarkerSize = 0;
            s.LegendText = line.Label;
        }
        var dataMax = lines.SelectMany(l => l.Values).SelectMany(v => new[] { v.Mean, v.Q95 })
            .Append(alsoShow).Where(double.IsFinite).DefaultIfEmpty(0).Max() * scale;
        var start = lines.Min(l => l.Years.Length > 0 ? l.Years[0] : double.PositiveInfinity);
        var end = lines.Max(l => l.Years.Length > 0 ? l.Years[^1] : double.NegativeInfinity);
        FinishTimeAxes(plot, percent, dataMax, events, start, end);
        if (lines.Count > 1 || lines.Any(l => l.Band))
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
                plot.Legend.DisplayPlottableLegendItems = false;
            }
        }
        return plot;
    }

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

    private static void FinishTimeAxes(Plot plot, bool percent, double dataMax, IReadOnlyList<ScheduledEvent> events,
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
                : percent ? v.ToString("0.##", Inv) + "%" : v.ToString("0.0##", Inv),
        };
        Style.DrawEvents(plot, rows, start, end, top, rowStep);
    }

    /// <summary>The reach–fidelity plane: iso-net-benefit curves reach × fidelity = c in the background, one
    /// trajectory per series with marked years, start and end marked, and the movement-only end point.</summary>
    /// <param name="labelYears">Label the marked years and the start (sensible for one path only: starts often coincide); ends are labelled when there are at most four paths.</param>
    public static Plot Plane(string title, IReadOnlyList<(Trajectory Path, Color Color)> paths, TrajectoryPoint? reference,
        bool labelYears)
    {
        var plot = Style.NewPlot(title, "Reach (% of eligible people who get any form of it)", "Fidelity (share of the original that survives, 0–1)");
        Style.DecimalAxis(plot.Axes.Left);
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
                    if (placed.Any(q => Math.Abs(q.Reach - m.Reach) / reachMax < 0.06 && Math.Abs(q.Fidelity - m.Fidelity) / fidelityTop < 0.05))
                    {
                        continue;
                    }
                    placed.Add(m);
                    YearLabel(plot, m, Format.Year(m.Year), Alignment.LowerLeft);
                }
                YearLabel(plot, path.Start, "start " + Format.Year(path.Start.Year), Alignment.UpperLeft);
            }
            if (paths.Count <= 4)
            {
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

    /// <summary>Final values against the levels of one swept parameter, means with 5–95% bands.</summary>
    /// <param name="connect">Join the points with lines and a shaded band (a one-dimensional sweep or main effects); otherwise
    /// markers with 5–95% bars (design points sampled over several parameters, which a line would wrongly join).</param>
    public static Plot Sweep(string title, string xLabel, IReadOnlyList<string> levels, IReadOnlyList<(string Label, Color Color, SweepBand[] Finals)> series,
        double? referenceBenefit, string bandText, bool connect = true)
    {
        var plot = Style.NewPlot(title, xLabel, "Value at the end of the run (0–1; reach as a share)");
        var numbers = levels.Select(ResultFolder.ParseNumber).ToList();
        var numeric = numbers.All(n => n is not null);
        var xs = numeric ? numbers.Select(n => n!.Value).ToArray() : Enumerable.Range(0, levels.Count).Select(i => (double)i).ToArray();
        foreach (var (label, color, finals) in series)
        {
            if (xs.Length > 1 && connect)
            {
                var band = plot.Add.FillY(xs, finals.Select(f => f.Low).ToArray(), finals.Select(f => f.High).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
                band.LegendText = "";
            }
            if (!connect)
            {
                var ok = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(finals[i].Low) && double.IsFinite(finals[i].High)).ToArray();
                var bars = new ScottPlot.Plottables.ErrorBar(
                    ok.Select(i => xs[i]).ToArray(), ok.Select(i => finals[i].Mean).ToArray(),
                    ok.Select(_ => 0.0).ToArray(), ok.Select(_ => 0.0).ToArray(),
                    ok.Select(i => Math.Max(0, finals[i].Mean - finals[i].Low)).ToArray(), ok.Select(i => Math.Max(0, finals[i].High - finals[i].Mean)).ToArray())
                {
                    Color = color.WithAlpha(0.7),
                    LineWidth = 2,
                    CapSize = 5,
                    YErrorPositive = ok.Select(i => Math.Max(0, finals[i].High - finals[i].Mean)).ToArray(),
                    YErrorNegative = ok.Select(i => Math.Max(0, finals[i].Mean - finals[i].Low)).ToArray(),
                };
                plot.Add.Plottable(bars);
            }
            var line = plot.Add.ScatterLine(xs, finals.Select(f => f.Mean).ToArray(), color);
            line.LineWidth = connect ? Style.LineWidth : 0;
            line.MarkerSize = 10;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = label;
        }
        if (referenceBenefit is { } rb)
        {
            var h = plot.Add.HorizontalLine(rb, 2, OkabeIto.Black, LinePattern.Dashed);
            h.LegendText = "net benefit of the movement alone";
        }
        if (!numeric)
        {
            plot.Axes.Bottom.SetTicks(xs, levels.Select(Text.Words).ToArray());
        }
        else
        {
            Style.DecimalAxis(plot.Axes.Bottom);
        }
        var pad = xs.Length > 1 ? (xs.Max() - xs.Min()) * 0.04 : 0.5;
        plot.Axes.SetLimits(xs.Min() - pad, xs.Max() + pad, 0, 1.02);
        Style.DecimalAxis(plot.Axes.Left);
        Style.LegendBelow(plot);
        plot.Legend.ManualItems.Add(connect
            ? new LegendItem { LabelText = bandText, FillColor = Colors.Gray.WithAlpha(0.3), LineWidth = 0 }
            : new LegendItem { LabelText = bandText, LineColor = Colors.Gray, LineWidth = 2 });
        foreach (var (label, color, _) in series)
        {
            plot.Legend.ManualItems.Insert(plot.Legend.ManualItems.Count - 1, new LegendItem
            {
                LabelText = label, LineColor = color, LineWidth = connect ? Style.LineWidth : 0, MarkerShape = MarkerShape.FilledCircle, MarkerColor = color, MarkerSize = 9,
            });
        }
        if (referenceBenefit is not null)
        {
            plot.Legend.ManualItems.Insert(plot.Legend.ManualItems.Count - 1, new LegendItem
            {
                LabelText = "net benefit of the movement alone", LineColor = OkabeIto.Black, LineWidth = 2, LinePattern = LinePattern.Dashed,
            });
        }
        plot.Legend.DisplayPlottableLegendItems = false;
        return plot;
    }

    /// <summary>A grid of one outcome over two swept parameters (y up), each cell labelled with its value, with a colour bar.</summary>
    public static Plot Heatmap(string title, string xLabel, string yLabel, IReadOnlyList<string> xLevels, IReadOnlyList<string> yLevels,
        double[,] values, string colorLabel, Func<double, string> format)
    {
        var ny = yLevels.Count;
        var nx = xLevels.Count;
        if (nx < 2 || ny < 2)
        {
            throw new ArgumentException($"a heatmap needs at least two levels on each axis; got {nx} by {ny}");
        }
        var plot = Style.NewPlot(title, xLabel, yLabel);
        // Heatmap rows are drawn top-down: row 0 holds the highest y level so that y increases upwards.
        var grid = new double[ny, nx];
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                grid[ny - 1 - j, i] = values[j, i];
            }
        }
        var heat = plot.Add.Heatmap(grid);
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        // Extent gives the centres of the corner cells: cell (i, j) is centred on (i, j).
        heat.Extent = new CoordinateRect(0, nx - 1, 0, ny - 1);
        heat.NaNCellColor = Colors.LightGray;
        var finite = Enumerable.Range(0, ny).SelectMany(j => Enumerable.Range(0, nx).Select(i => values[j, i])).Where(double.IsFinite).ToList();
        var (lo, hi) = finite.Count > 0 ? (finite.Min(), finite.Max()) : (0, 1);
        if (hi - lo < 1e-12)
        {
            hi = lo + 1e-6;
        }
        heat.ManualRange = new ScottPlot.Range(lo, hi);
        if (nx * ny <= 144)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    var v = values[j, i];
                    var t = plot.Add.Text(double.IsFinite(v) ? format(v) : "–", i, j);
                    t.LabelAlignment = Alignment.MiddleCenter;
                    t.LabelFontSize = nx * ny <= 49 ? 17 : 13;
                    t.LabelBold = true;
                    // Viridis is dark at the low end and light at the high end.
                    t.LabelFontColor = double.IsFinite(v) && (v - lo) / (hi - lo) > 0.6 ? Colors.Black : Colors.White;
                }
            }
        }
        var bar = plot.Add.ColorBar(heat);
        bar.Label = colorLabel;
        bar.LabelStyle.FontSize = Style.AxisLabelSize - 2;
        bar.LabelStyle.Bold = true;
        bar.Axis.TickLabelStyle.FontSize = Style.TickSize - 2;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, nx).Select(i => (double)i).ToArray(), xLevels.Select(Text.Value).Select(Text.Words).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, ny).Select(j => (double)j).ToArray(), yLevels.Select(Text.Value).Select(Text.Words).ToArray());
        plot.Axes.SetLimits(-0.5, nx - 0.5, -0.5, ny - 0.5);
        plot.HideGrid();
        return plot;
    }

    /// <summary>Horizontal bars of sensitivity indices with their intervals, most influential parameter at the top.</summary>
    public static Plot Sensitivity(string title, string xLabel, IReadOnlyList<string> parameters,
        IReadOnlyList<(string Index, Color Color, double[] Values, double[] Low, double[] High)> indices)
    {
        var plot = Style.NewPlot(title, xLabel, "");
        var n = parameters.Count;
        var k = indices.Count;
        var width = 0.8 / Math.Max(1, k);
        for (var s = 0; s < k; s++)
        {
            var (name, color, values, low, high) = indices[s];
            var bars = new List<Bar>();
            var ys = new double[n];
            for (var p = 0; p < n; p++)
            {
                // The most influential parameter is drawn at the top.
                ys[p] = n - 1 - p + (k == 1 ? 0 : 0.4 - width / 2 - s * width);
                bars.Add(new Bar { Position = ys[p], Value = double.IsFinite(values[p]) ? values[p] : 0, Size = width * 0.92, FillColor = color, LineWidth = 0 });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = name;
            var okIdx = Enumerable.Range(0, n).Where(p => double.IsFinite(low[p]) && double.IsFinite(high[p]) && double.IsFinite(values[p])).ToArray();
            if (okIdx.Length > 0)
            {
                var err = new ScottPlot.Plottables.ErrorBar(
                    okIdx.Select(p => values[p]).ToArray(), okIdx.Select(p => ys[p]).ToArray(),
                    okIdx.Select(p => Math.Max(0, values[p] - low[p])).ToArray(), okIdx.Select(p => Math.Max(0, high[p] - values[p])).ToArray(),
                    okIdx.Select(_ => 0.0).ToArray(), okIdx.Select(_ => 0.0).ToArray())
                {
                    Color = OkabeIto.Black,
                    LineWidth = 2,
                    CapSize = 6,
                    // Set by name: the constructor's order of positive and negative errors is easy to get backwards.
                    XErrorPositive = okIdx.Select(p => Math.Max(0, high[p] - values[p])).ToArray(),
                    XErrorNegative = okIdx.Select(p => Math.Max(0, values[p] - low[p])).ToArray(),
                };
                plot.Add.Plottable(err);
            }
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(p => (double)(n - 1 - p)).ToArray(), parameters.Select(Text.Words).ToArray());
        var maxX = indices.SelectMany(i => i.High.Concat(i.Values)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var minX = Math.Min(0, indices.SelectMany(i => i.Low.Concat(i.Values)).Where(double.IsFinite).DefaultIfEmpty(0).Min());
        plot.Axes.SetLimits(minX, Style.AxisCeiling(maxX * 1.05), -0.6, n - 0.4);
        Style.DecimalAxis(plot.Axes.Bottom);
        plot.Axes.Left.TickLabelStyle.FontSize = Style.TickSize;
        Style.LegendBelow(plot);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "95% interval", LineColor = OkabeIto.Black, LineWidth = 2 });
        return plot;
    }

    /// <summary>The simulated band of one measure over time with the observed values on top.</summary>
    public static Plot Calibration(string title, string yLabel, bool percent, TimeLine simulated, IReadOnlyList<Observation> observed,
        IReadOnlyList<ScheduledEvent> events)
    {
        var plot = OverTime(title, yLabel, percent, [simulated], events, observed.Select(o => o.Value).DefaultIfEmpty(0).Max());
        var scale = percent ? 100 : 1;
        var obs = plot.Add.Markers(observed.Select(o => o.Year).ToArray(), observed.Select(o => o.Value * scale).ToArray(),
            MarkerShape.FilledDiamond, 16, OkabeIto.Black);
        obs.LegendText = "observed";
        var limits = plot.Axes.GetLimits();
        var left = Math.Min(limits.Left, observed.Select(o => o.Year).DefaultIfEmpty(limits.Left).Min() - 0.5);
        var right = Math.Max(limits.Right, observed.Select(o => o.Year).DefaultIfEmpty(limits.Right).Max() + 0.5);
        plot.Axes.SetLimitsX(left, right);
        plot.Legend.ManualItems.Insert(Math.Max(0, plot.Legend.ManualItems.Count - 1), new LegendItem
        {
            LabelText = "observed", MarkerShape = MarkerShape.FilledDiamond, MarkerColor = OkabeIto.Black, MarkerSize = 14, LineWidth = 0,
        });
        return plot;
    }
}
