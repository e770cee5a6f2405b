using System.Globalization;
using System.Net;
using System.Text;
using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Reporting;

/// <summary>What <see cref="Report.Write(string)"/> produced.</summary>
public sealed record ReportResult(string ReportPath, IReadOnlyList<ChartFile> Charts);

/// <summary>
/// Writes report.html into a result folder: one self-contained page (styles inline, charts embedded as PNG
/// data) that opens offline in any browser. Every number in it is computed from the folder's files.
/// </summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Redraws the charts of a result folder and writes its report.html.</summary>
    /// <exception cref="ResultFolderException">The folder is missing, is not a result folder, or a file in it is malformed.</exception>
    public static ReportResult Write(string resultDir)
    {
        var results = ResultFolder.Load(resultDir);
        var charts = ChartSet.DrawAll(results);
        return Write(results, charts);
    }

    /// <summary>Writes report.html for charts already drawn from these results.</summary>
    public static ReportResult Write(ResultFolder results, IReadOnlyList<ChartFile> charts)
    {
        var path = results.PathOf(ResultFiles.Report);
        AtomicFile.WriteAllText(path, Html(results, charts));
        return new ReportResult(path, charts);
    }

    internal static string E(string s) => WebUtility.HtmlEncode(s);

    internal const string Css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 60px; }
        h1 { font-size: 30px; margin: 8px 0 6px; }
        h2 { font-size: 23px; margin-top: 40px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
        h3 { font-size: 18px; margin-top: 24px; }
        p.lede { font-size: 19px; background: #f1f6fb; border-left: 5px solid #0072B2; padding: 12px 16px; }
        table { border-collapse: collapse; margin: 10px 0 16px; font-size: 15px; }
        th, td { border: 1px solid #c9c9c9; padding: 5px 9px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 22px 0 34px; }
        figure img { width: 100%; max-width: 1200px; height: auto; border: 1px solid #ddd; }
        figcaption { font-size: 16px; max-width: 1200px; margin-top: 6px; }
        code { font-size: 14px; background: #f5f5f5; padding: 1px 4px; word-break: break-all; }
        nav ul { columns: 2; font-size: 15px; }
        .muted { color: #555; font-size: 14px; }
        """;

    private static string Html(ResultFolder r, IReadOnlyList<ChartFile> charts)
    {
        var p = r.Primary;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append($"<title>MovementSim report: {E(r.ScenarioName)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n<main>\n");
        h.Append($"<h1>{E(Text.Words(r.ScenarioName))}: what institutional take-up did to reach and fidelity</h1>\n");
        // The report leads with the source's question answered against the scenario's own counterfactual; a batch run
        // without one leads with what happened, and says how to get the answer.
        var answer = TakeUpAnswer.Of(p);
        var verdict = $"<p class=\"{(answer.Verdict == Verdict.NotRun ? "muted" : "lede")}\" id=\"answer-sentence\" data-verdict=\"{Anchor(answer.Verdict.ToString())}\">{E(answer.Sentence)}</p>\n";
        var happened = $"<p{(answer.Verdict == Verdict.NotRun ? " class=\"lede\"" : "")} id=\"headline-sentence\">{E(Headline.Sentence(r, p))}</p>\n";
        h.Append(answer.Verdict == Verdict.NotRun ? happened + verdict : verdict + happened);
        if (r.DesignPoints.Count(d => !d.IsMovementOnly) > 1)
        {
            h.Append($"<p>This batch has {r.DesignPoints.Count} design points; the headline numbers and the charts of mechanisms describe " +
                     $"<strong>{E(p.Label)}</strong>, the one with the highest final net benefit. All design points are compared in the table and the sweep charts.</p>\n");
        }
        var evidence = Evidence.Of(r, p);
        var sections = charts.Select(c => c.Section).Append(evidence is null ? null : ChartSet.SectionEvidence)
            .Append(r.Robustness is null ? null : ChartSet.SectionRobustness).OfType<string>().Distinct().ToList();
        h.Append("<nav><ul>\n<li><a href=\"#run\">What was run</a></li>\n<li><a href=\"#headline\">Headline numbers</a></li>\n");
        foreach (var s in sections)
        {
            h.Append($"<li><a href=\"#{Anchor(s)}\">{E(s)}</a></li>\n");
        }
        h.Append("<li><a href=\"#files\">Where the data are</a></li>\n</ul></nav>\n");

        RunSection.Write(h, r);
        HeadlineNumbers(h, r, p);
        foreach (var s in sections)
        {
            h.Append($"<section id=\"{Anchor(s)}\">\n<h2>{E(s)}</h2>\n");
            if (s == ChartSet.SectionSensitivity)
            {
                SensitivityText(h, r);
            }
            if (s == ChartSet.SectionCalibration)
            {
                CalibrationText(h, r);
            }
            if (s == ChartSet.SectionEvidence && evidence is not null)
            {
                EvidenceTable.Write(h, r, p, evidence);
            }
            if (s == ChartSet.SectionRobustness && r.Robustness is { } robustness)
            {
                RobustnessSection(h, robustness);
            }
            foreach (var c in charts.Where(c => c.Section == s))
            {
                Figure(h, r.Root, c);
            }
            h.Append("</section>\n");
        }
        if (r.Indices is { Count: > 0 } && !sections.Contains(ChartSet.SectionSensitivity))
        {
            h.Append($"<section id=\"{Anchor(ChartSet.SectionSensitivity)}\">\n<h2>{ChartSet.SectionSensitivity}</h2>\n");
            SensitivityText(h, r);
            h.Append("</section>\n");
        }
        if (r.Fit is { Count: > 0 } && !sections.Contains(ChartSet.SectionCalibration))
        {
            h.Append($"<section id=\"{Anchor(ChartSet.SectionCalibration)}\">\n<h2>{ChartSet.SectionCalibration}</h2>\n");
            CalibrationText(h, r);
            h.Append("</section>\n");
        }
        Files(h, r);
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    internal static string Anchor(string section) => new(section.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    internal static void Figure(StringBuilder h, string root, ChartFile c)
    {
        var png = Convert.ToBase64String(File.ReadAllBytes(c.PngPath));
        var pngRel = Relative(root, c.PngPath);
        var svgRel = Relative(root, c.SvgPath);
        h.Append($"<figure id=\"chart-{E(c.Name)}\">\n<img src=\"data:image/png;base64,{png}\" alt=\"{E(c.Title)}\" width=\"1200\" height=\"750\">\n");
        h.Append($"<figcaption><strong>{E(c.Title)}.</strong> {E(c.Caption)} <span class=\"muted\">Files: <a href=\"{E(pngRel)}\">PNG</a>, <a href=\"{E(svgRel)}\">SVG</a>.</span></figcaption>\n</figure>\n");
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void HeadlineNumbers(StringBuilder h, ResultFolder r, DesignPointSeries p)
    {
        h.Append("<section id=\"headline\">\n<h2>Headline numbers</h2>\n");
        h.Append($"<p>Means over {p.Replicates} replicate{(p.Replicates == 1 ? "" : "s")}" + (p.Replicates > 1 ? " with the 95% confidence interval of the mean; below each, the range of the middle 90% of runs (5% to 95%)" : "") +
                 ". Reach is the share of eligible people who get any form of the innovation; fidelity how much of the original survives in what they get (0–1); " +
                 "net benefit the benefit per eligible person, reach weighted by the benefit of the fidelity each person gets (0–1).</p>\n");
        var rows = Headline.Rows(r, p);
        var hasRef = rows.Any(x => x.ReferenceNetBenefit is not null);
        h.Append("<table id=\"headline-table\">\n<tr><th>Year</th><th>Reach</th><th>Fidelity</th><th>Net benefit</th>" + (hasRef ? "<th>Net benefit, movement alone</th>" : "") + "</tr>\n");
        foreach (var row in rows)
        {
            h.Append($"<tr><td>{Format.Year(row.Year)}</td>{Cell(row.Reach, Format.Percent)}{Cell(row.Fidelity, Format.Score)}{Cell(row.NetBenefit, Format.Benefit)}" +
                     (hasRef ? (row.ReferenceNetBenefit is { } rn ? Cell(rn, Format.Benefit) : "<td></td>") : "") + "</tr>\n");
        }
        h.Append("</table>\n");
        CounterfactualTable(h, r, p);
        if (r.DesignPoints.Count > 1)
        {
            h.Append("<h3>At the end, by design point</h3>\n<table id=\"design-points\">\n<tr><th>Design point</th><th>Settings</th><th>Reach</th><th>Fidelity</th><th>Net benefit</th></tr>\n");
            foreach (var d in r.DesignPoints)
            {
                var label = d.Settings.Count > 0 ? d.Label : "";
                h.Append($"<tr><td>{d.Id}{(d.IsMovementOnly ? " (movement alone)" : "")}</td><td>{E(label)}</td>{Cell(d.Final(MeasureSet.Reach), Format.Percent)}" +
                         $"{Cell(d.Final(MeasureSet.Fidelity), Format.Score)}{Cell(d.Final(MeasureSet.NetBenefit), Format.Benefit)}</tr>\n");
            }
            h.Append("</table>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary>The compared measures at the end with take-up, without it, and the paired difference with its interval.</summary>
    private static void CounterfactualTable(StringBuilder h, ResultFolder r, DesignPointSeries p)
    {
        if (!r.HasCounterfactual || TakeUpAnswer.NotApplicable(p) is not null)
        {
            return;
        }
        h.Append($"<h3>Against its own counterfactual, in {Format.Year(p.EndYear)}</h3>\n");
        h.Append("<p>The counterfactual is the same world with institutions unable to take the innovation up (institutional adoption 0, everything else the same), " +
                 "each replicate run with the same seed as its take-up run, so that the difference is institutional take-up's alone. Differences are take-up minus counterfactual, " +
                 "with the 95% confidence interval of their mean over the replicates.</p>\n");
        h.Append("<table id=\"counterfactual-table\">\n<tr><th>Measure</th><th>With institutional take-up</th><th>Without (counterfactual)</th><th>Difference</th></tr>\n");
        foreach (var m in CounterfactualColumns.Compared.Where(m => p.Has(m) && p.Has(CounterfactualColumns.DifferenceOf(m))))
        {
            Func<double, string> f = m == MeasureSet.NetBenefit ? Format.Benefit : m is MeasureSet.Reach or MeasureSet.Lost ? Format.Percent : MeasureSet.IsCount(m) ? Format.People : Format.Score;
            Func<double, string> signed = m == MeasureSet.NetBenefit ? Format.SignedBenefit : m is MeasureSet.Reach or MeasureSet.Lost ? Format.Points : MeasureSet.IsCount(m) ? Format.SignedPeople : Format.SignedScore;
            h.Append($"<tr><td>{E(Format.Capital(Format.NameOf(m)))}</td>{Cell(p.Final(m), f)}{Cell(p.Final(CounterfactualColumns.Of(m)), f)}{Cell(p.Final(CounterfactualColumns.DifferenceOf(m)), signed)}</tr>\n");
        }
        h.Append("</table>\n");
    }

    private static string Cell(Summary s, Func<double, string> f)
    {
        if (s.N == 0)
        {
            return "<td class=\"num\">n/a</td>";
        }
        var ci = s.HasInterval ? $"<br><span class=\"muted\">CI {E(f(s.CiLow))} to {E(f(s.CiHigh))}</span>" : "";
        var range = s.N > 1 ? $"<br><span class=\"muted\">runs {E(f(s.Q05))} to {E(f(s.Q95))}</span>" : "";
        return $"<td class=\"num\"><strong>{E(f(s.Mean))}</strong>{ci}{range}</td>";
    }

    private static void SensitivityText(StringBuilder h, ResultFolder r)
    {
        if (r.Indices is not { Count: > 0 } indices)
        {
            return;
        }
        var families = Sensitivity.Families(indices);
        foreach (var f in families)
        {
            h.Append($"<p class=\"sensitivity-sentence\">{E(Sensitivity.Sentence(f, r))}</p>\n");
        }
        var named = families.SelectMany(Sensitivity.MostInfluential).Distinct().ToList();
        if (named.Count > 0)
        {
            h.Append("<ul class=\"meanings\">\n");
            foreach (var p in named)
            {
                var spec = ParameterCatalog.Find(p);
                h.Append($"<li><strong>{E(Text.Words(p))}</strong>: {E(spec is null ? "not in this version's parameter catalogue" : spec.Meaning.TrimEnd('.') + (spec.Unit.Length > 0 ? $" ({spec.Unit})" : "") + $"; default {spec.Format(spec.Default)}")}.</li>\n");
            }
            h.Append("</ul>\n");
        }
        h.Append($"<details><summary>All sensitivity indices ({ResultFiles.Indices})</summary>\n<table>\n<tr><th>Parameter</th><th>Index</th><th>Value</th><th>95% interval</th></tr>\n");
        foreach (var i in indices)
        {
            h.Append($"<tr><td><code>{E(i.Parameter)}</code></td><td>{E(Sensitivity.DisplayName(i.Index))}</td><td class=\"num\">{Format.Number(i.Value)}</td>" +
                     $"<td class=\"num\">{Format.Number(i.CiLow)} to {Format.Number(i.CiHigh)}</td></tr>\n");
        }
        h.Append("</table>\n</details>\n");
    }

    /// <summary>The share of worlds won with its interval, the flip region in words, the ranking, and how the worlds were made.</summary>
    private static void RobustnessSection(StringBuilder h, RobustnessFindings f)
    {
        h.Append($"<p class=\"lede\" id=\"robustness-share\">{E(RobustnessText.ShareSentence(f))}</p>\n");
        h.Append($"<p id=\"flip-region\" data-found=\"{(f.FlipRegionFound ? "true" : "false")}\">{E(f.FlipRegion)}</p>\n");
        h.Append($"<p id=\"robustness-ranking\">{E(RobustnessText.RankingSentence(f))}</p>\n");
        h.Append($"<p>The answer above is for the scenario's own values (net benefit difference {Format.SignedBenefit(f.BaseDifference)} by {Format.Year(f.Year)}). " +
                 $"To see how far it depends on assumed numbers, {f.Samples} worlds were sampled by Latin hypercube over the plausible ranges of {f.Uncertain.Count} uncertain parameters " +
                 $"(the scenario's ranges.csv where it gives one, else the parameter catalogue's; table below), each run {f.Replicates} time{(f.Replicates == 1 ? "" : "s")}, " +
                 "each run paired by seed with its counterfactual. A world is won when the mean paired difference in net benefit is above 0. " +
                 $"The region where the answer flips ({E(f.CaseOfInterest)}) was found by PRIM (patient rule induction, as in EMA Workbench): " +
                 "coverage is the share of those worlds that lie inside it, density the share of the worlds inside it that are such worlds. " +
                 "The ranking is by partial rank correlation with the difference (docs/analysis.md).</p>\n");
        h.Append("<details><summary>The uncertain parameters and their plausible ranges</summary>\n<table id=\"uncertain\">\n<tr><th>Parameter</th><th>Sampled over</th><th>Source</th></tr>\n");
        foreach (var u in f.Uncertain)
        {
            h.Append($"<tr><td><code>{E(u.Parameter)}</code></td><td>{E(u.Range)}</td><td>{E(u.Source)}</td></tr>\n");
        }
        h.Append("</table>\n</details>\n");
    }

    private static void CalibrationText(StringBuilder h, ResultFolder r)
    {
        if (r.Fit is not { Count: > 0 } fit)
        {
            return;
        }
        var unidentified = fit.Where(f => f.Identified == false).Select(f => Text.Words(f.Parameter)).ToList();
        h.Append($"<p>{fit.Count} parameter{(fit.Count == 1 ? " was" : "s were")} fitted to the observed data" +
                 (unidentified.Count > 0 ? $"; the data do not identify {E(Describe.List(unidentified))}, so their values are not supported by the data." : ".") + "</p>\n");
        h.Append($"<table id=\"fit\">\n<tr><th>Parameter</th><th>Estimate</th><th>{(r.FitInterval is null ? "Range" : "Interval")}</th><th>Identified</th></tr>\n");
        foreach (var f in fit)
        {
            h.Append($"<tr><td>{E(Describe.Parameter(f.Parameter))}</td><td class=\"num\">{Format.Number(f.Value)}</td><td class=\"num\">{Format.Number(f.Low)} to {Format.Number(f.High)}</td>" +
                     $"<td>{(f.Identified is null ? "not stated" : f.Identified.Value ? "yes" : "no")}</td></tr>\n");
        }
        h.Append("</table>\n");
        if (r.FitInterval is { } interval)
        {
            h.Append($"<p class=\"caption\">Interval: {E(interval)}.</p>\n");
        }
    }

    private static readonly (string File, string What)[] KnownFiles =
    [
        (ResultFiles.Timeseries, "every measure for every run and step"),
        (ResultFiles.Runs, "one row per run: parameters, final values, cost"),
        (ResultFiles.Summary, "mean, sd, quantiles and confidence interval per design point, step and measure"),
        (ResultFiles.Design, "the value of each swept parameter per design point"),
        (ResultFiles.Failures, "runs that failed, with the error"),
        (ResultFiles.Manifest, "program version, commit, seed, input hashes, command line, times"),
        (ResultFiles.Indices, "sensitivity indices"),
        (ResultFiles.Fit, "calibrated parameters"),
        (ResultFiles.Robustness, "one row per sampled world: its parameters, then the difference take-up minus counterfactual in each headline measure"),
        (ResultFiles.RobustnessRanking, "parameters by partial rank correlation with the difference in net benefit"),
        (ResultFiles.RobustnessSummary, "the share of worlds won, the flip region and its statistics"),
        (ResultFiles.Observed, "the observations a calibration fitted, set against the model (a batch of a scenario that ships observations has them in scenario/observed.csv)"),
        (ResultFiles.ScenarioSnapshot, "the scenario's CSV files as they were read"),
        (ResultFiles.Charts, "every chart as PNG and SVG"),
    ];

    private static void Files(StringBuilder h, ResultFolder r)
    {
        h.Append("<section id=\"files\">\n<h2>Where the data are</h2>\n");
        h.Append($"<p>All files are in <code>{E(r.Root)}</code>. The charts can be redrawn from the CSV files alone with <code>movementsim plot {E(r.Root)}</code>, and this report with <code>movementsim report {E(r.Root)}</code>.</p>\n");
        h.Append("<table>\n<tr><th>File</th><th>What it holds</th><th>Size</th></tr>\n");
        foreach (var (file, what) in KnownFiles)
        {
            var path = r.PathOf(file);
            if (File.Exists(path))
            {
                h.Append($"<tr><td><a href=\"{E(file)}\">{E(file)}</a></td><td>{E(what)}</td><td class=\"num\">{Size(new FileInfo(path).Length)}</td></tr>\n");
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path);
                h.Append($"<tr><td><a href=\"{E(file)}/\">{E(file)}/</a></td><td>{E(what)}</td><td class=\"num\">{files.Length} files</td></tr>\n");
            }
        }
        h.Append("</table>\n</section>\n");
    }

    private static string Size(long bytes) =>
        bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024 ? $"{(bytes / 1024.0).ToString("0", Inv)} KB" : $"{(bytes / 1048576.0).ToString("0.0", Inv)} MB";
}
