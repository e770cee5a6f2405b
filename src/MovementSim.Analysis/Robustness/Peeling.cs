using MovementSim.Batch;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// PRIM's peeling phase (Friedman and Fisher 1999, section 3), as EMA Workbench does it: every candidate takes away
/// the PeelAlpha share of the box's worlds at one end of a continuous parameter (cut at
/// <see cref="SampleStatistics.SplittingQuantile"/>), or one level of a categorical parameter that keeps more than one; the best by
/// <see cref="PrimMove.Lenient1"/> is taken while it raises the box's density and leaves at least MassMin of the
/// worlds. When the best candidate would leave less, peeling stops, as in EMA Workbench.
/// </summary>
internal static class Peeling
{
    /// <summary>Peels the last box of <paramref name="trajectory"/>, appending every box it makes.</summary>
    public static void Run(PrimData data, PrimOptions options, List<TrajectoryEntry> trajectory)
    {
        var start = trajectory[^1];
        var box = start.Limits.Clone();
        var count = start.Count;
        var cases = start.Cases;
        var membership = new int[data.RowCount];
        for (var row = 0; row < membership.Length; row++)
        {
            membership[row] = box.Contains(row) ? BoxViolations.Inside : BoxViolations.Several;
        }
        var values = new double[data.RowCount];
        var hits = new int[data.RowCount];
        var levelCounts = new int[data.LevelCounts.DefaultIfEmpty(0).Max()];
        var levelCases = new int[levelCounts.Length];

        while (true)
        {
            var restricted = box.RestrictedDimensionCount();
            var best = PrimMove.None;
            for (var j = 0; j < data.DimensionCount; j++)
            {
                var others = restricted - (box.IsDimensionRestricted(j) ? 1 : 0);
                if (!data.IsCategorical(j))
                {
                    var m = MarkedRows.GatherSorted(data, j, membership, BoxViolations.Inside, values, hits);
                    best = BestEndPeel(data.Ranges[j]!, options, box, j, values.AsSpan(0, m), hits, count, cases, others, best);
                }
                else if (box.KeptCount(j) > 1)
                {
                    MarkedRows.TallyLevels(data, j, membership, BoxViolations.Inside, levelCounts, levelCases);
                    for (var level = 0; level < data.LevelCounts[j]; level++)
                    {
                        if (box.Keeps(j, level))
                        {
                            best = best.OrBetter(PrimMove.Scored(2 * j, level, double.NaN, levelCounts[level], levelCases[level], others + 1,
                                count, cases, count - levelCounts[level], cases - levelCases[level]));
                        }
                    }
                }
            }

            var remaining = count - best.Changed;
            if (best.Side < 0 || best.Changed == 0 || !(best.Objective > 0) || (double)remaining / data.RowCount < options.MassMin)
            {
                return;
            }
            Apply(data, box, membership, best);
            count = remaining;
            cases -= best.ChangedCases;
            trajectory.Add(new TrajectoryEntry(PrimPhase.Peel, box.Clone(), count, cases));
        }
    }

    /// <summary>
    /// The better of <paramref name="best"/> and the two end peels of continuous dimension j, given the box's values
    /// in ascending order (upper end first, as EMA Workbench offers them).
    /// </summary>
    private static PrimMove BestEndPeel(ParameterRange range, PrimOptions options, BoxLimits box, int j, ReadOnlySpan<double> sorted,
        int[] hits, int count, int cases, int others, PrimMove best)
    {
        var m = sorted.Length;
        var upper = SampleStatistics.SplittingQuantile(sorted, 1 - options.PeelAlpha);
        var kept = m;
        var removedCases = 0;
        while (kept > 0 && sorted[kept - 1] > upper)
        {
            kept--;
            removedCases += hits[kept];
        }
        var restrictedAfter = others + (upper < range.Max || box.IsLowerRestricted(j) ? 1 : 0);
        best = best.OrBetter(PrimMove.Scored(2 * j + 1, -1, upper, m - kept, removedCases, restrictedAfter,
            count, cases, count - (m - kept), cases - removedCases));

        var lower = SampleStatistics.SplittingQuantile(sorted, options.PeelAlpha);
        var removed = 0;
        removedCases = 0;
        while (removed < m && sorted[removed] < lower)
        {
            removedCases += hits[removed];
            removed++;
        }
        restrictedAfter = others + (lower > range.Min || box.IsUpperRestricted(j) ? 1 : 0);
        return best.OrBetter(PrimMove.Scored(2 * j, -1, lower, removed, removedCases, restrictedAfter,
            count, cases, count - removed, cases - removedCases));
    }

    private static void Apply(PrimData data, BoxLimits box, int[] membership, PrimMove move)
    {
        var j = BoxLimits.Dimension(move.Side);
        if (data.IsCategorical(j))
        {
            box.SetKept(j, move.Level, false);
        }
        else
        {
            box.SetBound(move.Side, move.Bound);
        }
        for (var row = 0; row < membership.Length; row++)
        {
            if (membership[row] == BoxViolations.Inside && box.Violates(move.Side, row))
            {
                membership[row] = BoxViolations.Several;
            }
        }
    }
}
