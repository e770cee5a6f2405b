namespace MovementSim.Analysis.Robustness;

/// <summary>
/// A candidate peel or paste: which side moves (to <see cref="Bound"/>, or by taking away or adding
/// <see cref="Level"/>), how many worlds and cases of interest it removes or adds, how many dimensions the box would
/// then restrict, and its score.
/// </summary>
internal readonly record struct PrimMove(int Side, int Level, double Bound, int Changed, int ChangedCases, int RestrictedAfter, double Objective)
{
    public static readonly PrimMove None = new(-1, -1, double.NaN, 0, 0, int.MaxValue, double.NegativeInfinity);

    /// <summary>A candidate scored by <see cref="Lenient1"/>; one that changes nothing scores 0.</summary>
    public static PrimMove Scored(int side, int level, double bound, int changed, int changedCases, int restrictedAfter,
        int countOld, int casesOld, int countNew, int casesNew) =>
        new(side, level, bound, changed, changedCases, restrictedAfter,
            changed == 0 ? 0 : Lenient1(countOld, casesOld, countNew, casesNew));

    /// <summary>This move, or <paramref name="candidate"/> when it <see cref="IsBetterThan"/> this one.</summary>
    public PrimMove OrBetter(PrimMove candidate) => candidate.IsBetterThan(this) ? candidate : this;

    /// <summary>
    /// A higher objective wins; on a tie, the move leaving fewer dimensions restricted (as EMA Workbench sorts its
    /// candidates); on a further tie the one offered first (dimension order) stays.
    /// </summary>
    public bool IsBetterThan(PrimMove other) =>
        Objective > other.Objective || (Objective == other.Objective && RestrictedAfter < other.RestrictedAfter);

    /// <summary>
    /// EMA Workbench's default objective ("lenient1"): the change in the box's mean of the outcome per world
    /// removed or added, (mean_new - mean_old) / |n_new - n_old|. Per world, not per box, so that taking away a
    /// whole level of a categorical parameter is not favoured merely for being large. An emptied box has mean 0.
    /// </summary>
    public static double Lenient1(int countOld, int casesOld, int countNew, int casesNew)
    {
        var meanOld = (double)casesOld / countOld;
        var meanNew = countNew > 0 ? (double)casesNew / countNew : 0;
        return meanNew == meanOld ? 0 : (meanNew - meanOld) / Math.Abs(countNew - countOld);
    }
}
