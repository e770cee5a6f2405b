namespace MovementSim.Reporting;

/// <summary>A chart drawn in memory, not saved: its PNG, plain-language title and a caption stating what it shows for
/// these results. For a page that serves charts as soon as they are drawn (<c>explore</c>).</summary>
public sealed record ChartImage(string Name, string Title, string Caption, byte[] Png);
