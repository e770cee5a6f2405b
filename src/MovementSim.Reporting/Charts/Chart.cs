using System.Globalization;
using MovementSim.Batch;
using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>A drawn chart not yet saved: the plot and what the report says about it.</summary>
internal sealed partial record Chart(string Name, string Section, string Title, string Caption, Plot Plot)
{
    /// <summary>Pixel size of every chart: legible on a slide or a printed page ("briefing size").</summary>
    public const int Width = 1200;
    public const int Height = 750;

    /// <summary>ScottPlot keeps fonts and typefaces in process-wide caches, so charts are rendered one at a time
    /// even when several batches write their reports from different threads.</summary>
    private static readonly object RenderGate = new();

    public ChartFile Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var png = Path.Combine(folder, Name + ".png");
        var svg = Path.Combine(folder, Name + ".svg");
        byte[] pngBytes;
        string svgText;
        lock (RenderGate)
        {
            pngBytes = Png(Plot);
            svgText = Svg(Plot);
        }
        // Under temporary names, renamed when whole: a full disk leaves no truncated chart.
        AtomicFile.WriteAllBytes(png, pngBytes);
        AtomicFile.WriteAllText(svg, svgText);
        return new ChartFile(Name, Section, Title, Caption, png, svg);
    }

    /// <summary>The PNG alone, in memory.</summary>
    public ChartImage Image()
    {
        lock (RenderGate)
        {
            return new ChartImage(Name, Title, Caption, Png(Plot));
        }
    }

    /// <summary>
    /// Renders to SVG with clip-path ids numbered from 0 within the file. Skia numbers them with a counter that
    /// runs for the whole process, so without this the same chart drawn twice would give different files.
    /// </summary>
    public static string Svg(Plot plot)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(plot.GetSvgXml(Width, Height), m =>
        {
            if (!ids.TryGetValue(m.Value, out var id))
            {
                ids[m.Value] = id = "cl_" + ids.Count.ToString(CultureInfo.InvariantCulture);
            }
            return id;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9A-Za-z]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    /// <summary>
    /// Renders to PNG with the "Sub" row filter and zlib level 3: about five times faster to encode than ScottPlot's
    /// default (every filter tried, level 6) for files about a quarter larger. The pixels are the same.
    /// </summary>
    public static byte[] Png(Plot plot)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(Width, Height))
            ?? throw new InvalidOperationException("could not create a drawing surface");
        plot.Render(surface);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SkiaSharp.SKPngEncoderOptions(SkiaSharp.SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException("could not encode the chart as PNG");
        return data.ToArray();
    }
}

/// <summary>The look shared by every chart: fonts, sizes for briefing use, year and percentage axes.</summary>
internal static class Style
{
    public const float TitleSize = 26;
    public const float AxisLabelSize = 20;
    public const float TickSize = 17;
    public const float LegendSize = 17;
    public const float AnnotationSize = 15;
    public const float LineWidth = 3;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, AxisLabelSize);
        plot.YLabel(yLabel, AxisLabelSize);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Legend.FontSize = LegendSize;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    /// <summary>Whole calendar years on the horizontal axis ("2015", not "2,015" or "2015.5").</summary>
    public static void YearAxis(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => v.ToString("0", Inv),
            MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(1),
        };
    }

    /// <summary>Ticks formatted as percentages; the data are plotted as percentages already.</summary>
    public static void PercentAxis(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("0", Inv) + "%" : v.ToString("0.#", Inv) + "%",
        };
    }

    public static void DecimalAxis(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0.0#", Inv),
        };
    }

    /// <summary>A legend below the data, so it never hides a line.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = LegendSize;
        // Without tight wrapping ScottPlot 5.1.59 measures the legend for more columns than it draws, so with
        // long labels the last rows fall off the bottom of the image.
        plot.Legend.TightHorizontalWrapping = true;
    }

    /// <summary>At most this many rows of event labels; labels that would need more are shortened to their dates.</summary>
    public const int MaxEventRows = 4;

    /// <summary>
    /// Events closer than this (in years) share one label, so that two a few weeks apart do not print on top of each
    /// other: a quarter, the time step of most scenarios.
    /// </summary>
    public const double MergeYears = 0.25;

    /// <summary>
    /// Scheduled events within the years shown, one label per group of events closer than <see cref="MergeYears"/> to
    /// the group's first, with the row the label goes in and whether it runs left of its line. A label ("Apr 2003 duty
    /// to offer") names what happened: the event's label from events.csv, else its kind. It runs right of its line, or
    /// left of it in the last 30% of the axis or where running right would leave the chart; it goes in the first row
    /// where it overlaps no other label, judged from its length. A label that fits neither way within the chart or
    /// within <see cref="MaxEventRows"/> rows is shortened to its date, the others keep what they say (a crowded
    /// decade does not take the names off the rest); if even a date does not fit, the longest names are shortened to
    /// their dates first, one at a time, until every label fits; failing that, every label is its date alone.
    /// The caption names every event in full.
    /// </summary>
    public static IReadOnlyList<(double Year, string Label, int Row, bool RunsLeft)> EventRows(IReadOnlyList<ScheduledEvent> events, double startYear, double endYear)
    {
        var groups = new List<List<ScheduledEvent>>();
        foreach (var e in events.Where(e => e.Year >= startYear && e.Year <= endYear).OrderBy(e => e.Year))
        {
            if (groups.Count > 0 && e.Year - groups[^1][0].Year < MergeYears)
            {
                groups[^1].Add(e);
            }
            else
            {
                groups.Add([e]);
            }
        }
        // Shortening the longest names first until every label fits keeps as many names as the rows can hold.
        var full = groups.Select(g => Format.Year(g[0].Year) + " " + string.Join(" + ", g.Select(ChartLabel).Distinct())).ToList();
        var shortened = new bool[groups.Count];
        while (true)
        {
            var named = Layout(groups, full, shortened, startYear, endYear);
            if (named is not null)
            {
                return named;
            }
            var longest = Enumerable.Range(0, groups.Count).Where(k => !shortened[k]).OrderByDescending(k => full[k].Length).FirstOrDefault(-1);
            if (longest < 0)
            {
                break;
            }
            shortened[longest] = true;
        }
        var dates = new EventLabelRows(startYear, endYear);
        foreach (var g in groups)
        {
            dates.TryPlace(g[0].Year, Format.Year(g[0].Year), fitOnly: false);
        }
        return dates.Placed;
    }

    /// <summary>Each group's label in full unless shortened (or unless it fits only as its date), within the chart and
    /// <see cref="MaxEventRows"/> rows; null when some label does not fit even as its date.</summary>
    private static List<(double Year, string Label, int Row, bool RunsLeft)>? Layout(
        List<List<ScheduledEvent>> groups, List<string> full, bool[] shortened, double startYear, double endYear)
    {
        var rows = new EventLabelRows(startYear, endYear);
        for (var k = 0; k < groups.Count; k++)
        {
            var year = groups[k][0].Year;
            if ((shortened[k] || !rows.TryPlace(year, full[k], fitOnly: true)) && !rows.TryPlace(year, Format.Year(year), fitOnly: true))
            {
                return null;
            }
        }
        return rows.Placed;
    }

    /// <summary>What a chart's event label says: the label events.csv gives, else the kind of event.</summary>
    private static string ChartLabel(ScheduledEvent e) => e.Given.Length > 0 ? e.Given : Text.Words(e.Kind);

    /// <summary>Event labels laid out in rows along the time axis, judged from their length in characters.</summary>
    private sealed class EventLabelRows(double startYear, double endYear)
    {
        // About 9 px per character of 15 px type, on a data area about 1050 px wide.
        private const double AxisPixels = 1050, PixelsPerChar = 9, GapPixels = 12;
        private readonly double _span = Math.Max(endYear - startYear, 1e-9);
        private readonly List<List<(double From, double To)>> _rows = [];

        public List<(double Year, string Label, int Row, bool RunsLeft)> Placed { get; } = [];

        /// <summary>Places a label in the first row where it overlaps none; with <paramref name="fitOnly"/>, only
        /// within the chart and <see cref="MaxEventRows"/> rows (false, and nothing placed, when it does not fit).</summary>
        public bool TryPlace(double year, string label, bool fitOnly)
        {
            var x = (year - startYear) / _span * AxisPixels;
            var width = label.Length * PixelsPerChar + GapPixels;
            var left = (year - startYear) / _span > 0.7;
            if (!left && x + width > AxisPixels && x - width >= 0)
            {
                left = true; // running right would leave the chart
            }
            var (from, to) = left ? (x - width, x) : (x, x + width);
            if (fitOnly && (from < 0 || to > AxisPixels))
            {
                return false;
            }
            var row = _rows.FindIndex(r => r.All(o => to <= o.From || from >= o.To));
            if (row < 0)
            {
                if (fitOnly && _rows.Count >= MaxEventRows)
                {
                    return false;
                }
                _rows.Add([]);
                row = _rows.Count - 1;
            }
            _rows[row].Add((from, to));
            Placed.Add((year, label, row, left));
            return true;
        }
    }

    /// <summary>Draws every event as a dashed vertical line, and the labels of <see cref="EventRows"/> at the top of the chart.</summary>
    public static void DrawEvents(Plot plot, IReadOnlyList<double> eventYears, IReadOnlyList<(double Year, string Label, int Row, bool RunsLeft)> rows,
        double yTop, double rowStep)
    {
        for (var k = 0; k < rows.Count; k++)
        {
            var (year, label, row, runsLeft) = rows[k];
            var next = k + 1 < rows.Count ? rows[k + 1].Year : double.PositiveInfinity;
            foreach (var y in eventYears.Where(y => y >= year && y < next).Distinct())
            {
                var line = plot.Add.VerticalLine(y, 2, OkabeIto.Guide, LinePattern.Dashed);
                line.ExcludeFromLegend = true;
            }
            var text = plot.Add.Text(label, year, yTop - row * rowStep);
            text.LabelFontSize = AnnotationSize;
            text.LabelFontColor = Colors.Black.WithAlpha(0.85);
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelAlignment = runsLeft ? Alignment.UpperRight : Alignment.UpperLeft;
            text.OffsetX = runsLeft ? -4 : 4;
            text.OffsetY = 4;
        }
    }

    /// <summary>A round number at least as large as x, for a tick step (1, 2, 2.5 or 5 times a power of ten).</summary>
    public static double NiceCeiling(double x) => Ceiling(x, [1, 2, 2.5, 5, 10]);

    /// <summary>A round number at least as large as x, for the end of an axis (finer steps so little space is wasted).</summary>
    public static double AxisCeiling(double x) => Ceiling(x, [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10]);

    private static double Ceiling(double x, double[] steps)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(x)));
        foreach (var f in steps)
        {
            if (f * magnitude >= x - 1e-12)
            {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
