namespace MovementSim.Analysis.Sensitivity;

/// <summary>
/// One sensitivity index of one parameter, tidy: <see cref="Index"/> is one of the names in
/// <see cref="SensitivityIndex"/>; [CiLow, CiHigh] is a bootstrap percentile interval.
/// </summary>
public sealed record IndexRow(string Parameter, string Index, double Value, double CiLow, double CiHigh);

/// <summary>The index names written in <see cref="IndexRow.Index"/>.</summary>
public static class SensitivityIndex
{
    /// <summary>Sobol' first-order index: share of output variance explained by the parameter alone.</summary>
    public const string FirstOrder = "S1";

    /// <summary>Sobol' total-order index: share of variance involving the parameter, interactions included.</summary>
    public const string TotalOrder = "ST";

    /// <summary>Morris mean of absolute elementary effects (Campolongo et al. 2007): overall importance.</summary>
    public const string MuStar = "mu_star";

    /// <summary>Morris mean of elementary effects (Morris 1991): importance with sign; effects of opposite sign cancel.</summary>
    public const string Mu = "mu";

    /// <summary>Morris standard deviation of elementary effects: non-linearity or interactions.</summary>
    public const string Sigma = "sigma";
}
