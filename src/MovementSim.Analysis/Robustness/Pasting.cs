using MovementSim.Batch;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// PRIM's pasting phase (Friedman and Fisher 1999, section 4), as EMA Workbench does it: for each restricted side,
/// the candidate adds back the PasteAlpha share of the worlds that lie just beyond it and inside every other
/// restriction (or, for a categorical parameter, one left-out level); the best by <see cref="PrimMove.Lenient1"/>
/// is taken while it raises the box's density.
/// </summary>
internal static class Pasting
{
    /// <summary>Pastes the last box of <paramref name="trajectory"/>, appending every box it makes.</summary>
    public static void Run(PrimData data, PrimOptions options, List<TrajectoryEntry> trajectory)
    {
        var box = trajectory[^1].Limits.Clone();
        var violation = new int[data.RowCount];
        var values = new double[data.RowCount];
        var hits = new int[data.RowCount];
        var levelCounts = new int[data.LevelCounts.DefaultIfEmpty(0).Max()];
        var levelCases = new int[levelCounts.Length];

        while (true)
        {
            var (count, cases) = BoxViolations.Compute(data, box, violation);
            var others = box.RestrictedDimensionCount() - 1;
            var best = PrimMove.None;
            foreach (var side in BoxViolations.RestrictedSides(data, box))
            {
                var j = BoxLimits.Dimension(side);
                if (!data.IsCategorical(j))
                {
                    var m = MarkedRows.GatherSorted(data, j, violation, side, values, hits);
                    best = BestEndPaste(data.Ranges[j]!, options, box, side, values.AsSpan(0, m), hits, count, cases, others, best);
                    continue;
                }
                MarkedRows.TallyLevels(data, j, violation, side, levelCounts, levelCases);
                var restrictedAfter = others + (box.KeptCount(j) + 1 < data.LevelCounts[j] ? 1 : 0);
                for (var level = 0; level < data.LevelCounts[j]; level++)
                {
                    if (!box.Keeps(j, level))
                    {
                        best = best.OrBetter(PrimMove.Scored(side, level, double.NaN, levelCounts[level], levelCases[level], restrictedAfter,
                            count, cases, count + levelCounts[level], cases + levelCases[level]));
                    }
                }
            }

            if (best.Side < 0 || best.Changed == 0 || !(best.Objective > 0))
            {
                return;
            }
            var dimension = BoxLimits.Dimension(best.Side);
            if (data.IsCategorical(dimension))
            {
                box.SetKept(dimension, best.Level, true);
            }
            else
            {
                box.SetBound(best.Side, best.Bound);
            }
            trajectory.Add(new TrajectoryEntry(PrimPhase.Paste, box.Clone(), count + best.Changed, cases + best.ChangedCases));
        }
    }

    /// <summary>
    /// The better of <paramref name="best"/> and moving a continuous side outwards, given the values of the worlds
    /// beyond that side alone in ascending order: the new bound is their PasteAlpha quantile counted from the box.
    /// </summary>
    private static PrimMove BestEndPaste(ParameterRange range, PrimOptions options, BoxLimits box, int side, ReadOnlySpan<double> sorted,
        int[] hits, int count, int cases, int others, PrimMove best)
    {
        var m = sorted.Length;
        if (m == 0)
        {
            return best;
        }
        var j = BoxLimits.Dimension(side);
        var added = 0;
        var addedCases = 0;
        double bound;
        bool restrictedAfter;
        if (BoxLimits.IsUpper(side))
        {
            bound = SampleStatistics.SplittingQuantile(sorted, options.PasteAlpha);
            while (added < m && sorted[added] <= bound)
            {
                addedCases += hits[added];
                added++;
            }
            restrictedAfter = bound < range.Max || box.IsLowerRestricted(j);
        }
        else
        {
            bound = SampleStatistics.SplittingQuantile(sorted, 1 - options.PasteAlpha);
            while (added < m && sorted[m - 1 - added] >= bound)
            {
                addedCases += hits[m - 1 - added];
                added++;
            }
            restrictedAfter = bound > range.Min || box.IsUpperRestricted(j);
        }
        return best.OrBetter(PrimMove.Scored(side, -1, bound, added, addedCases, others + (restrictedAfter ? 1 : 0),
            count, cases, count + added, cases + addedCases));
    }
}
