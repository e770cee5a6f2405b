namespace MovementSim.Analysis.Sampling;

/// <summary>Random draws for quasi-random designs in the unit cube (Latin hypercubes are <see cref="MovementSim.Batch.LatinHypercube"/>).</summary>
public static class UnitCubeSampling
{
    /// <summary>A uniformly random 32-bit mask, for digital shifts (one NextDouble draw).</summary>
    public static uint NextUInt32(System.Random random) => (uint)Math.Floor(random.NextDouble() * 4294967296.0);
}
