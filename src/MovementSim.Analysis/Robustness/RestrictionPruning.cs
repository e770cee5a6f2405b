namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Drops the restrictions of a chosen box that do not matter, one at a time: the side with the largest
/// <see cref="QuasiPValue"/> goes while that value exceeds the significance level, then the values are computed
/// again for what remains. EMA Workbench reports the same quasi-p-values and leaves dropping to the analyst
/// (PrimBox.drop_restriction); this does it as a reader would, least significant first. A side peeled only by
/// chance, such as a few percent off an irrelevant parameter, has a quasi-p-value near 0.5 or above and goes.
/// </summary>
internal static class RestrictionPruning
{
    public static (BoxLimits Box, int Count, int Cases, List<RestrictionSignificance> Significance, List<RestrictionSignificance> Dropped) Run(
        PrimData data, BoxLimits chosen, double significance)
    {
        var box = chosen.Clone();
        var violation = new int[data.RowCount];
        var dropped = new List<RestrictionSignificance>();
        while (true)
        {
            var (count, cases) = BoxViolations.Compute(data, box, violation);
            var sides = BoxViolations.RestrictedSides(data, box);
            var beyondCount = new int[2 * data.DimensionCount];
            var beyondCases = new int[beyondCount.Length];
            for (var row = 0; row < data.RowCount; row++)
            {
                if (violation[row] >= 0)
                {
                    beyondCount[violation[row]]++;
                    beyondCases[violation[row]] += data.Outcome[row] ? 1 : 0;
                }
            }

            var values = new List<RestrictionSignificance>(sides.Count);
            var worst = -1;
            foreach (var side in sides)
            {
                var without = (double)(cases + beyondCases[side]) / (count + beyondCount[side]);
                var qp = QuasiPValue.Of(cases, count, without);
                values.Add(new RestrictionSignificance(data.Samples.Dimensions[BoxLimits.Dimension(side)].Name, SideOf(data, side), qp));
                if (worst < 0 || qp > values[worst].QuasiP)
                {
                    worst = values.Count - 1;
                }
            }

            if (worst < 0 || !(values[worst].QuasiP > significance))
            {
                return (box, count, cases, values, dropped);
            }
            dropped.Add(values[worst]);
            box.Relax(sides[worst]);
        }
    }

    private static BoxSide SideOf(PrimData data, int side) =>
        data.IsCategorical(BoxLimits.Dimension(side)) ? BoxSide.Levels : BoxLimits.IsUpper(side) ? BoxSide.Upper : BoxSide.Lower;
}
