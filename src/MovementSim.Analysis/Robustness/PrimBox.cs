namespace MovementSim.Analysis.Robustness;

/// <summary>
/// A region of the sampled parameters and how well it captures the cases of interest. The statistics are
/// counts, so they are exact; the shares follow from them.
/// </summary>
/// <param name="Restrictions">One per restricted parameter, in the order of the sample matrix's dimensions.</param>
/// <param name="Count">Sampled worlds inside the box.</param>
/// <param name="CasesOfInterest">Cases of interest inside the box.</param>
/// <param name="SampleCount">All sampled worlds.</param>
/// <param name="TotalCasesOfInterest">All cases of interest.</param>
public sealed record PrimBox(
    IReadOnlyList<BoxRestriction> Restrictions,
    int Count,
    int CasesOfInterest,
    int SampleCount,
    int TotalCasesOfInterest)
{
    /// <summary>Share of all cases of interest that lie inside the box (0 when there are none).</summary>
    public double Coverage => TotalCasesOfInterest == 0 ? 0 : (double)CasesOfInterest / TotalCasesOfInterest;

    /// <summary>Share of the worlds inside the box that are cases of interest: the box's mean of the outcome.</summary>
    public double Density => Count == 0 ? 0 : (double)CasesOfInterest / Count;

    /// <summary>Share of all sampled worlds inside the box.</summary>
    public double Mass => (double)Count / SampleCount;
}
