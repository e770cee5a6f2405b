using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>
/// Outcomes at the end across a parameter sweep, one method per kind of design: one swept parameter (outcome against
/// its levels), a sampled design such as a Latin hypercube (a scatter per parameter, ranked by correlation), and a
/// factorial design of several parameters (main effects and a heatmap of the two that matter most).
/// </summary>
internal static class SweepCharts
{
    private sealed record Sweep(ResultFolder Results, IReadOnlyList<DesignPointSeries> Points, List<string> Swept,
        IReadOnlyList<string> Outcomes, DesignPointSeries? Reference, double? ReferenceBenefit);

    public static IEnumerable<Chart> Build(ResultFolder r, IReadOnlyList<DesignPointSeries> points, DesignPointSeries? reference)
    {
        var swept = r.SweptParameters
            .Where(s => s != "institutional_adoption")
            .Where(s => points.Select(d => d.SettingOf(s) ?? "").Distinct().Count() > 1)
            .ToList();
        if (swept.Count == 0 || points.Count < 2)
        {
            return [];
        }
        double? referenceBenefit = r.DesignPoints.Count(d => d.IsMovementOnly) == 1 && reference is not null
            ? reference.Final(MeasureSet.NetBenefit).Mean
            : null;
        var outcomes = new[] { MeasureSet.NetBenefit, MeasureSet.Reach, MeasureSet.Fidelity }.Where(m => points[0].Has(m)).ToList();
        var sweep = new Sweep(r, points, swept, outcomes, reference, referenceBenefit);
        if (swept.Count == 1)
        {
            return [OneParameter(sweep)];
        }
        // A sampled design (a Latin hypercube) gives every design point its own value of every parameter: there are
        // no levels to average over, so each parameter gets a scatter of the design points and no heatmap.
        return swept.All(s => points.GroupBy(d => d.SettingOf(s)).All(g => g.Count() == 1)) ? Sampled(sweep) : Factorial(sweep);
    }

    private static Color ColourOf(string m) => m == MeasureSet.NetBenefit ? OkabeIto.Vermillion : m == MeasureSet.Reach ? OkabeIto.Blue : OkabeIto.BluishGreen;

    /// <summary>One swept parameter: each outcome against its levels, with the 5–95% band of the runs.</summary>
    private static Chart OneParameter(Sweep sweep)
    {
        var (_, points, swept, outcomes, reference, referenceBenefit) = sweep;
        var param = swept[0];
        var levels = ChartData.Levels(points.Select(d => d.SettingOf(param) ?? ""));
        var atLevel = levels.Select(l => points.First(d => d.SettingOf(param) == l)).ToList();
        var series = outcomes.Select(m => (Format.Capital(Format.NameOf(m)), ColourOf(m), atLevel.Select(d => SweepBand.OfRuns(d.Final(m))).ToArray())).ToList();
        var title = $"Outcomes at the end, by {Text.Words(param)}";
        return new Chart("sweep_" + FileName(param), SectionSweep, title, SweepCaption(param, levels, atLevel.Select(d => d.Final(MeasureSet.NetBenefit).Mean).ToList(), atLevel, reference, referenceBenefit) + " Shaded: 5–95% of runs.",
            Draw.Sweep(title, AxisName(param), levels, series, referenceBenefit, "shaded: 5–95% of runs"));
    }

    /// <summary>A sampled design: a scatter of the design points for each of the parameters that matter most.</summary>
    private static IEnumerable<Chart> Sampled(Sweep sweep)
    {
        var (_, points, swept, outcomes, _, referenceBenefit) = sweep;
        var byCorrelation = swept
            .Select(s => (Param: s, R: SampleStatistics.Correlation(points.Select(d => ResultFolder.ParseNumber(d.SettingOf(s) ?? "") ?? double.NaN).ToList(),
                points.Select(d => d.Final(MeasureSet.NetBenefit).Mean).ToList())))
            .OrderByDescending(t => double.IsNaN(t.R) ? -1 : Math.Abs(t.R)).ThenBy(t => swept.IndexOf(t.Param)).ToList();
        var ranking = $"Of the {swept.Count} sampled parameters, final net benefit follows " +
                      Describe.List(byCorrelation.Where(t => !double.IsNaN(t.R)).Select(t => $"{Text.Words(t.Param)} (r = {Format.Score(t.R)})").ToList()) +
                      ", in that order (Pearson correlation over the design points).";
        foreach (var (param, rho) in byCorrelation.Take(6))
        {
            var ordered = points.OrderBy(d => ResultFolder.ParseNumber(d.SettingOf(param) ?? "") ?? double.NaN).ToList();
            var levels = ordered.Select(d => d.SettingOf(param) ?? "").ToList();
            var series = outcomes.Select(m => (Format.Capital(Format.NameOf(m)), ColourOf(m), ordered.Select(d => SweepBand.OfRuns(d.Final(m))).ToArray())).ToList();
            var title = $"Outcomes at the end, by {Text.Words(param)}";
            var caption = $"Each point is one of {points.Count} sampled design points, with the 5–95% range of its runs; the other parameters vary too. " +
                          (double.IsNaN(rho) ? "" : $"Final net benefit {(rho >= 0 ? "rises" : "falls")} with {Text.Words(param)} (r = {Format.Score(rho)}). ") +
                          ranking;
            yield return new Chart("sweep_" + FileName(param), SectionSweep, title, caption,
                Draw.Sweep(title, AxisName(param), levels, series, referenceBenefit, "bars: 5–95% of runs", connect: false));
        }
    }

    /// <summary>A factorial design of several parameters: main effects (with three or more) and the heatmap of the two that matter most.</summary>
    private static IEnumerable<Chart> Factorial(Sweep sweep)
    {
        var (_, points, swept, outcomes, _, referenceBenefit) = sweep;
        var ranked = swept
            .Select(s => (Param: s, Effect: ChartData.MainEffectVariance(points.Select(d => (d.SettingOf(s) ?? "", d.Final(MeasureSet.NetBenefit).Mean)).ToList())))
            .OrderByDescending(t => t.Effect).ThenBy(t => swept.IndexOf(t.Param)).ToList();
        if (swept.Count > 2)
        {
            // Small multiples: the main effect of each parameter, averaging over the others.
            foreach (var (param, _) in ranked.Take(6))
            {
                var levels = ChartData.Levels(points.Select(d => d.SettingOf(param) ?? ""));
                var series = outcomes.Select(m => (Format.Capital(Format.NameOf(m)), ColourOf(m),
                    levels.Select(l => SweepBand.MainEffect(points.Where(d => d.SettingOf(param) == l).Select(d => d.Final(m).Mean).ToList())).ToArray())).ToList();
                var means = levels.Select(l => points.Where(d => d.SettingOf(param) == l).Select(d => d.Final(MeasureSet.NetBenefit).Mean).Average()).ToList();
                var best = ArgMax(means.ToArray());
                var worst = ArgMin(means.ToArray());
                var title = $"Outcomes at the end, by {Text.Words(param)}";
                var caption = $"Averaging over the other swept parameters, final net benefit was highest at {Text.Words(param)} = {Text.Value(levels[best])} ({Format.Benefit(means[best])}) " +
                              $"and lowest at {Text.Value(levels[worst])} ({Format.Benefit(means[worst])}). Shaded: the range of design-point means over the other parameters.";
                yield return new Chart("sweep_" + FileName(param), SectionSweep, title, caption,
                    Draw.Sweep(title, AxisName(param), levels, series, referenceBenefit, "shaded: range over the other parameters"));
            }
        }
        var (px, py) = (ranked[0].Param, ranked[1].Param);
        var xLevels = ChartData.Levels(points.Select(d => d.SettingOf(px) ?? ""));
        var yLevels = ChartData.Levels(points.Select(d => d.SettingOf(py) ?? ""));
        var filled = points.Select(d => (d.SettingOf(px), d.SettingOf(py))).Distinct().Count();
        if (filled * 2 < xLevels.Count * yLevels.Count)
        {
            // Most cells would be empty: a heatmap would show the design more than the results.
            yield break;
        }
        var averaged = swept.Count > 2
            ? $" Averaged over {Describe.List(swept.Where(s => s != px && s != py).Select(Text.Words).ToList())}; these two move final net benefit most ({Describe.List(ranked.Select(t => $"{Text.Words(t.Param)} {Format.Number(Math.Sqrt(t.Effect))}").ToList())}: standard deviation of the mean net benefit across each parameter's levels)."
            : "";
        foreach (var m in outcomes)
        {
            var grid = new double[yLevels.Count, xLevels.Count];
            for (var j = 0; j < yLevels.Count; j++)
            {
                for (var i = 0; i < xLevels.Count; i++)
                {
                    var cell = points.Where(d => d.SettingOf(px) == xLevels[i] && d.SettingOf(py) == yLevels[j]).Select(d => d.Final(m).Mean).Where(double.IsFinite).ToList();
                    grid[j, i] = cell.Count > 0 ? cell.Average() : double.NaN;
                }
            }
            var f = Format.For(m);
            var share = Format.IsShare(m);
            var cells = Enumerable.Range(0, yLevels.Count).SelectMany(j => Enumerable.Range(0, xLevels.Count).Select(i => (i, j, v: grid[j, i]))).Where(c => double.IsFinite(c.v)).ToList();
            var hi = cells.MaxBy(c => c.v);
            var lo = cells.MinBy(c => c.v);
            var name = Format.NameOf(m);
            var title = $"Final {name} by {Text.Words(px)} and {Text.Words(py)}";
            var caption = $"Final {name} was highest ({f(hi.v)}) at {Text.Words(px)} = {Text.Value(xLevels[hi.i])} and {Text.Words(py)} = {Text.Value(yLevels[hi.j])}, " +
                          $"and lowest ({f(lo.v)}) at {Text.Words(px)} = {Text.Value(xLevels[lo.i])} and {Text.Words(py)} = {Text.Value(yLevels[lo.j])}. Each cell is the mean over replicates." + averaged;
            if (m == MeasureSet.NetBenefit && referenceBenefit is { } rb)
            {
                caption += $" {cells.Count(c => c.v > rb)} of {cells.Count} cells end above the movement alone ({Format.Benefit(rb)}).";
            }
            yield return new Chart("sweep_heatmap_" + FileName(m), SectionSweep, title, caption,
                Draw.Heatmap(title, AxisName(px), AxisName(py), xLevels, yLevels, share ? Scale(grid, 100) : grid, $"Final {name}" + (share ? " (%)" : ""),
                    share ? v => Format.Percent(v / 100) : f));
        }
    }

    public static double[,] Scale(double[,] grid, double factor)
    {
        var scaled = (double[,])grid.Clone();
        for (var j = 0; j < scaled.GetLength(0); j++)
        {
            for (var i = 0; i < scaled.GetLength(1); i++)
            {
                scaled[j, i] *= factor;
            }
        }
        return scaled;
    }

    public static string SweepCaption(string param, IReadOnlyList<string> levels, IReadOnlyList<double> benefit, IReadOnlyList<DesignPointSeries> atLevel,
        DesignPointSeries? reference, double? referenceBenefit)
    {
        var best = ArgMax(benefit.ToArray());
        var worst = ArgMin(benefit.ToArray());
        var reach = atLevel.Select(d => d.Final(MeasureSet.Reach).Mean).ToList();
        var fidelity = atLevel.Select(d => d.Final(MeasureSet.Fidelity).Mean).ToList();
        var caption = $"Final net benefit was highest at {Text.Words(param)} = {Text.Value(levels[best])} ({Format.Benefit(benefit[best])}) " +
                      $"and lowest at {Text.Value(levels[worst])} ({Format.Benefit(benefit[worst])}); across the sweep, final reach ranged from " +
                      $"{Format.Percent(reach.Min())} to {Format.Percent(reach.Max())} and fidelity from {Format.Score(fidelity.Min())} to {Format.Score(fidelity.Max())}.";
        if (referenceBenefit is { } rb && reference is not null)
        {
            caption += $" {benefit.Count(b => b > rb)} of {benefit.Count} settings end above the movement alone ({Format.Benefit(rb)}, dashed).";
        }
        return caption;
    }
}
