namespace MovementSim.Analysis.Robustness;

/// <summary>Which phase of PRIM made a box on the trajectory.</summary>
public enum PrimPhase
{
    /// <summary>The whole sampled space, before any peel.</summary>
    Start,

    /// <summary>One end of a continuous parameter, or one level of a categorical one, taken away.</summary>
    Peel,

    /// <summary>Points just outside one side, or one level, added back.</summary>
    Paste,
}

/// <summary>One box of the peeling and pasting trajectory, in the order PRIM made them.</summary>
public sealed record PrimStep(int Index, PrimPhase Phase, PrimBox Box);
