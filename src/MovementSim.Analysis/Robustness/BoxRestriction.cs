namespace MovementSim.Analysis.Robustness;

/// <summary>What a PRIM box requires of one parameter; parameters the box does not restrict have no entry.</summary>
public abstract record BoxRestriction(string Parameter);

/// <summary>
/// A continuous parameter kept to values at or above <see cref="Lower"/> and at or below <see cref="Upper"/>; a
/// null end is the end of the sampled range (not restricted). Bounds lie midway between sampled values, so no
/// sampled world sits on one.
/// </summary>
public sealed record RangeRestriction(string Parameter, double? Lower, double? Upper) : BoxRestriction(Parameter);

/// <summary>A categorical parameter kept to <see cref="Levels"/>, a proper subset of its levels, in their declared order.</summary>
public sealed record LevelRestriction(string Parameter, IReadOnlyList<string> Levels) : BoxRestriction(Parameter);
