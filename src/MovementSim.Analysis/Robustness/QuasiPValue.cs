using MathNet.Numerics;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Quasi-p-values of box restrictions (Bryant and Lempert 2010, Technol. Forecast. Soc. Change 77:34), as EMA
/// Workbench computes them: a one-sided binomial test of whether the box is denser than it would be without the
/// restriction. "Quasi" because the box was chosen by looking at the same data, so the value is a guide, not a
/// test at a known level.
/// </summary>
public static class QuasiPValue
{
    /// <summary>
    /// P(X ≥ <paramref name="casesInBox"/>) for X ~ Binomial(<paramref name="countInBox"/>,
    /// <paramref name="densityWithout"/>), the density of the box with the restriction removed. Computed as the
    /// regularised incomplete beta function I_p(k, n - k + 1), which keeps small tails exact where
    /// 1 - Binomial.CDF would round to 0.
    /// </summary>
    public static double Of(int casesInBox, int countInBox, double densityWithout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(casesInBox);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(casesInBox, countInBox);
        if (!(densityWithout >= 0 && densityWithout <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(densityWithout), densityWithout, "a density lies in [0, 1]");
        }
        if (casesInBox == 0 || densityWithout >= 1)
        {
            return 1;
        }
        if (densityWithout <= 0)
        {
            return 0;
        }
        return SpecialFunctions.BetaRegularized(casesInBox, countInBox - casesInBox + 1, densityWithout);
    }
}
