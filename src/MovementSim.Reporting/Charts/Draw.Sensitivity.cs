using System.Globalization;
using MovementSim.Batch;
using MovementSim.Scenarios;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>Sensitivity indices with their intervals, one row per parameter.</summary>
internal static partial class Draw
{

    /// <summary>Black horizontal interval lines from low to high at heights ys, for the values that have both ends.</summary>
    private static void IntervalLines(Plot plot, double[] values, double[] ys, double[] low, double[] high)
    {
        var ok = Enumerable.Range(0, values.Length).Where(p => double.IsFinite(low[p]) && double.IsFinite(high[p]) && double.IsFinite(values[p])).ToArray();
        if (ok.Length == 0)
        {
            return;
        }
        plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(
            ok.Select(p => values[p]).ToArray(), ok.Select(p => ys[p]).ToArray(),
            ok.Select(p => Math.Max(0, values[p] - low[p])).ToArray(), ok.Select(p => Math.Max(0, high[p] - values[p])).ToArray(),
            ok.Select(_ => 0.0).ToArray(), ok.Select(_ => 0.0).ToArray())
        {
            Color = OkabeIto.Black,
            LineWidth = 2,
            CapSize = 6,
            // Set by name: the constructor's order of positive and negative errors is easy to get backwards.
            XErrorPositive = ok.Select(p => Math.Max(0, high[p] - values[p])).ToArray(),
            XErrorNegative = ok.Select(p => Math.Max(0, values[p] - low[p])).ToArray(),
        });
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
            IntervalLines(plot, values, ys, low, high);
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
}
