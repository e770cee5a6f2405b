using MathNet.Numerics.Distributions;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// The Clopper-Pearson "exact" interval of a binomial share (Clopper and Pearson 1934, Biometrika 26:404): the
/// shares p for which the observed count is not in either tail of Binomial(n, p) beyond (1 - confidence)/2. Its
/// coverage is at least the confidence level for every p, at the price of being wider than needed; for the share
/// of sampled worlds won, an interval that never claims too much is the right side to err on.
/// </summary>
public static class ClopperPearson
{
    /// <summary>
    /// Share <paramref name="count"/>/<paramref name="total"/> with ends Beta⁻¹(α/2; x, n - x + 1) and
    /// Beta⁻¹(1 - α/2; x + 1, n - x), α = 1 - confidence, from MathNet's inverse Beta CDF; 0 and 1 at x = 0 and x = n.
    /// </summary>
    public static ShareEstimate Interval(int count, int total, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence level must lie strictly between 0 and 1, e.g. 0.95");
        }
        var tail = (1 - confidence) / 2;
        var low = count == 0 ? 0 : Beta.InvCDF(count, total - count + 1, tail);
        var high = count == total ? 1 : Beta.InvCDF(count + 1, total - count, 1 - tail);
        return new ShareEstimate(count, total, (double)count / total, low, high, confidence);
    }
}
