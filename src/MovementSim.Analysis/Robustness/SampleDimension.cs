namespace MovementSim.Analysis.Robustness;

/// <summary>
/// One column of a <see cref="SampleMatrix"/>: an uncertain parameter that was sampled, either a number over a
/// range (<see cref="ContinuousDimension"/>) or a choice among named levels (<see cref="CategoricalDimension"/>).
/// </summary>
public abstract record SampleDimension(string Name);

/// <summary>
/// A numeric parameter sampled over <see cref="Range"/>. The range, not the sampled values, is the unrestricted
/// extent: a PRIM box that keeps the whole range puts no restriction on the parameter. Integer parameters are
/// continuous here (their values are rounded numbers within the range).
/// </summary>
public sealed record ContinuousDimension(ParameterRange Range) : SampleDimension(Range.Name);

/// <summary>
/// A choice parameter; a sample holds the index of its level in <see cref="Levels"/> (0, 1, ...), stored as a
/// double like every value of the matrix.
/// </summary>
public sealed record CategoricalDimension(string Name, IReadOnlyList<string> Levels) : SampleDimension(Name)
{
    /// <summary>The index of <paramref name="level"/>, as stored in a sample; throws when it is not a level.</summary>
    public int IndexOf(string level)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i], level, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"{Name}: '{level}' is not one of its levels ({string.Join(", ", Levels)})", nameof(level));
    }
}
