using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>The sentences of the report's "How robust is this answer?" section and its captions, every number computed.</summary>
public static class RobustnessText
{
    /// <summary>Parameters named in the ranking sentence, at most.</summary>
    public const int Named = 3;

    /// <summary>"Institutional take-up beat its counterfactual on net benefit in 201 of 256 sampled worlds by 2024 (79%, 95% CI 73% to 83%)."</summary>
    public static string ShareSentence(RobustnessFindings f) =>
        $"Institutional take-up beat its counterfactual on net benefit in {f.Won} of {f.Samples} sampled worlds by {Format.Year(f.Year)} " +
        $"({Format.Percent(f.ShareWon)}, 95% CI {Format.Percent(f.ShareLow)} to {Format.Percent(f.ShareHigh)}).";

    /// <summary>The parameters with a clear monotone effect on the difference (interval excluding 0), largest first, or why there are none.</summary>
    public static string RankingSentence(RobustnessFindings f)
    {
        if (f.Ranking.Count == 0)
        {
            return f.RankingNote is { Length: > 0 } note ? $"No ranking of the parameters: {note}." : "No ranking of the parameters.";
        }
        var clear = f.Ranking.OrderBy(r => r.Rank).Where(r => r.CiLow > 0 || r.CiHigh < 0).ToList();
        if (clear.Count == 0)
        {
            return "No parameter has a clear monotone effect on the difference in net benefit (every partial rank correlation's 95% interval includes 0).";
        }
        var named = clear.Take(Named).Select(r =>
            $"{Text.Words(r.Parameter)} (PRCC {Signed(r.Prcc)}, 95% CI {Signed(r.CiLow)} to {Signed(r.CiHigh)}: the higher it is, the {(r.Prcc > 0 ? "larger" : "smaller")} the difference)").ToList();
        return $"The difference in net benefit depends most on {Describe.List(named)}" +
               (clear.Count > Named ? $"; {clear.Count - Named} more parameter{(clear.Count - Named == 1 ? " has" : "s have")} a smaller clear effect." : ".");
    }

    /// <summary>How often take-up won on either side of a parameter's median, or at each of a choice's options.</summary>
    public static string Split(RobustnessFindings f, string parameter, double[] xs, IReadOnlyList<string>? levels)
    {
        var wins = f.Worlds.Select(w => w.Wins).ToArray();
        string Share(IEnumerable<int> idx)
        {
            var list = idx.ToList();
            return list.Count == 0 ? "n/a" : $"{Format.Percent((double)list.Count(i => wins[i]) / list.Count)} of {list.Count}";
        }
        if (levels is not null)
        {
            var parts = levels.Select((level, k) => $"{Share(Enumerable.Range(0, xs.Length).Where(i => xs[i] == k))} worlds with {Text.Words(parameter)} {level}").ToList();
            return $"Take-up won in {Describe.List(parts)}.";
        }
        var sorted = xs.Order().ToArray();
        var median = SampleStatistics.Quantile(sorted, 0.5);
        var below = Enumerable.Range(0, xs.Length).Where(i => xs[i] <= median);
        var above = Enumerable.Range(0, xs.Length).Where(i => xs[i] > median);
        return $"Take-up won in {Share(below)} worlds with {Text.Words(parameter)} at most its median {Format.Number(median)}, and in {Share(above)} above it.";
    }

    private static string Signed(double v) => (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
