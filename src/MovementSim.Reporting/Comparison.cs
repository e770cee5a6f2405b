using System.Text;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;

namespace MovementSim.Reporting;

/// <summary>What <see cref="Comparison.Write"/> produced.</summary>
public sealed record ComparisonResult(string IndexPath, IReadOnlyList<ChartFile> Charts);

/// <summary>
/// Compares scenarios: all of them on one reach–fidelity plane and one net-benefit-over-time chart, and an
/// index.html linking each scenario's report above those charts, with what institutional take-up did in each against
/// its own counterfactual (never against another scenario's).
/// </summary>
public static class Comparison
{
    /// <summary>Writes outDir/index.html and outDir/charts/compare_*.{png,svg}; writes any scenario's report.html that is missing.</summary>
    /// <exception cref="ResultFolderException">No folder given, or one is missing or not a result folder; or an index.html or
    /// chart in the way was not written by MovementSim (see <see cref="IndexFiles"/>).</exception>
    public static ComparisonResult Write(IReadOnlyList<string> scenarioResultDirs, string outDir)
    {
        if (scenarioResultDirs.Count == 0)
        {
            throw new ResultFolderException(outDir, "no scenario result folders to compare");
        }
        var root = Path.GetFullPath(outDir);
        var owned = IndexFiles.Owned(root);
        var folders = scenarioResultDirs.Select(ResultFolder.Load).ToList();
        var built = Build(folders).ToList();
        var files = built.SelectMany(c => new[] { c.Name + ".png", c.Name + ".svg" }).ToList();
        owned.CheckCanWrite(files);
        foreach (var f in folders.Where(f => !File.Exists(f.PathOf(ResultFiles.Report))))
        {
            Report.Write(f, ChartSet.DrawAll(f));
        }
        var chartsDir = Path.Combine(root, ResultFiles.Charts);
        Directory.CreateDirectory(chartsDir);
        owned.DeleteChartsNotIn(files);
        var charts = built.Select(c => c.Save(chartsDir)).ToList();
        var index = Path.Combine(root, ResultFiles.Index);
        AtomicFile.WriteAllText(index, Html(folders, charts, root));
        return new ComparisonResult(index, charts);
    }

    internal static IEnumerable<Chart> Build(IReadOnlyList<ResultFolder> folders)
    {
        // Every scenario is compared only with its own counterfactual (in the table and each report), never with another
        // scenario's: a movement-only folder is one scenario among the others here.
        var scenarios = folders.ToList();
        var ranked = scenarios.OrderByDescending(s => s.Primary.Final(MeasureSet.NetBenefit).Mean).ToList();
        string AnswerSentence()
        {
            var answers = scenarios.Select(s => TakeUpAnswer.Of(s.Primary).Verdict).ToList();
            var compared = answers.Count(v => v is Verdict.Helped or Verdict.Harmed or Verdict.NoClearDifference);
            return compared == 0 ? "" :
                $" Against its own counterfactual (the same world without institutional take-up), institutional take-up helped in {answers.Count(v => v == Verdict.Helped)} " +
                $"of the {compared} scenarios where the comparison applies and did harm in {answers.Count(v => v == Verdict.Harmed)} (see the table).";
        }

        if (scenarios.Count > 0 && scenarios.All(s => s.Primary.Has(MeasureSet.Reach) && s.Primary.Has(MeasureSet.Fidelity)))
        {
            var paths = scenarios.Select((s, i) => (ChartSet.TrajectoryOf(s.Primary, s.ScenarioName), OkabeIto.SeriesColor(i))).ToList();
            var title = "All scenarios: reach against fidelity";
            var best = ranked[0].Primary;
            var caption = $"One path per scenario: {ranked[0].ScenarioName} ended with the highest net benefit ({Format.Benefit(best.Final(MeasureSet.NetBenefit).Mean)}; " +
                          $"reach {Format.Percent(best.Final(MeasureSet.Reach).Mean)}, fidelity {Format.Score(best.Final(MeasureSet.Fidelity).Mean)})";
            if (ranked.Count > 1)
            {
                var worst = ranked[^1].Primary;
                caption += $" and {ranked[^1].ScenarioName} the lowest ({Format.Benefit(worst.Final(MeasureSet.NetBenefit).Mean)}; reach {Format.Percent(worst.Final(MeasureSet.Reach).Mean)}, fidelity {Format.Score(worst.Final(MeasureSet.Fidelity).Mean)})";
            }
            caption += "." + AnswerSentence() + " Open circles mark starts, squares ends; dotted curves join points of equal reach × fidelity.";
            yield return new Chart("compare_reach_fidelity", "All scenarios", title, caption, Draw.Plane(title, paths, null, labelYears: paths.Count == 1));
        }
        if (scenarios.Count > 0 && scenarios.All(s => s.Primary.Has(MeasureSet.NetBenefit)))
        {
            var lines = scenarios.Select((s, i) => new TimeLine(s.ScenarioName, OkabeIto.SeriesColor(i), s.Primary.Years, s.Primary.Get(MeasureSet.NetBenefit),
                Band: scenarios.Count <= ChartSet.MaxBands, Dashed: i >= OkabeIto.Series.Count)).ToList();
            var title = "All scenarios: net benefit over time";
            var caption = (scenarios.Count <= ChartSet.MaxBands ? "Mean net benefit with 5–95% of runs shaded" : "Mean net benefit (bands left out: with this many lines they would hide each other)") +
                          $": at the end it ranged from {Format.Benefit(ranked[^1].Primary.Final(MeasureSet.NetBenefit).Mean)} ({ranked[^1].ScenarioName}) " +
                          $"to {Format.Benefit(ranked[0].Primary.Final(MeasureSet.NetBenefit).Mean)} ({ranked[0].ScenarioName}).";
            var peak = scenarios.Select(s => (s, i: Array.IndexOf(s.Primary.Means(MeasureSet.NetBenefit), s.Primary.Means(MeasureSet.NetBenefit).Max())))
                .Where(t => t.i < t.s.Primary.Years.Length - 1 && t.s.Primary.Means(MeasureSet.NetBenefit)[t.i] - t.s.Primary.Final(MeasureSet.NetBenefit).Mean > 0.005).ToList();
            if (peak.Count > 0)
            {
                caption += " Net benefit peaked before the end in " + Describe.List(peak.Select(t => $"{t.s.ScenarioName} ({Format.Benefit(t.s.Primary.Means(MeasureSet.NetBenefit)[t.i])} in {Format.Year(t.s.Primary.Years[t.i])})").ToList()) + ".";
            }
            yield return new Chart("compare_net_benefit", "All scenarios", title, caption,
                Draw.OverTime(title, "Net benefit (benefit per eligible person, 0–1)", false, lines, []));
        }
    }

    private static string Html(IReadOnlyList<ResultFolder> folders, IReadOnlyList<ChartFile> charts, string root)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append(IndexFiles.GeneratorMeta + "\n");
        h.Append($"<title>MovementSim: all scenarios</title>\n<style>\n{Report.Css}\n</style>\n</head>\n<body>\n<main>\n");
        h.Append("<h1>MovementSim: all scenarios</h1>\n");
        h.Append("<p>Each scenario's report describes one run batch in full. The table gives the values at the end of each run (means over replicates with 95% confidence intervals) " +
                 "and what institutional take-up did against the scenario's own counterfactual: the same world with institutions unable to take the innovation up, " +
                 "each replicate run with the same seed, so that the difference in net benefit (with its 95% interval) is take-up's alone. " +
                 "Scenarios are not compared with one another's counterfactuals. The charts below put all scenarios side by side.</p>\n");
        h.Append("<h2>Scenario reports</h2>\n<table id=\"scenarios\">\n<tr><th>Scenario</th><th>Years</th><th>Reach</th><th>Fidelity</th><th>Net benefit</th><th>Against its own counterfactual</th></tr>\n");
        foreach (var f in folders)
        {
            var p = f.Primary;
            var link = IndexFiles.Link(root, f.PathOf(ResultFiles.Report));
            var versus = TakeUpAnswer.Of(p);
            h.Append($"<tr><td><a href=\"{Report.E(link)}\">{Report.E(f.ScenarioName)}</a></td><td>{Format.Year(p.StartYear)}–{Format.Year(p.EndYear)}</td>" +
                     $"<td class=\"num\">{Report.E(Format.WithInterval(p.Final(MeasureSet.Reach), Format.Percent))}</td>" +
                     $"<td class=\"num\">{Report.E(Format.WithInterval(p.Final(MeasureSet.Fidelity), Format.Score))}</td>" +
                     $"<td class=\"num\">{Report.E(Format.WithInterval(p.Final(MeasureSet.NetBenefit), Format.Benefit))}</td>" +
                     $"<td data-verdict=\"{Report.Anchor(versus.Verdict.ToString())}\">{Report.E(versus.Short)}</td></tr>\n");
        }
        h.Append("</table>\n<h2>All scenarios compared</h2>\n");
        foreach (var c in charts)
        {
            Report.Figure(h, root, c);
        }
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }
}
