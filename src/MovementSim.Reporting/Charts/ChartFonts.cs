namespace MovementSim.Reporting.Charts;

/// <summary>
/// Registers the DejaVu Sans fonts shipped in Fonts/ next to the program with ScottPlot and makes them the
/// default. Without this, a machine with no fonts renders charts with no text at all, silently; with only
/// the regular face registered, bold titles and axis labels are lost.
/// </summary>
public static class ChartFonts
{
    public const string Family = "DejaVu Sans";
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly object Gate = new();
    private static string? _folder;

    /// <summary>The folder the fonts were loaded from (after <see cref="EnsureRegistered"/>).</summary>
    public static string? Folder => _folder;

    /// <summary>Registers both faces once per process; throws <see cref="FileNotFoundException"/> naming the
    /// folders searched when they are missing, rather than drawing charts without text.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_folder is not null)
            {
                return;
            }
            var candidates = new[]
            {
                Path.Combine(AppContext.BaseDirectory, "Fonts"),
                Path.Combine(Path.GetDirectoryName(typeof(ChartFonts).Assembly.Location) ?? "", "Fonts"),
            }.Distinct().ToArray();
            var folder = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, RegularFile)) && File.Exists(Path.Combine(c, BoldFile)))
                ?? throw new FileNotFoundException(
                    $"the chart fonts {RegularFile} and {BoldFile} are missing: looked in {string.Join(" and ", candidates)} (they ship with the program; reinstall or rebuild it)",
                    Path.Combine(candidates[0], RegularFile));
            ScottPlot.Fonts.AddFontFile(Family, Path.Combine(folder, RegularFile), bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, Path.Combine(folder, BoldFile), bold: true, italic: false);
            ScottPlot.Fonts.Default = Family;
            _folder = folder;
        }
    }
}
