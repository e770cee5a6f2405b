namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Settings of <see cref="Prim.Find"/>. PeelAlpha, PasteAlpha and MassMin default to EMA Workbench's values
/// (Kwakkel 2017, Environ. Model. Softw. 96:239), PeelAlpha being within the 0.05 to 0.1 Friedman and Fisher (1999)
/// suggest; Significance to the 0.05 of EMA Workbench's test of quasi-p-values. EMA Workbench asks the analyst for
/// the density threshold; 0.8 is the default here.
/// </summary>
/// <param name="PeelAlpha">Share of the box's points one peel removes from one end of a continuous parameter.</param>
/// <param name="PasteAlpha">Share of the points just outside one side of the box that one paste adds back.</param>
/// <param name="MassMin">Peeling stops before the box would hold less than this share of all sampled worlds.</param>
/// <param name="DensityThreshold">A box on the trajectory qualifies when at least this share of its worlds are cases of interest.</param>
/// <param name="Significance">A restriction whose quasi-p-value is above this is dropped from the chosen box.</param>
public sealed record PrimOptions(
    double PeelAlpha = 0.05,
    double PasteAlpha = 0.05,
    double MassMin = 0.05,
    double DensityThreshold = 0.8,
    double Significance = 0.05)
{
    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first setting outside its valid range.</summary>
    public void Validate()
    {
        Check(PeelAlpha, nameof(PeelAlpha), 0, 0.5, "a share of the box, e.g. 0.05");
        Check(PasteAlpha, nameof(PasteAlpha), 0, 0.5, "a share of the points outside the box, e.g. 0.05");
        Check(MassMin, nameof(MassMin), 0, 1, "a share of all sampled worlds, e.g. 0.05");
        Check(Significance, nameof(Significance), 0, 1, "a probability, e.g. 0.05");
        if (!(DensityThreshold > 0 && DensityThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DensityThreshold), DensityThreshold, "must lie in (0, 1], e.g. 0.8");
        }
    }

    private static void Check(double value, string name, double low, double high, string meaning)
    {
        if (!(value > low && value < high))
        {
            throw new ArgumentOutOfRangeException(name, value, $"must lie strictly between {low} and {high}: {meaning}");
        }
    }
}
