using ScottPlot;

namespace MovementSim.Reporting.Charts;

/// <summary>The Okabe–Ito palette (Okabe and Ito 2008), distinguishable with the common colour-vision deficiencies.</summary>
public static class OkabeIto
{
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");

    /// <summary>Colours for series in order; black is kept for references (the movement alone) and yellow comes last
    /// because thin yellow lines are hard to see on white.</summary>
    public static readonly IReadOnlyList<Color> Series = [Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue, Yellow];

    public static Color SeriesColor(int i) => Series[i % Series.Count];

    /// <summary>Neutral grey for scheduled events and iso-benefit curves (not a data colour).</summary>
    public static readonly Color Guide = Color.FromHex("#6E6E6E");
}
