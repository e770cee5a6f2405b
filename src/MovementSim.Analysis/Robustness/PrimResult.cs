namespace MovementSim.Analysis.Robustness;

/// <summary>
/// What <see cref="Prim.Find"/> found.
/// </summary>
/// <param name="Box">
/// The chosen box after dropping the restrictions that do not matter: when <see cref="MeetsDensityThreshold"/>, the
/// region where the cases of interest concentrate; otherwise the densest box found, which is not such a region.
/// </param>
/// <param name="MeetsDensityThreshold">Whether some box of the trajectory reached the density threshold.</param>
/// <param name="ChosenStep">Index in <see cref="Trajectory"/> of the box chosen before restrictions were dropped.</param>
/// <param name="Trajectory">Every box of peeling, then pasting, starting with the whole space.</param>
/// <param name="Significance">Quasi-p-value of each side of each restriction of <see cref="Box"/>, in dimension order.</param>
/// <param name="Dropped">Restrictions of the chosen step removed as not significant, in the order they were removed, with their quasi-p-value then.</param>
/// <param name="Options">The settings used.</param>
public sealed record PrimResult(
    PrimBox Box,
    bool MeetsDensityThreshold,
    int ChosenStep,
    IReadOnlyList<PrimStep> Trajectory,
    IReadOnlyList<RestrictionSignificance> Significance,
    IReadOnlyList<RestrictionSignificance> Dropped,
    PrimOptions Options);
