namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Which side of a box each row violates. A row that violates exactly one side is what that side's paste could
/// add back, and what dropping that side's restriction would let in; so pasting and the quasi-p-values both read
/// one pass over the rows instead of one per side.
/// </summary>
internal static class BoxViolations
{
    /// <summary>The row lies inside the box.</summary>
    public const int Inside = -1;

    /// <summary>The row violates more than one side.</summary>
    public const int Several = -2;

    /// <summary>
    /// Fills <paramref name="violation"/> with <see cref="Inside"/>, <see cref="Several"/> or the one side a row
    /// violates; returns the worlds and cases of interest inside the box.
    /// </summary>
    public static (int Count, int Cases) Compute(PrimData data, BoxLimits box, int[] violation)
    {
        var sides = RestrictedSides(data, box);
        var count = 0;
        var cases = 0;
        for (var row = 0; row < data.RowCount; row++)
        {
            var v = Inside;
            foreach (var side in sides)
            {
                if (box.Violates(side, row))
                {
                    if (v != Inside)
                    {
                        v = Several;
                        break;
                    }
                    v = side;
                }
            }
            violation[row] = v;
            if (v == Inside)
            {
                count++;
                cases += data.Outcome[row] ? 1 : 0;
            }
        }
        return (count, cases);
    }

    /// <summary>The sides that restrict anything, in order (dimension by dimension, lower before upper).</summary>
    public static List<int> RestrictedSides(PrimData data, BoxLimits box)
    {
        var sides = new List<int>();
        for (var side = 0; side < 2 * data.DimensionCount; side++)
        {
            if (box.IsRestricted(side))
            {
                sides.Add(side);
            }
        }
        return sides;
    }
}
