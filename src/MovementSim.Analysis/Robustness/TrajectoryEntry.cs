namespace MovementSim.Analysis.Robustness;

/// <summary>A box of the trajectory while PRIM runs: its bounds (a snapshot) and the worlds and cases of interest inside.</summary>
internal sealed record TrajectoryEntry(PrimPhase Phase, BoxLimits Limits, int Count, int Cases)
{
    public double Density => Count == 0 ? 0 : (double)Cases / Count;
}
