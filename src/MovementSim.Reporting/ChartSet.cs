using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;

namespace MovementSim.Reporting;

/// <summary>
/// Draws every chart a result folder supports into its charts/ folder (PNG and SVG), from the CSV files alone,
/// each with a caption computed from these results. Drawing is deterministic: the same files give the same charts.
/// </summary>
public static class ChartSet
{
    public const string SectionPlane = "Reach and fidelity";
    public const string SectionTime = "Over time";
    public const string SectionAdoption = "Why institutions adopted";
    public const string SectionCoalition = "Who is in the coalition";
    public const string SectionInnovation = "What the innovation became";
    public const string SectionSweep = "Parameter sweep";
    public const string SectionSensitivity = "Sensitivity";
    public const string SectionCalibration = "Calibration";

    /// <summary>At most this many design points are drawn on one chart (one colour each).</summary>
    public const int MaxSeries = 7;

    /// <summary>With more lines than this, 5–95% bands overlap into a blur and are left out (the caption says so).</summary>
    public const int MaxBands = 3;

    /// <summary>Reads the result folder and (re)draws its charts; stale chart files from an earlier drawing are removed.</summary>
    /// <exception cref="ResultFolderException">The folder is missing, is not a result folder, or a file in it is malformed.</exception>
    public static IReadOnlyList<ChartFile> DrawAll(string resultDir) => DrawAll(ResultFolder.Load(resultDir));

    public static IReadOnlyList<ChartFile> DrawAll(ResultFolder results)
    {
        var folder = results.PathOf(ResultFiles.Charts);
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            File.Delete(old);
        }
        return Build(results).Select(c => c.Save(folder)).ToList();
    }

    internal static IEnumerable<Chart> Build(ResultFolder r)
    {
        var primary = r.Primary;
        var institutional = r.DesignPoints.Where(d => !d.IsMovementOnly).ToList();
        var shown = institutional.Count == 0 ? [primary] : ChartData.Spread(institutional.Count, MaxSeries).Select(i => institutional[i]).ToList();
        var many = shown.Count > 1;
        var reference = r.ReferenceFor(primary);

        if (primary.Has(MeasureSet.Reach) && primary.Has(MeasureSet.Fidelity))
        {
            yield return PlaneChart(r, shown, institutional.Count, reference);
        }
        if (primary.Has(MeasureSet.Reach))
        {
            yield return ReachChart(r, primary, shown, institutional.Count, reference);
        }
        if (primary.Has(MeasureSet.Fidelity))
        {
            yield return SingleMeasureChart(r, MeasureSet.Fidelity, "fidelity_over_time", "How much of the original survived",
                "Fidelity (share of the original, 0–1)", primary, shown, institutional.Count, reference);
        }
        if (primary.Has(MeasureSet.NetBenefit))
        {
            yield return SingleMeasureChart(r, MeasureSet.NetBenefit, "net_benefit_over_time", "Net benefit over time",
                "Net benefit (benefit per eligible person, 0–1)", primary, shown, institutional.Count, reference);
        }
        var focus = many ? $" ({primary.Label}, the design point with the highest final net benefit)" : "";
        if (AdoptionChart(r, primary, focus) is { } adoption)
        {
            yield return adoption;
        }
        foreach (var c in CoalitionCharts(r, primary, focus))
        {
            yield return c;
        }
        foreach (var c in InnovationCharts(r, primary, focus))
        {
            yield return c;
        }
        foreach (var c in SweepCharts(r, institutional, reference))
        {
            yield return c;
        }
        foreach (var c in SensitivityCharts(r))
        {
            yield return c;
        }
        foreach (var c in CalibrationCharts(r, primary))
        {
            yield return c;
        }
    }

    private static string SeriesLabel(ResultFolder r, DesignPointSeries dp, bool many) => many ? dp.Label : r.ScenarioName;

    private static string ShownNote(int shown, int total)
    {
        var notes = new List<string>();
        if (shown < total)
        {
            notes.Add($"{shown} of {total} design points shown, evenly spread over the design");
        }
        if (shown > MaxBands)
        {
            notes.Add("means only, as 5–95% bands would hide each other");
        }
        return notes.Count == 0 ? "" : " (" + string.Join("; ", notes) + ")";
    }

    internal static Trajectory TrajectoryOf(DesignPointSeries dp, string label) =>
        Trajectory.Of(label, dp.Years, dp.Means(MeasureSet.Reach), dp.Means(MeasureSet.Fidelity));

    private static bool UsesThresholdBenefit(ResultFolder r) =>
        r.RunParameters.Any(p => p.TryGetValue("benefit_function", out var v) && (v.Equals("threshold", StringComparison.OrdinalIgnoreCase) || v == "1"));

    // 1. Reach against fidelity.
    private static Chart PlaneChart(ResultFolder r, IReadOnlyList<DesignPointSeries> shown, int total, DesignPointSeries? reference)
    {
        var many = shown.Count > 1;
        var paths = shown.Select((dp, i) => (TrajectoryOf(dp, SeriesLabel(r, dp, many)), OkabeIto.SeriesColor(i))).ToList();
        TrajectoryPoint? refPoint = reference is null ? null
            : new TrajectoryPoint(reference.EndYear, reference.Final(MeasureSet.Reach).Mean, reference.Final(MeasureSet.Fidelity).Mean);
        var title = "Reach against fidelity";
        var plot = Draw.Plane(title, paths, refPoint, labelYears: shown.Count == 1);
        string caption;
        var p = r.Primary;
        if (!many)
        {
            var t = paths[0].Item1;
            caption = $"Reach {Describe.Change(t.Start.Reach, t.End.Reach, t.Start.Year, t.End.Year, Format.Percent, 0.005)} " +
                      $"while fidelity {Describe.Change(t.Start.Fidelity, t.End.Fidelity, t.Start.Year, t.End.Year, Format.Score, 0.01)}; " +
                      $"net benefit ended at {Format.WithInterval(p.Final(MeasureSet.NetBenefit), Format.Benefit)}";
        }
        else
        {
            var ranked = shown.OrderByDescending(d => d.Final(MeasureSet.NetBenefit).Mean).ToList();
            caption = $"One path per design point{ShownNote(shown.Count, total)}: {ranked[0].Label} ended with the highest net benefit " +
                      $"({Format.Benefit(ranked[0].Final(MeasureSet.NetBenefit).Mean)}, reach {Format.Percent(ranked[0].Final(MeasureSet.Reach).Mean)}, fidelity {Format.Score(ranked[0].Final(MeasureSet.Fidelity).Mean)}) " +
                      $"and {ranked[^1].Label} the lowest ({Format.Benefit(ranked[^1].Final(MeasureSet.NetBenefit).Mean)})";
        }
        if (reference is not null)
        {
            var d = Difference.Between(p.Final(MeasureSet.NetBenefit), reference.Final(MeasureSet.NetBenefit));
            caption += $", {Describe.Comparison(d)} the movement alone ({Format.Benefit(reference.Final(MeasureSet.NetBenefit).Mean)}, " +
                       $"reach {Format.Percent(refPoint!.Value.Reach)} at fidelity {Format.Score(refPoint.Value.Fidelity)}; black diamond and dashed curve)";
        }
        caption += ". Dots mark whole years; the open circle is the start and the square the end. Dotted curves join points of equal reach × fidelity.";
        if (UsesThresholdBenefit(r))
        {
            caption += " These runs used the threshold benefit function, so net benefit is not exactly reach × fidelity: the curves are a guide.";
        }
        return new Chart("reach_fidelity", SectionPlane, title, caption, plot);
    }

    // 2. Over time.
    private static Chart ReachChart(ResultFolder r, DesignPointSeries p, IReadOnlyList<DesignPointSeries> shown, int total, DesignPointSeries? reference)
    {
        var many = shown.Count > 1;
        var lines = new List<TimeLine>();
        string caption;
        if (!many)
        {
            lines.Add(new TimeLine("total", OkabeIto.Blue, p.Years, p.Get(MeasureSet.Reach)));
            var parts = new List<string>();
            if (p.Has(MeasureSet.ReachMovement))
            {
                lines.Add(new TimeLine("through the movement", OkabeIto.BluishGreen, p.Years, p.Get(MeasureSet.ReachMovement)));
                parts.Add($"{Format.Percent(p.Final(MeasureSet.ReachMovement).Mean)} through the movement");
            }
            if (p.Has(MeasureSet.ReachInstitutional))
            {
                lines.Add(new TimeLine("through institutions", OkabeIto.Vermillion, p.Years, p.Get(MeasureSet.ReachInstitutional)));
                parts.Add($"{Format.Percent(p.Final(MeasureSet.ReachInstitutional).Mean)} through institutions");
            }
            var fin = p.Final(MeasureSet.Reach);
            caption = $"Reach {Describe.Change(p.Initial(MeasureSet.Reach).Mean, fin.Mean, p.StartYear, p.EndYear, Format.Percent, 0.005)} " +
                      $"(5–95% of runs: {Format.Range(fin, Format.Percent)})" + (parts.Count > 0 ? ": " + Describe.List(parts) + "." : ".");
        }
        else
        {
            lines.AddRange(shown.Select((d, i) => new TimeLine(d.Label, OkabeIto.SeriesColor(i), d.Years, d.Get(MeasureSet.Reach), Band: shown.Count <= MaxBands)));
            var ranked = shown.OrderByDescending(d => d.Final(MeasureSet.Reach).Mean).ToList();
            caption = $"Total reach per design point{ShownNote(shown.Count, total)}: by {Format.Year(p.EndYear)} it ranged from " +
                      $"{Format.Percent(ranked[^1].Final(MeasureSet.Reach).Mean)} ({ranked[^1].Label}) to {Format.Percent(ranked[0].Final(MeasureSet.Reach).Mean)} ({ranked[0].Label}).";
        }
        if (reference is not null)
        {
            lines.Add(new TimeLine("movement alone", OkabeIto.Black, reference.Years, reference.Get(MeasureSet.Reach), Band: false, Dashed: true));
            caption += $" The movement alone reached {Format.Percent(reference.Final(MeasureSet.Reach).Mean)} (dashed).";
        }
        caption += EventSentence(r, p, MeasureSet.Reach);
        var plot = Draw.OverTime("Who received it, over time", "Reach (% of eligible people)", true, lines, r.Events);
        return new Chart("reach_over_time", SectionTime, "Who received it, over time", caption, plot);
    }

    private static Chart SingleMeasureChart(ResultFolder r, string measure, string name, string title, string yLabel,
        DesignPointSeries p, IReadOnlyList<DesignPointSeries> shown, int total, DesignPointSeries? reference)
    {
        var many = shown.Count > 1;
        var f = Format.For(measure);
        var lines = many
            ? shown.Select((d, i) => new TimeLine(d.Label, OkabeIto.SeriesColor(i), d.Years, d.Get(measure), Band: shown.Count <= MaxBands)).ToList()
            : [new TimeLine(Format.Capital(Format.NameOf(measure)), measure == MeasureSet.NetBenefit ? OkabeIto.Vermillion : OkabeIto.Blue, p.Years, p.Get(measure))];
        string caption;
        if (!many)
        {
            var fin = p.Final(measure);
            var means = p.Means(measure);
            caption = $"{Format.Capital(Format.NameOf(measure))} {Describe.Change(means[0], fin.Mean, p.StartYear, p.EndYear, f, Describe.ToleranceFor(measure))} " +
                      $"(5–95% of runs: {Format.Range(fin, f)})";
            var (extreme, word) = measure == MeasureSet.Fidelity ? (ArgMin(means), "lowest") : (ArgMax(means), "highest");
            if (extreme > 0 && extreme < means.Length - 1 && f(means[extreme]) != f(fin.Mean))
            {
                caption += $"; its {word} mean was {f(means[extreme])}, in {Format.Year(p.Years[extreme])}";
            }
            caption += ".";
        }
        else
        {
            var ranked = shown.OrderByDescending(d => d.Final(measure).Mean).ToList();
            caption = $"{Format.Capital(Format.NameOf(measure))} per design point{ShownNote(shown.Count, total)}: by {Format.Year(p.EndYear)} it ranged from " +
                      $"{f(ranked[^1].Final(measure).Mean)} ({ranked[^1].Label}) to {f(ranked[0].Final(measure).Mean)} ({ranked[0].Label}).";
        }
        if (reference is not null && reference.Has(measure))
        {
            lines.Add(new TimeLine("movement alone", OkabeIto.Black, reference.Years, reference.Get(measure), Band: false, Dashed: true));
            var d = Difference.Between(p.Final(measure), reference.Final(measure));
            caption += $" The movement alone ended at {f(reference.Final(measure).Mean)} (dashed)" +
                       (measure == MeasureSet.NetBenefit
                           ? $"; the difference at the end is {Format.SignedBenefit(d.Estimate)}" + (d.HasInterval ? $" (95% CI {Format.SignedBenefit(d.Low)} to {Format.SignedBenefit(d.High)})" : "") + "."
                           : ".");
        }
        caption += EventSentence(r, p, measure);
        var plot = Draw.OverTime(title, yLabel, false, lines, r.Events);
        return new Chart(name, SectionTime, title, caption, plot);
    }

    /// <summary>Names the events drawn (in full on the reach chart, by count elsewhere) and, for the first one, how the
    /// measure moved over the next five years.</summary>
    private static string EventSentence(ResultFolder r, DesignPointSeries p, string measure)
    {
        var inRange = r.Events.Where(e => e.Year >= p.StartYear && e.Year <= p.EndYear).ToList();
        if (inRange.Count == 0)
        {
            return "";
        }
        var first = inRange[0];
        var f = Format.For(measure);
        var sentence = measure == MeasureSet.Reach
            ? " Dashed vertical lines mark scheduled events: " +
              string.Join("; ", inRange.GroupBy(e => e.Year).Select(g => Format.Year(g.Key) + " " + string.Join(" + ", g.Select(e => e.Label).Distinct()))) + "."
            : $" Dashed vertical lines mark the {inRange.Count} scheduled event{(inRange.Count == 1 ? "" : "s")}.";
        if (first.Year + 5 <= p.EndYear + 1e-9)
        {
            sentence += $" {Format.Capital(Format.NameOf(measure))} was {f(p.At(measure, first.Year).Mean)} at the {Format.Year(first.Year)} {first.Label} " +
                        $"and {f(p.At(measure, first.Year + 5).Mean)} five years later.";
        }
        return sentence;
    }

    private static int ArgMin(double[] v) => Array.IndexOf(v, v.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min());

    private static int ArgMax(double[] v) => Array.IndexOf(v, v.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max());

    // 3. Why institutions adopted.
    private static Chart? AdoptionChart(ResultFolder r, DesignPointSeries p, string focus)
    {
        var modes = new[]
        {
            (MeasureSet.AdoptedTechnical, "for technical reasons (early)", OkabeIto.BluishGreen, "for technical reasons"),
            (MeasureSet.AdoptedLegitimacy, "for legitimacy (later)", OkabeIto.Orange, "for legitimacy"),
            (MeasureSet.AdoptedCoerced, "under a mandate (coerced)", OkabeIto.Vermillion, "under a mandate"),
        }.Where(m => p.Has(m.Item1)).ToList();
        if (modes.Count == 0)
        {
            return null;
        }
        var layers = modes.Select(m => new Layer(m.Item2, m.Item3, p.Means(m.Item1))).ToList();
        var totals = ChartData.Stack(layers.Select(l => l.Values).ToList())[^1].Upper;
        var total = p.Has(MeasureSet.InstitutionsAdopted) ? p.Final(MeasureSet.InstitutionsAdopted).Mean : totals[^1];
        var caption = $"By {Format.Year(p.EndYear)}, {Format.Percent(total)} of institutions had adopted{focus}: " +
                      Describe.List(modes.Select(m => $"{Format.Percent(p.Final(m.Item1).Mean)} {m.Item4}").ToList()) + ".";
        var half = Array.FindIndex(totals, v => v >= 0.5);
        caption += half > 0 ? $" Half of all institutions had adopted by {Format.Year(p.Years[half])}."
            : half == 0 ? " Half or more had adopted from the start."
            : " Adoption never reached half of institutions.";
        if (p.Has(MeasureSet.InstitutionsAdopted))
        {
            caption += EventSentence(r, p, MeasureSet.InstitutionsAdopted);
        }
        var title = "Why institutions adopted";
        var plot = Draw.Stacked(title, "Institutions that have adopted (% of all)", p.Years, layers, r.Events);
        return new Chart("adoption_by_mode", SectionAdoption, title, caption, plot);
    }

    // 4. Who is in the coalition.
    private static IEnumerable<Chart> CoalitionCharts(ResultFolder r, DesignPointSeries p, string focus)
    {
        var end = Format.Year(p.EndYear);
        var positions = Names.Positions.Where(x => p.Has(MeasureSet.CoalitionByPosition(Parse<Position>(x)))).ToList();
        if (positions.Count > 0)
        {
            Color[] colours = [OkabeIto.Blue, OkabeIto.Orange, OkabeIto.BluishGreen];
            var layers = positions.Select(x => new Layer(Describe.Position(x), colours[Names.Positions.ToList().IndexOf(x) % 3], p.Means("coalition_" + x))).ToList();
            var first = FirstNonEmpty(p, positions.Select(x => "coalition_" + x));
            var caption = $"In {end} the coalition{focus} was " + Describe.List(positions.Select(x => $"{Format.Percent(p.Final("coalition_" + x).Mean)} {Describe.Position(x)}").ToList());
            if (first >= 0 && first < p.Years.Length - 1)
            {
                caption += $" (in {Format.Year(p.Years[first])}: " + Describe.List(positions.Select(x => $"{Format.Percent(p.Means("coalition_" + x)[first])} {x}").ToList()) + ")";
            }
            caption += p.Has(MeasureSet.CoalitionSize)
                ? $". Coalition members were {Format.Percent(p.Initial(MeasureSet.CoalitionSize).Mean)} of all actors at the start and {Format.Percent(p.Final(MeasureSet.CoalitionSize).Mean)} at the end."
                : ".";
            var title = "Who is in the coalition: by position";
            yield return new Chart("coalition_by_position", SectionCoalition, title, caption,
                Draw.Stacked(title, "Coalition members (%)", p.Years, layers, r.Events, fixedTopShare: 1));
        }
        var motives = Names.Motives.Where(m => p.Has("coalition_" + m)).ToList();
        if (motives.Count > 0)
        {
            var layers = motives.Select(m => new Layer(Describe.Motive(m), MotiveColour(m), p.Means("coalition_" + m))).ToList();
            var first = FirstNonEmpty(p, motives.Select(m => "coalition_" + m));
            var largest = motives.OrderByDescending(m => p.Final("coalition_" + m).Mean).First();
            var caption = $"In {end} the largest group in the coalition{focus} was moved most by {Describe.Motive(largest)}: {Format.Percent(p.Final("coalition_" + largest).Mean)} of members.";
            if (first >= 0 && first < p.Years.Length - 1)
            {
                var changed = motives.OrderByDescending(m => Math.Abs(p.Final("coalition_" + m).Mean - p.Means("coalition_" + m)[first])).First();
                var from = p.Means("coalition_" + changed)[first];
                var to = p.Final("coalition_" + changed).Mean;
                caption += $" The share moved most by {changed} changed most: {Describe.Change(from, to, p.Years[first], p.EndYear, Format.Percent, 0.005)}.";
            }
            var title = "Who is in the coalition: by motive";
            yield return new Chart("coalition_by_motive", SectionCoalition, title, caption,
                Draw.Stacked(title, "Coalition members (%), by strongest motive", p.Years, layers, r.Events, fixedTopShare: 1));
        }
        var supported = Names.Motives.Where(m => p.Has("support_" + m)).ToList();
        if (supported.Count > 0)
        {
            var lines = supported.Select(m => new TimeLine(Describe.Motive(m), MotiveColour(m), p.Years, p.Get("support_" + m), Band: false)).ToList();
            var ranked = supported.OrderByDescending(m => p.Final("support_" + m).Mean).ToList();
            var caption = $"By {end}, support{focus} was highest among actors moved most by {Describe.Motive(ranked[0])} ({Format.Score(p.Final("support_" + ranked[0]).Mean)})";
            caption += ranked.Count > 1 ? $" and lowest among those moved most by {Describe.Motive(ranked[^1])} ({Format.Score(p.Final("support_" + ranked[^1]).Mean)})." : ".";
            var title = "Support for the innovation, by motive";
            yield return new Chart("support_by_motive", SectionCoalition, title, caption,
                Draw.OverTime(title, "Mean support (0–1)", false, lines, r.Events));
        }
    }

    private static Color MotiveColour(string motive) => OkabeIto.SeriesColor(Math.Max(0, Names.Motives.ToList().IndexOf(motive)));

    private static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);

    /// <summary>First step at which the shares of a group sum to more than zero (the group is not empty), or −1.</summary>
    private static int FirstNonEmpty(DesignPointSeries p, IEnumerable<string> measures)
    {
        var sums = ChartData.Stack(measures.Select(p.Means).ToList())[^1].Upper;
        return Array.FindIndex(sums, s => s > 1e-9);
    }

    // 5. What the innovation became.
    private static IEnumerable<Chart> InnovationCharts(ResultFolder r, DesignPointSeries p, string focus)
    {
        foreach (var component in r.Components)
        {
            var alts = component.Alternatives.Where(a => p.Has(a.Measure)).ToList();
            if (alts.Count == 0)
            {
                continue;
            }
            var layers = alts.Select((a, i) => new Layer(i == 0 ? $"{Text.Words(a.Alternative)} (original)" : Text.Words(a.Alternative),
                OkabeIto.SeriesColor(i), p.Means(a.Measure))).ToList();
            var first = FirstNonEmpty(p, alts.Select(a => a.Measure));
            var name = Text.Words(component.Component);
            var caption = $"In {Format.Year(p.EndYear)}, recipients{focus} got " +
                          Describe.List(alts.Select((a, i) => $"'{Text.Words(a.Alternative)}'{(i == 0 ? " (the original)" : "")} {Format.Percent(p.Final(a.Measure).Mean)}").ToList()) +
                          $" as their {name}";
            if (first >= 0 && first < p.Years.Length - 1)
            {
                caption += $"; in {Format.Year(p.Years[first])}, when it first reached people, the original's share was {Format.Percent(p.Means(alts[0].Measure)[first])}";
            }
            caption += ".";
            var title = $"What became of the {name}";
            yield return new Chart("innovation_" + FileName(component.Component), SectionInnovation, title, caption,
                Draw.Stacked(title, "Recipients getting each form (%)", p.Years, layers, r.Events, fixedTopShare: 1));
        }
    }

    internal static string FileName(string name) =>
        new string(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' ? char.ToLowerInvariant(ch) : '_').ToArray());

    // 6. Sweeps.
    private static IEnumerable<Chart> SweepCharts(ResultFolder r, IReadOnlyList<DesignPointSeries> points, DesignPointSeries? reference)
    {
        var swept = r.SweptParameters
            .Where(s => s != "institutional_adoption")
            .Where(s => points.Select(d => d.SettingOf(s) ?? "").Distinct().Count() > 1)
            .ToList();
        if (swept.Count == 0 || points.Count < 2)
        {
            yield break;
        }
        double? referenceBenefit = r.DesignPoints.Count(d => d.IsMovementOnly) == 1 && reference is not null
            ? reference.Final(MeasureSet.NetBenefit).Mean
            : null;
        var outcomes = new[] { MeasureSet.NetBenefit, MeasureSet.Reach, MeasureSet.Fidelity }.Where(m => points[0].Has(m)).ToList();
        Color ColourOf(string m) => m == MeasureSet.NetBenefit ? OkabeIto.Vermillion : m == MeasureSet.Reach ? OkabeIto.Blue : OkabeIto.BluishGreen;

        if (swept.Count == 1)
        {
            var param = swept[0];
            var levels = ChartData.Levels(points.Select(d => d.SettingOf(param) ?? ""));
            var atLevel = levels.Select(l => points.First(d => d.SettingOf(param) == l)).ToList();
            var series = outcomes.Select(m => (Format.Capital(Format.NameOf(m)), ColourOf(m), atLevel.Select(d => d.Final(m)).ToArray())).ToList();
            var title = $"Outcomes at the end, by {Text.Words(param)}";
            yield return new Chart("sweep_" + FileName(param), SectionSweep, title, SweepCaption(param, levels, atLevel.Select(d => d.Final(MeasureSet.NetBenefit).Mean).ToList(), atLevel, reference, referenceBenefit) + " Shaded: 5–95% of runs.",
                Draw.Sweep(title, AxisName(param), levels, series, referenceBenefit, "shaded: 5–95% of runs"));
            yield break;
        }

        // A sampled design (a Latin hypercube) gives every design point its own value of every parameter: there are
        // no levels to average over, so each parameter gets a scatter of the design points and no heatmap.
        var sampled = swept.All(s => points.GroupBy(d => d.SettingOf(s)).All(g => g.Count() == 1));
        if (sampled)
        {
            var byCorrelation = swept
                .Select(s => (Param: s, R: SampleStatistics.Correlation(points.Select(d => ResultFolder.ParseNumber(d.SettingOf(s) ?? "") ?? double.NaN).ToList(),
                    points.Select(d => d.Final(MeasureSet.NetBenefit).Mean).ToList())))
                .OrderByDescending(t => double.IsNaN(t.R) ? -1 : Math.Abs(t.R)).ThenBy(t => swept.IndexOf(t.Param)).ToList();
            var ranking = $"Of the {swept.Count} sampled parameters, final net benefit follows " +
                          Describe.List(byCorrelation.Where(t => !double.IsNaN(t.R)).Select(t => $"{Text.Words(t.Param)} (r = {t.R.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})").ToList()) +
                          ", in that order (Pearson correlation over the design points).";
            foreach (var (param, rho) in byCorrelation.Take(6))
            {
                var ordered = points.OrderBy(d => ResultFolder.ParseNumber(d.SettingOf(param) ?? "") ?? double.NaN).ToList();
                var levels = ordered.Select(d => d.SettingOf(param) ?? "").ToList();
                var series = outcomes.Select(m => (Format.Capital(Format.NameOf(m)), ColourOf(m), ordered.Select(d => d.Final(m)).ToArray())).ToList();
                var title = $"Outcomes at the end, by {Text.Words(param)}";
                var caption = $"Each point is one of {points.Count} sampled design points, with the 5–95% range of its runs; the other parameters vary too. " +
                              (double.IsNaN(rho) ? "" : $"Final net benefit {(rho >= 0 ? "rises" : "falls")} with {Text.Words(param)} (r = {rho.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}). ") +
                              ranking;
                yield return new Chart("sweep_" + FileName(param), SectionSweep, title, caption,
                    Draw.Sweep(title, AxisName(param), levels, series, referenceBenefit, "bars: 5–95% of runs", connect: false));
            }
            yield break;
        }

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
                    levels.Select(l => MainEffect(points.Where(d => d.SettingOf(param) == l).Select(d => d.Final(m).Mean).ToList())).ToArray())).ToList();
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

    private static double[,] Scale(double[,] grid, double factor)
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

    private static Summary MainEffect(IReadOnlyList<double> means)
    {
        var ok = means.Where(double.IsFinite).ToList();
        return ok.Count == 0 ? Summary.Missing : new Summary(ok.Count, ok.Average(), double.NaN, ok.Min(), double.NaN, ok.Max(), double.NaN, double.NaN);
    }

    private static string AxisName(string param)
    {
        var spec = ParameterCatalog.Find(param);
        return spec is null || spec.Unit.Length == 0 ? Text.Words(param) : $"{Text.Words(param)} ({spec.Unit})";
    }

    private static string SweepCaption(string param, IReadOnlyList<string> levels, IReadOnlyList<double> benefit, IReadOnlyList<DesignPointSeries> atLevel,
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

    // Sensitivity indices (indices.csv).
    private static IEnumerable<Chart> SensitivityCharts(ResultFolder r)
    {
        if (r.Indices is not { Count: > 0 } indices)
        {
            yield break;
        }
        foreach (var family in Sensitivity.Families(indices))
        {
            var title = family.Title.Replace("the outcome", Sensitivity.OutcomeName(r), StringComparison.Ordinal);
            var plot = Draw.Sensitivity(title, family.AxisLabel, family.Parameters,
                family.Indices.Select((ix, k) => (ix.Name, k == 0 ? OkabeIto.Blue : OkabeIto.Orange, ix.Values, ix.Low, ix.High)).ToList());
            yield return new Chart("sensitivity_" + family.Key, SectionSensitivity, title, Sensitivity.Sentence(family, r), plot);
        }
    }

    // Calibration (fit.csv and observed.csv).
    private static IEnumerable<Chart> CalibrationCharts(ResultFolder r, DesignPointSeries p)
    {
        if (r.Observed is not { Count: > 0 } observed)
        {
            yield break;
        }
        foreach (var group in observed.GroupBy(o => o.Measure))
        {
            if (!p.Has(group.Key))
            {
                continue;
            }
            var measure = group.Key;
            var percent = Format.IsShare(measure);
            var f = Format.For(measure);
            var obs = group.OrderBy(o => o.Year).ToList();
            var within = obs.Where(o => o.Year >= p.StartYear - 1e-9 && o.Year <= p.EndYear + 1e-9).ToList();
            var inside = within.Count(o => p.At(measure, o.Year) is var s && o.Value >= s.Q05 - 1e-12 && o.Value <= s.Q95 + 1e-12);
            var caption = $"{inside} of {within.Count} observed values of {Format.NameOf(measure)} lie within the simulated 5–95% band";
            if (within.Count > 0)
            {
                var worst = within.MaxBy(o => Math.Abs(o.Value - p.At(measure, o.Year).Mean))!;
                var gap = worst.Value - p.At(measure, worst.Year).Mean;
                caption += $"; the largest gap between observed and simulated mean is {(percent ? Format.Points(gap) : (gap >= 0 ? "+" : "") + f(gap))} in {Format.Year(worst.Year)}";
            }
            caption += ".";
            if (within.Count < obs.Count)
            {
                caption += $" {obs.Count - within.Count} observation(s) fall outside the simulated years.";
            }
            var title = $"Observed and simulated {Format.NameOf(measure)}";
            var yLabel = measure switch
            {
                MeasureSet.Reach => "Reach (% of eligible people)",
                MeasureSet.NetBenefit => "Net benefit (0–1)",
                MeasureSet.Fidelity => "Fidelity (0–1)",
                _ => Format.Capital(Format.NameOf(measure)) + (percent ? " (%)" : ""),
            };
            var sim = new TimeLine("simulated (mean)", OkabeIto.Blue, p.Years, p.Get(measure));
            yield return new Chart("calibration_" + FileName(measure), SectionCalibration, title, caption,
                Draw.Calibration(title, yLabel, percent, sim, obs, r.Events));
        }
    }
}
