namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Scenario discovery with PRIM, the patient rule induction method (Friedman and Fisher 1999, Stat. Comput.
/// 9:123), as EMA Workbench's <c>prim</c> runs it for a binary outcome (Bryant and Lempert 2010; Kwakkel 2017):
/// <see cref="Peeling"/>, then <see cref="Pasting"/>, then a box chosen from the trajectory, then the restrictions
/// that do not matter dropped (<see cref="RestrictionPruning"/>). One box (no covering: the worlds in it are not
/// set aside to look for a second). Deterministic: no random numbers; the same input gives the same result.
/// </summary>
public static class Prim
{
    /// <summary>
    /// Finds the region of the sampled parameters where the cases of interest concentrate.
    /// <paramref name="ofInterest"/>[i] tells whether sampled world i (row i of <paramref name="samples"/>) is a
    /// case of interest, e.g. one where take-up loses. The box is chosen from the trajectory as the one of highest
    /// coverage among those with density at least <see cref="PrimOptions.DensityThreshold"/> (ties: the denser,
    /// then the earlier); when none reaches the threshold, the densest (ties: the higher coverage, then the
    /// earlier), and <see cref="PrimResult.MeetsDensityThreshold"/> is false.
    /// </summary>
    public static PrimResult Find(SampleMatrix samples, IReadOnlyList<bool> ofInterest, PrimOptions? options = null)
    {
        options ??= new PrimOptions();
        options.Validate();
        var data = new PrimData(samples, ofInterest);

        var trajectory = new List<TrajectoryEntry> { new(PrimPhase.Start, BoxLimits.Whole(data), data.RowCount, data.TotalCases) };
        Peeling.Run(data, options, trajectory);
        Pasting.Run(data, options, trajectory);

        var (chosen, meets) = Choose(trajectory, options.DensityThreshold);
        var (box, count, cases, significance, dropped) = RestrictionPruning.Run(data, trajectory[chosen].Limits, options.Significance);

        var steps = trajectory
            .Select((t, i) => new PrimStep(i, t.Phase, new PrimBox(t.Limits.ToRestrictions(), t.Count, t.Cases, data.RowCount, data.TotalCases)))
            .ToArray();
        return new PrimResult(
            new PrimBox(box.ToRestrictions(), count, cases, data.RowCount, data.TotalCases),
            meets,
            chosen,
            steps,
            significance,
            dropped,
            options);
    }

    private static (int Index, bool MeetsThreshold) Choose(List<TrajectoryEntry> trajectory, double threshold)
    {
        var best = -1;
        for (var i = 0; i < trajectory.Count; i++)
        {
            var t = trajectory[i];
            if (t.Density >= threshold && (best < 0 || t.Cases > trajectory[best].Cases
                || (t.Cases == trajectory[best].Cases && t.Density > trajectory[best].Density)))
            {
                best = i;
            }
        }
        if (best >= 0)
        {
            return (best, true);
        }
        best = 0;
        for (var i = 1; i < trajectory.Count; i++)
        {
            var t = trajectory[i];
            if (t.Density > trajectory[best].Density || (t.Density == trajectory[best].Density && t.Cases > trajectory[best].Cases))
            {
                best = i;
            }
        }
        return (best, false);
    }
}
