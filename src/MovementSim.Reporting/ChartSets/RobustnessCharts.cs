using MovementSim.Reporting.Charts;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>
/// A robustness analysis (robustness.csv and its ranking): a tornado of what moves the difference in net benefit, and the
/// sampled worlds' difference against each of the two parameters that move it most, coloured by whether take-up won.
/// </summary>
internal static class RobustnessCharts
{
    /// <summary>At most this many parameters in the tornado.</summary>
    public const int MaxParameters = 15;

    public const string DifferenceAxis = "Net benefit, take-up minus counterfactual";

    public static IEnumerable<Chart> Build(ResultFolder r)
    {
        if (r.Robustness is not { } found)
        {
            yield break;
        }
        if (found.Ranking.Count > 0)
        {
            var top = found.Ranking.OrderBy(x => x.Rank).Take(MaxParameters).ToList();
            var title = "What moves the difference in net benefit";
            var caption = RobustnessText.RankingSentence(found) +
                          " Bars: partial rank correlation of each parameter with the difference in net benefit between take-up and its counterfactual, " +
                          "over the sampled worlds, once the other parameters are accounted for; lines: 95% intervals." +
                          (found.Ranking.Count > top.Count ? $" The {top.Count} largest of {found.Ranking.Count} are shown." : "");
            yield return new Chart("robustness_tornado", SectionRobustness, title, caption,
                Draw.Tornado(title, "Partial rank correlation with the difference (−1 to 1)", top.Select(x => x.Parameter).ToList(),
                    top.Select(x => x.Prcc).ToArray(), top.Select(x => x.CiLow).ToArray(), top.Select(x => x.CiHigh).ToArray()));
        }
        foreach (var parameter in found.TopParameters(2))
        {
            yield return Scatter(found, parameter);
        }
    }

    private static Chart Scatter(RobustnessFindings found, string parameter)
    {
        var worlds = found.Worlds;
        var texts = worlds.Select(w => w.Parameters[parameter]).ToList();
        var numbers = texts.Select(ResultFolder.ParseNumber).ToList();
        IReadOnlyList<string>? levels = numbers.All(n => n is not null) ? null : texts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var xs = levels is null ? numbers.Select(n => n!.Value).ToArray() : texts.Select(t => (double)levels.ToList().IndexOf(t)).ToArray();
        var ys = worlds.Select(w => w.NetBenefitDifference).ToArray();
        var wins = worlds.Select(w => w.Wins).ToArray();
        var title = $"The difference against {Text.Words(parameter)}";
        var caption = $"Each dot is a sampled world: the difference in net benefit between take-up and its counterfactual by {Format.Year(found.Year)} " +
                      $"(mean of {found.Replicates} paired replicate{(found.Replicates == 1 ? "" : "s")}), against {Text.Words(parameter)}; " +
                      $"blue where take-up won ({found.Won} of {found.Samples}), vermillion where it did not. " + RobustnessText.Split(found, parameter, xs, levels);
        return new Chart("robustness_scatter_" + FileName(parameter), SectionRobustness, title, caption,
            Draw.WorldsAgainst(title, AxisName(parameter), DifferenceAxis, xs, ys, wins, levels));
    }
}
