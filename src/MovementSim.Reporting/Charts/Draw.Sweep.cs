using System.Globalization;
using MovementSim.Batch;
using MovementSim.Scenarios;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>Sweep charts: outcomes against a parameter's levels, and heatmaps of two parameters.</summary>
internal static partial class Draw
{

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
}
