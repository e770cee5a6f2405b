namespace MovementSim.Analysis.Robustness;

/// <summary>
/// The quantile PRIM peels and pastes at, as EMA Workbench computes it (modelled there on the Scenario Discovery
/// Toolkit): it never falls on a sampled value but midway between two distinct ones, so a bound cleanly splits the
/// worlds it keeps from those it removes, ties included. None of the usual quantile definitions (MathNet's R-1 to
/// R-9) does that, hence this one.
/// </summary>
internal static class SdToolkitQuantile
{
    /// <summary>
    /// For q ≤ 0.5: midway between the value at floor((m - 1) q) and the next larger value; for q &gt; 0.5: midway
    /// between the value at ceil((m - 1) q) and the next smaller value. With every value equal, that value.
    /// </summary>
    public static double Of(ReadOnlySpan<double> sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var higher = (int)Math.Ceiling(position);
        if (q > 0.5)
        {
            while (sorted[lower] == sorted[higher] && lower > 0)
            {
                lower--;
            }
        }
        else
        {
            while (sorted[lower] == sorted[higher] && higher < sorted.Length - 1)
            {
                higher++;
            }
        }
        return (sorted[lower] + sorted[higher]) / 2;
    }
}
