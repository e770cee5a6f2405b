using System.Globalization;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Reporting;

/// <summary>
/// A result folder read back from its files alone (see results/README.md): no simulation code is involved,
/// so charts and reports can be redrawn from any earlier run. Statistics over replicates are read from
/// summary.csv; they are computed from timeseries.csv only when there is no summary (e.g. a shard).
/// </summary>
public sealed class ResultFolder
{

    private static readonly HashSet<string> RunKeys = new(StringComparer.Ordinal) { "run_id", "design_point", "replicate", "seed", "step", "year" };

    private ResultFolder(string root)
    {
        Root = root;
    }

    /// <summary>Full path of the folder.</summary>
    public string Root { get; }

    /// <summary>manifest.json; null when the folder has none.</summary>
    public ResultManifest? Manifest { get; private set; }

    /// <summary>The scenario's name: from manifest.json, else the folder's name (its parent's when the folder is a timestamp).</summary>
    public string ScenarioName { get; private set; } = "";

    /// <summary>The file the replicate statistics came from: timeseries.csv or summary.csv.</summary>
    public string SeriesSource { get; private set; } = "";

    /// <summary>Measure names in file order.</summary>
    public IReadOnlyList<string> Measures { get; private set; } = [];

    /// <summary>Swept parameters, in design.csv column order.</summary>
    public IReadOnlyList<string> SweptParameters { get; private set; } = [];

    public IReadOnlyList<DesignPointSeries> DesignPoints { get; private set; } = [];

    /// <summary>Each run's parameter values from runs.csv (empty when runs.csv is absent).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> RunParameters { get; private set; } = [];

    /// <summary>Number of runs that failed (rows of failures.csv), 0 when there is none.</summary>
    public int FailedRuns { get; private set; }

    public IReadOnlyList<ScheduledEvent> Events { get; private set; } = [];

    public IReadOnlyList<ComponentShares> Components { get; private set; } = [];

    /// <summary>indices.csv, or null when absent.</summary>
    public IReadOnlyList<SensitivityIndex>? Indices { get; private set; }

    /// <summary>What a robustness analysis found (robustness.json and its CSV files), or null when absent.</summary>
    public RobustnessFindings? Robustness { get; private set; }

    /// <summary>fit.csv, or null when absent.</summary>
    public IReadOnlyList<FittedParameter>? Fit { get; private set; }

    /// <summary>The observations set against the model (see <see cref="ReadObserved"/>), or null when there are none.</summary>
    public IReadOnlyList<Observation>? Observed { get; private set; }

    /// <summary>Rows of the observations file that could not be read, each with file, line and column.</summary>
    public IReadOnlyList<ScenarioError> ObservedProblems { get; private set; } = [];

    /// <summary>What fit.csv's low and high are (from calibration.json), or null when it does not say.</summary>
    public string? FitInterval { get; private set; }

    /// <summary>All design points run without institutional adoption: this is the movement acting alone.</summary>
    public bool IsMovementOnly => DesignPoints.Count > 0 && DesignPoints.All(d => d.IsMovementOnly);

    /// <summary>
    /// The design point the mechanism charts and headline numbers describe: the one with institutional
    /// adoption and the highest final mean net benefit (the lowest id on ties); with one design point, that one.
    /// </summary>
    public DesignPointSeries Primary
    {
        get
        {
            var candidates = DesignPoints.Where(d => !d.IsMovementOnly).ToList();
            if (candidates.Count == 0)
            {
                return DesignPoints[0];
            }
            return candidates
                .OrderByDescending(d => d.Final(MeasureSet.NetBenefit).Mean is var m && double.IsNaN(m) ? double.NegativeInfinity : m)
                .ThenBy(d => d.Id)
                .First();
        }
    }

    /// <summary>The runs were paired with their counterfactual (<c>batch --counterfactual</c>): the folder holds the columns of <see cref="CounterfactualColumns"/>.</summary>
    public bool HasCounterfactual => Measures.Contains(CounterfactualColumns.DifferenceOf(MeasureSet.NetBenefit));

    /// <summary>
    /// The movement alone to compare a design point with: its own paired counterfactual when the runs carry one (and
    /// the comparison applies, see <see cref="TakeUpAnswer.NotApplicable"/>), else the movement-only design point whose
    /// other swept settings match, else the only movement-only design point; null when there is none or it is ambiguous.
    /// </summary>
    public DesignPointSeries? ReferenceFor(DesignPointSeries dp)
    {
        if (TakeUpAnswer.NotApplicable(dp) is not null)
        {
            return null;
        }
        if (HasCounterfactual)
        {
            return dp.Counterfactual();
        }
        var references = DesignPoints.Where(d => d.IsMovementOnly).ToList();
        var matching = references.Where(r => r.Settings.Where(s => s.Parameter != "institutional_adoption")
            .SequenceEqual(dp.Settings.Where(s => s.Parameter != "institutional_adoption"))).ToList();
        return matching.Count == 1 ? matching[0] : references.Count == 1 ? references[0] : null;
    }

    public string PathOf(string file) => System.IO.Path.Combine(Root, file);

    public static ResultFolder Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ResultFolderException(path, "no folder given");
        }
        var root = System.IO.Path.GetFullPath(path);
        if (File.Exists(root))
        {
            throw new ResultFolderException(path, "is a file, not a result folder");
        }
        if (!Directory.Exists(root))
        {
            throw new ResultFolderException(path, "no such folder");
        }
        var r = new ResultFolder(root);
        var hasTimeseries = File.Exists(r.PathOf(ResultFiles.Timeseries));
        var hasSummary = File.Exists(r.PathOf(ResultFiles.Summary));
        if (!hasTimeseries && !hasSummary)
        {
            throw new ResultFolderException(path,
                $"not a result folder: it has neither {ResultFiles.Timeseries} nor {ResultFiles.Summary} (see results/README.md)");
        }
        r.Manifest = ReadManifest(r.PathOf(ResultFiles.Manifest));
        r.ScenarioName = r.Manifest?.Scenario ?? NameFromFolder(root);
        var design = ReadDesign(r.PathOf(ResultFiles.Design), out var swept);
        r.SweptParameters = swept;
        var runs = ReadRuns(r.PathOf(ResultFiles.Runs));
        r.RunParameters = runs.Select(x => x.Parameters).ToList();
        r.FailedRuns = CountRows(r.PathOf(ResultFiles.Failures));
        // summary.csv holds the same statistics, written by the batch as it streamed the runs; reading it keeps
        // memory independent of the number of runs. timeseries.csv is read whole only when there is no summary.
        var series = hasSummary ? ReadSummary(r.PathOf(ResultFiles.Summary)) : ReadTimeseries(r.PathOf(ResultFiles.Timeseries));
        r.SeriesSource = hasSummary ? ResultFiles.Summary : ResultFiles.Timeseries;
        r.Measures = series.Measures;
        if (series.Points.Count == 0)
        {
            throw new ResultFolderException(r.PathOf(r.SeriesSource), "has no rows: there is nothing to chart");
        }
        r.DesignPoints = series.Points.Select(p => new DesignPointSeries(
            p.Id,
            design.GetValueOrDefault(p.Id) ?? [],
            runs.FirstOrDefault(x => x.DesignPoint == p.Id)?.Parameters ?? new Dictionary<string, string>(),
            p.Replicates, p.Years, p.Measures)).ToList();
        var snapshot = r.PathOf(ResultFiles.ScenarioSnapshot);
        r.Events = ScenarioSnapshot.Events(snapshot).Select(e => new ScheduledEvent(e.Year, e.Kind, e.Target, e.Value, e.Label)).ToList();
        r.Components = ShareNames.Group(r.Measures, ScenarioSnapshot.Alternatives(snapshot));
        r.Indices = ReadIndices(r.PathOf(ResultFiles.Indices));
        r.Fit = ReadFit(r.PathOf(ResultFiles.Fit));
        r.Observed = ReadObserved(root, out var observedProblems);
        r.ObservedProblems = observedProblems;
        r.FitInterval = ReadFitInterval(r.PathOf(ResultFiles.Calibration));
        // A robustness analysis writes its files into its own folder; suite --robust puts that folder inside the batch's.
        r.Robustness = RobustnessFindings.Read(root) ?? RobustnessFindings.Read(System.IO.Path.Combine(root, ResultFiles.RobustnessFolder));
        return r;
    }

    private static ResultManifest? ReadManifest(string path)
    {
        try
        {
            return File.Exists(path) ? ResultManifest.Read(path) : null;
        }
        catch (InvalidDataException e)
        {
            throw new ResultFolderException(path, e.Message, e);
        }
    }

    private static string NameFromFolder(string root)
    {
        var dir = new DirectoryInfo(root);
        return dir.Name.Length > 0 && char.IsDigit(dir.Name[0]) && dir.Parent is not null ? dir.Parent.Name : dir.Name;
    }

    private sealed record RunRow(int DesignPoint, IReadOnlyDictionary<string, string> Parameters);

    private sealed record PointData(int Id, int Replicates, double[] Years, IReadOnlyDictionary<string, Summary[]> Measures);

    private sealed record SeriesData(IReadOnlyList<string> Measures, IReadOnlyList<PointData> Points);

    private static Dictionary<int, IReadOnlyList<Setting>> ReadDesign(string path, out IReadOnlyList<string> swept)
    {
        var result = new Dictionary<int, IReadOnlyList<Setting>>();
        swept = [];
        if (!File.Exists(path))
        {
            return result;
        }
        using var csv = CsvFile.Open(path, "design_point");
        var columns = csv.Headers.Where(h => h != "design_point").ToList();
        swept = columns;
        while (csv.Read())
        {
            var id = csv.Integer("design_point");
            result[id] = columns.Select(c => new Setting(c, csv.Text(c))).ToList();
        }
        return result;
    }

    private static List<RunRow> ReadRuns(string path)
    {
        var rows = new List<RunRow>();
        if (!File.Exists(path))
        {
            return rows;
        }
        using var csv = CsvFile.Open(path, "design_point");
        var parameterColumns = csv.Headers
            .Where(h => !RunKeys.Contains(h) && !h.StartsWith("final_", StringComparison.Ordinal)
                        && h is not "agent_steps" and not "wall_seconds")
            .ToList();
        while (csv.Read())
        {
            rows.Add(new RunRow(csv.Integer("design_point"),
                parameterColumns.ToDictionary(c => c, c => csv.Text(c), StringComparer.Ordinal)));
        }
        return rows;
    }

    private static int CountRows(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        using var csv = CsvFile.Open(path);
        var n = 0;
        while (csv.Read())
        {
            n++;
        }
        return n;
    }

    private sealed class StepRows(double year)
    {
        public double Year { get; } = year;
        public List<double[]> Rows { get; } = [];
    }

    private static SeriesData ReadTimeseries(string path)
    {
        using var csv = CsvFile.Open(path, "design_point", "step", "year");
        var measures = csv.Headers.Where(h => !RunKeys.Contains(h)).ToList();
        var measureColumns = measures.Select(csv.IndexOf).ToArray();
        var byPoint = new SortedDictionary<int, SortedDictionary<int, StepRows>>();
        var runsByPoint = new Dictionary<int, HashSet<string>>();
        var hasRunId = csv.Has("run_id");
        var hasReplicate = csv.Has("replicate");
        while (csv.Read())
        {
            var dp = csv.Integer("design_point");
            var step = csv.Integer("step");
            var year = csv.Number("year");
            if (!byPoint.TryGetValue(dp, out var steps))
            {
                byPoint[dp] = steps = new SortedDictionary<int, StepRows>();
                runsByPoint[dp] = [];
            }
            if (!steps.TryGetValue(step, out var rows))
            {
                steps[step] = rows = new StepRows(year);
            }
            var values = new double[measureColumns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = csv.Number(measureColumns[i]);
            }
            rows.Rows.Add(values);
            runsByPoint[dp].Add(hasRunId ? csv.Text("run_id") : hasReplicate ? csv.Text("replicate") : "");
        }
        var points = new List<PointData>();
        foreach (var (dp, steps) in byPoint)
        {
            var years = steps.Values.Select(s => s.Year).ToArray();
            var stepRows = steps.Values.ToArray();
            var summaries = new Dictionary<string, Summary[]>(StringComparer.Ordinal);
            for (var m = 0; m < measures.Count; m++)
            {
                var column = m;
                summaries[measures[m]] = stepRows.Select(s => Summary.Of(s.Rows.Select(r => r[column]))).ToArray();
            }
            var replicates = hasRunId || hasReplicate ? runsByPoint[dp].Count : stepRows.Max(s => s.Rows.Count);
            points.Add(new PointData(dp, replicates, years, summaries));
        }
        return new SeriesData(measures, points);
    }

    private static SeriesData ReadSummary(string path)
    {
        string[] stats = ["n", "mean", "sd", "q05", "q50", "q95", "ci_low", "ci_high"];
        using var csv = CsvFile.Open(path, ["design_point", "step", "year", "measure", .. stats]);
        var measures = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var byPoint = new SortedDictionary<int, (SortedDictionary<int, double> Years, Dictionary<(string, int), Summary> Values)>();
        while (csv.Read())
        {
            var dp = csv.Integer("design_point");
            var step = csv.Integer("step");
            var measure = csv.Text("measure");
            if (known.Add(measure))
            {
                measures.Add(measure);
            }
            if (!byPoint.TryGetValue(dp, out var point))
            {
                byPoint[dp] = point = (new SortedDictionary<int, double>(), new Dictionary<(string, int), Summary>());
            }
            point.Years[step] = csv.Number("year");
            point.Values[(measure, step)] = new Summary((int)csv.Number("n"), csv.Number("mean"), csv.Number("sd"),
                csv.Number("q05"), csv.Number("q50"), csv.Number("q95"), csv.Number("ci_low"), csv.Number("ci_high"));
        }
        var points = new List<PointData>();
        foreach (var (dp, point) in byPoint)
        {
            var steps = point.Years.Keys.ToArray();
            var summaries = measures.ToDictionary(m => m,
                m => steps.Select(s => point.Values.GetValueOrDefault((m, s), Summary.Missing)).ToArray(), StringComparer.Ordinal);
            var replicates = point.Values.Values.Select(v => v.N).DefaultIfEmpty(0).Max();
            points.Add(new PointData(dp, replicates, point.Years.Values.ToArray(), summaries));
        }
        return new SeriesData(measures, points);
    }

    private static IReadOnlyList<SensitivityIndex>? ReadIndices(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var csv = CsvFile.Open(path, "parameter", "index", "value", "ci_low", "ci_high");
        var list = new List<SensitivityIndex>();
        while (csv.Read())
        {
            list.Add(new SensitivityIndex(csv.Text("parameter"), csv.Text("index"), csv.Number("value"),
                csv.Number("ci_low"), csv.Number("ci_high")));
        }
        return list;
    }

    private static string? ReadFitInterval(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path));
            var method = (string?)json?["method"];
            if (method == "abc")
            {
                return "90% posterior interval (ABC: 5% and 95% quantiles of the accepted samples)";
            }
            if ((string?)json?["interval"] == "bootstrap")
            {
                var confidence = (double?)json?["bootstrap_confidence"] ?? 0.95;
                var refits = (int?)json?["bootstrap_refits"];
                if (refits is > 0 and var n)
                {
                    // With too few refits the interval is the smallest to the largest, which covers (n - 1) / (n + 1).
                    confidence = Math.Min(confidence, (n - 1) / (double)(n + 1));
                }
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{confidence * 100:0}% parametric bootstrap interval{(refits is { } k ? $" ({k} refits)" : "")}, or the profile interval where that is wider");
            }
            return (string?)json?["interval"] == "profile" ? "profile interval (an identifiability check: narrower than the real uncertainty)" : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static IReadOnlyList<FittedParameter>? ReadFit(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var csv = CsvFile.Open(path, "parameter", "value", "low", "high");
        var list = new List<FittedParameter>();
        while (csv.Read())
        {
            bool? identified = null;
            if (csv.Has("identified"))
            {
                var t = csv.Text("identified").ToLowerInvariant();
                identified = t is "true" or "1" or "yes" ? true : t is "false" or "0" or "no" ? false : null;
            }
            list.Add(new FittedParameter(csv.Text("parameter"), csv.Number("value"), csv.Number("low"), csv.Number("high"), identified));
        }
        return list;
    }

    /// <summary>The observations: those a calibration fitted (observed.csv), else those the scenario ships (scenario/observed.csv).</summary>
    private static IReadOnlyList<Observation>? ReadObserved(string root, out IReadOnlyList<ScenarioError> problems)
    {
        var errors = new List<ScenarioError>();
        problems = errors;
        var path = new[] { ResultFiles.Observed, System.IO.Path.Combine(ResultFiles.ScenarioSnapshot, ObservedFile.Name) }
            .Select(f => System.IO.Path.Combine(root, f))
            .FirstOrDefault(File.Exists);
        return path is null ? null : ObservedFile.Read(path, path, errors).Select(r => r.Observation).ToList();
    }

    /// <summary>Culture-independent parse of a value from a file; null when it is not a number.</summary>
    public static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
