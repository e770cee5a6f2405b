namespace MovementSim.Reporting;

/// <summary>A chart written to disk: its PNG and SVG (absolute paths), plain-language title, a caption stating
/// what it shows for these results, and the report section it belongs to.</summary>
public sealed record ChartFile(string Name, string Section, string Title, string Caption, string PngPath, string SvgPath);
