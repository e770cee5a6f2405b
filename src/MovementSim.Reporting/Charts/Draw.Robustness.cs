using MovementSim.Scenarios;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>Robustness charts: what moves the difference (a tornado of correlations) and the sampled worlds against one parameter.</summary>
internal static partial class Draw
{
    /// <summary>Colours of the two outcomes of a sampled world.</summary>
    public static readonly Color WinColor = OkabeIto.Blue;
    public static readonly Color LoseColor = OkabeIto.Vermillion;

    /// <summary>
    /// A tornado: one horizontal bar per parameter, the largest effect at the top, blue where the parameter raises the
    /// outcome and vermillion where it lowers it, with its interval as a black line.
    /// </summary>
    public static Plot Tornado(string title, string xLabel, IReadOnlyList<string> parameters, double[] values, double[] low, double[] high)
    {
        var plot = Style.NewPlot(title, xLabel, "");
        var n = parameters.Count;
        var ys = Enumerable.Range(0, n).Select(p => (double)(n - 1 - p)).ToArray();
        var bars = Enumerable.Range(0, n).Select(p => new Bar
        {
            Position = ys[p],
            Value = double.IsFinite(values[p]) ? values[p] : 0,
            Size = 0.7,
            FillColor = values[p] >= 0 ? WinColor : LoseColor,
            LineWidth = 0,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        IntervalLines(plot, values, ys, low, high);
        plot.Add.VerticalLine(0, 1, OkabeIto.Guide);
        plot.Axes.Left.SetTicks(ys, parameters.Select(Text.Words).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = Style.TickSize;
        var reach = values.Concat(low).Concat(high).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0.1).Max();
        var edge = Math.Min(1, Math.Ceiling(reach * 1.1 * 10) / 10);
        plot.Axes.SetLimits(-edge, edge, -0.6, n - 0.4);
        Style.DecimalAxis(plot.Axes.Bottom);
        Style.LegendBelow(plot);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "raises the difference", FillColor = WinColor, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "lowers it", FillColor = LoseColor, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "95% interval", LineColor = OkabeIto.Black, LineWidth = 2 });
        return plot;
    }

    /// <summary>
    /// The sampled worlds' outcome against one parameter, a dot per world coloured by whether take-up won, with a line at 0.
    /// A choice parameter is drawn at one position per option, the dots spread sideways (by world number, not at random)
    /// so that they do not hide each other.
    /// </summary>
    public static Plot WorldsAgainst(string title, string xLabel, string yLabel, double[] xs, double[] ys, bool[] wins, IReadOnlyList<string>? levels)
    {
        var plot = Style.NewPlot(title, xLabel, yLabel);
        var positions = levels is null ? xs : xs.Select((x, i) => x + ((i * 0.618034) % 1 - 0.5) * 0.5).ToArray();
        foreach (var (won, color, label) in new[] { (true, WinColor, "take-up won"), (false, LoseColor, "take-up did not win") })
        {
            var idx = Enumerable.Range(0, xs.Length).Where(i => wins[i] == won).ToArray();
            if (idx.Length == 0)
            {
                continue;
            }
            var markers = plot.Add.Markers(idx.Select(i => positions[i]).ToArray(), idx.Select(i => ys[i]).ToArray(), MarkerShape.FilledCircle, 8, color.WithAlpha(0.75));
            markers.LegendText = label;
        }
        plot.Add.HorizontalLine(0, 1.5f, OkabeIto.Black, LinePattern.Dashed);
        if (levels is not null)
        {
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, levels.Count).Select(i => (double)i).ToArray(), levels.Select(Text.Words).ToArray());
            plot.Axes.SetLimitsX(-0.5, levels.Count - 0.5);
        }
        else
        {
            Style.DecimalAxis(plot.Axes.Bottom);
        }
        Style.DecimalAxis(plot.Axes.Left);
        Style.LegendBelow(plot);
        return plot;
    }
}
