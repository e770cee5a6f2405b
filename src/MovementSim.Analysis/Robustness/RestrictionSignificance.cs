namespace MovementSim.Analysis.Robustness;

/// <summary>Which part of a restriction a quasi-p-value is about.</summary>
public enum BoxSide
{
    /// <summary>The lower bound of a continuous parameter.</summary>
    Lower,

    /// <summary>The upper bound of a continuous parameter.</summary>
    Upper,

    /// <summary>The kept levels of a categorical parameter, as a whole.</summary>
    Levels,
}

/// <summary>
/// The quasi-p-value of one side of a restriction (Bryant and Lempert 2010): the one-sided binomial probability of
/// at least the box's cases of interest among its worlds if the density were that of the box without this side.
/// Small means the side matters.
/// </summary>
public sealed record RestrictionSignificance(string Parameter, BoxSide Side, double QuasiP);
