namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Reads the rows whose marker equals a key: the rows inside the box when peeling, the rows beyond one side when
/// pasting (markers from <see cref="BoxViolations"/>). Results go into buffers the caller owns, so a peel or paste
/// step allocates nothing.
/// </summary>
internal static class MarkedRows
{
    /// <summary>
    /// The marked rows' values of continuous dimension j in ascending order, and whether each is a case of interest
    /// (1) or not (0); returns how many.
    /// </summary>
    public static int GatherSorted(PrimData data, int j, int[] marker, int key, double[] values, int[] hits)
    {
        var column = data.Columns[j];
        var m = 0;
        foreach (var row in data.Order[j])
        {
            if (marker[row] == key)
            {
                values[m] = column[row];
                hits[m] = data.Outcome[row] ? 1 : 0;
                m++;
            }
        }
        return m;
    }

    /// <summary>The marked rows and their cases of interest per level of categorical dimension j.</summary>
    public static void TallyLevels(PrimData data, int j, int[] marker, int key, int[] counts, int[] cases)
    {
        var levels = data.LevelCounts[j];
        Array.Clear(counts, 0, levels);
        Array.Clear(cases, 0, levels);
        for (var row = 0; row < data.RowCount; row++)
        {
            if (marker[row] == key)
            {
                var level = data.Level(j, row);
                counts[level]++;
                cases[level] += data.Outcome[row] ? 1 : 0;
            }
        }
    }
}
