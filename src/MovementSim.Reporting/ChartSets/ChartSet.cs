using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;

namespace MovementSim.Reporting;

/// <summary>
/// Draws every chart a result folder supports into its charts/ folder (PNG and SVG), from the CSV files alone,
/// each with a caption computed from these results. Drawing is deterministic: the same files give the same charts.
/// Each section's charts are built in a class of their own (ChartSets/); this one says which and in what order,
/// and holds what they share.
/// </summary>
public static class ChartSet
{
    public const string SectionPlane = "Reach and fidelity";
    public const string SectionTime = "Over time";
    public const string SectionAdoption = "Why institutions adopted";
    public const string SectionCoalition = "Who is in the coalition";
    public const string SectionInnovation = "What the innovation became";
    public const string SectionCapacity = "Caseload and capacity";
    public const string SectionSweep = "Parameter sweep";
    public const string SectionSensitivity = "Sensitivity";
    public const string SectionCalibration = "Calibration";
    public const string SectionEvidence = "Model against the record";
    public const string SectionRobustness = "How robust is this answer?";

    /// <summary>Measures with a time chart of their own, which shows their observed values; others get an evidence chart.</summary>
    public static readonly IReadOnlyList<string> TimeChartMeasures = [MeasureSet.Reach, MeasureSet.Fidelity, MeasureSet.NetBenefit];

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
        var evidence = Evidence.Of(r, primary);

        if (primary.Has(MeasureSet.Reach) && primary.Has(MeasureSet.Fidelity))
        {
            yield return PlaneChart.Build(r, shown, institutional.Count, reference);
        }
        if (primary.Has(MeasureSet.Reach))
        {
            yield return TimeCharts.ReachChart(r, primary, shown, institutional.Count, reference, evidence);
        }
        if (primary.Has(MeasureSet.Fidelity))
        {
            yield return TimeCharts.SingleMeasureChart(r, MeasureSet.Fidelity, ChartTitles.Fidelity, primary, shown, institutional.Count, reference, evidence);
        }
        if (primary.Has(MeasureSet.NetBenefit))
        {
            yield return TimeCharts.SingleMeasureChart(r, MeasureSet.NetBenefit, ChartTitles.NetBenefit, primary, shown, institutional.Count, reference, evidence);
        }
        var focus = many ? $" ({primary.Label}, the design point with the highest final net benefit)" : "";
        if (AdoptionChart.Build(r, primary, focus) is { } adoption)
        {
            yield return adoption;
        }
        foreach (var c in CoalitionCharts.Build(r, primary, focus))
        {
            yield return c;
        }
        foreach (var c in InnovationCharts.Build(r, primary, focus))
        {
            yield return c;
        }
        if (CaseloadChart.Build(r, primary, focus) is { } caseload)
        {
            yield return caseload;
        }
        foreach (var c in SweepCharts.Build(r, institutional, reference))
        {
            yield return c;
        }
        foreach (var c in SensitivityCharts.Build(r))
        {
            yield return c;
        }
        foreach (var c in EvidenceCharts.Build(primary, evidence, r.Events))
        {
            yield return c;
        }
        foreach (var c in RobustnessCharts.Build(r))
        {
            yield return c;
        }
    }

    public static string SeriesLabel(ResultFolder r, DesignPointSeries dp, bool many) => many ? dp.Label : r.ScenarioName;

    public static string ShownNote(int shown, int total)
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

    public static bool UsesThresholdBenefit(ResultFolder r) =>
        r.RunParameters.Any(p => p.TryGetValue("benefit_function", out var v) && (v.Equals("threshold", StringComparison.OrdinalIgnoreCase) || v == "1"));

    public static int ArgMin(double[] v) => Array.IndexOf(v, v.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min());

    public static int ArgMax(double[] v) => Array.IndexOf(v, v.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max());

    public static Color MotiveColour(string motive) => OkabeIto.SeriesColor(Math.Max(0, Names.Motives.ToList().IndexOf(motive)));

    public static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);

    /// <summary>First step at which the shares of a group sum to more than zero (the group is not empty), or −1.</summary>
    public static int FirstNonEmpty(DesignPointSeries p, IEnumerable<string> measures)
    {
        var sums = ChartData.Stack(measures.Select(p.Means).ToList())[^1].Upper;
        return Array.FindIndex(sums, s => s > 1e-9);
    }

    internal static string FileName(string name) =>
        new string(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' ? char.ToLowerInvariant(ch) : '_').ToArray());

    public static string AxisName(string param)
    {
        var spec = ParameterCatalog.Find(param);
        return spec is null || spec.Unit.Length == 0 ? Text.Words(param) : $"{Text.Words(param)} ({spec.Unit})";
    }
}
