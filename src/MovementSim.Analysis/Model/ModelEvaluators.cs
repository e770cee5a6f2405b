using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MovementSim.Analysis.Calibration;
using CsvHelper;
using MovementSim.Batch;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>
/// A sensitivity analysis' model: all design points in one batch in <paramref name="folder"/>, one measure at
/// one step per point. Since a sensitivity analysis evaluates once, the folder is that batch's: the same
/// command resumes it.
/// </summary>
public sealed class ModelEvaluator(BatchModel model, MeasureAt target, string folder, IBatchProgress? progress = null) : IBatchEvaluator
{
    public double[] Evaluate(IReadOnlyList<double[]> points) =>
        model.Run(points, [target], folder, progress).Select(values => values[0]).ToArray();
}

/// <summary>
/// How a calibration advances: points simulated so far and the smallest distance among them, in the fit
/// (<see cref="Refits"/> 0) or in bootstrap refit <see cref="Refit"/> (1-based) of <see cref="Refits"/>.
/// </summary>
public readonly record struct CalibrationProgress(int PointsSimulated, int PointsInBatch, double BestDistance, int Refit = 0, int Refits = 0);

/// <summary>
/// A calibration's model. Every call's new points run as one batch in <c>runs/&lt;hash of the points&gt;/</c>
/// under the result folder; their simulated values (and distance) are appended to <c>evaluations.csv</c> and
/// the batch folder is deleted. <c>evaluations.csv</c> is the memory of the calibration: when the same
/// command runs again (after a kill) it answers every point already there, so the deterministic optimiser
/// retraces its path without simulating, then carries on where it stopped; a batch cut short resumes, since
/// the same points give the same folder name. Seeds depend on the replicate only (common random numbers), so
/// a point's values do not depend on when or with which others it is run.
/// </summary>
public sealed class ModelMeasures : ISimulatedMeasures
{
    public const string EvaluationsFile = ResultFiles.Evaluations;
    public const string RunsFolder = "runs";

    private readonly BatchModel _model;
    private readonly IReadOnlyList<Observation> _observations;
    private readonly IReadOnlyList<MeasureAt> _targets;
    private readonly string _root;
    private readonly Action<CalibrationProgress>? _progress;
    private readonly Dictionary<string, double[]> _known = new(StringComparer.Ordinal);
    private double _best = double.PositiveInfinity;

    /// <param name="observed">The observations, with the step each is compared at.</param>
    /// <param name="root">The calibration's result folder (already opened, so its plan vouches for evaluations.csv).</param>
    public ModelMeasures(BatchModel model, IReadOnlyList<CalibrationTarget> observed, string root, Action<CalibrationProgress>? progress = null)
    {
        if (!model.Settings.CommonRandomNumbers)
        {
            throw new ArgumentException("calibration needs common random numbers: the same seeds at every point", nameof(model));
        }
        _model = model;
        _observations = observed.Select(o => o.Observation).ToArray();
        _targets = observed.Select(o => new MeasureAt(o.Observation.Measure, o.Step)).ToArray();
        _root = root;
        _progress = progress;
        LoadEvaluations();
    }

    public IReadOnlyList<Observation> Observations => _observations;

    /// <summary>Distinct points simulated (now or by an earlier, interrupted attempt).</summary>
    public int PointsSimulated => _known.Count;

    private string EvaluationsPath => Path.Combine(_root, EvaluationsFile);

    public IReadOnlyList<double[]> Simulate(IReadOnlyList<double[]> points, IReadOnlyList<Observation> observations)
    {
        if (observations.Count != _observations.Count || observations.Where((o, i) => o != _observations[i]).Any())
        {
            throw new ArgumentException("these measures were set up for other observations", nameof(observations));
        }
        var missing = new List<double[]>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in points)
        {
            var key = Key(p);
            if (!_known.ContainsKey(key) && queued.Add(key))
            {
                missing.Add(p);
            }
        }
        if (missing.Count > 0)
        {
            var folder = Path.Combine(_root, RunsFolder, FolderName(missing));
            var values = _model.Run(missing, _targets, folder);
            var firstEvaluation = _known.Count;
            var distances = new double[missing.Count];
            for (var i = 0; i < missing.Count; i++)
            {
                distances[i] = CalibrationObjective.Distance(_observations, values[i]);
                _best = Math.Min(_best, distances[i]);
                _known[Key(missing[i])] = values[i];
            }
            AppendEvaluations(CsvOutput.ToText(w =>
            {
                for (var i = 0; i < missing.Count; i++)
                {
                    WriteRow(w, firstEvaluation + i, missing[i], distances[i], values[i]);
                }
            }));
            Directory.Delete(folder, recursive: true);
            _progress?.Invoke(new CalibrationProgress(_known.Count, missing.Count, _best));
        }
        return points.Select(p => (double[])_known[Key(p)].Clone()).ToArray();
    }

    /// <summary>Deletes the folder of per-call batches (all empty once the calibration has finished).</summary>
    public void DeleteRuns()
    {
        var runs = Path.Combine(_root, RunsFolder);
        if (Directory.Exists(runs))
        {
            Directory.Delete(runs, recursive: true);
        }
    }

    /// <summary>evaluation, each parameter, distance, then the simulated value for each observation (simulated_1 is the first row of the observations).</summary>
    private string Header() =>
        CsvOutput.Line([
            "evaluation", .. _model.Parameters.Select(p => p.Name), "distance",
            .. _targets.Select((_, i) => "simulated_" + (i + 1).ToString(CultureInfo.InvariantCulture)),
        ]);

    private static void WriteRow(CsvWriter writer, int evaluation, double[] point, double distance, double[] values)
    {
        writer.WriteField(evaluation);
        foreach (var v in point)
        {
            writer.WriteField(v);
        }
        writer.WriteField(distance);
        foreach (var v in values)
        {
            writer.WriteField(v);
        }
        writer.EndRecord();
    }

    /// <summary>Points are keyed by their exact values: the round-trip text reads back as the same doubles.</summary>
    private static string Key(IReadOnlyList<double> point) => string.Join(",", point.Select(Csv.Number));

    private static string FolderName(IReadOnlyList<double[]> points)
    {
        var text = string.Join("\n", points.Select(Key));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private void AppendEvaluations(string rows)
    {
        var path = EvaluationsPath;
        var text = File.Exists(path) ? rows : Header() + rows;
        // Appended in one write: a killed process leaves at most a partial last line, which loading drops.
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(ResultFiles.Utf8.GetBytes(text));
        stream.Flush();
    }

    private void LoadEvaluations()
    {
        var path = EvaluationsPath;
        if (!File.Exists(path))
        {
            return;
        }
        var text = File.ReadAllText(path, ResultFiles.Utf8);
        var complete = text.LastIndexOf('\n') + 1;
        if (complete < text.Length)
        {
            // The last line was being written when the process died: drop it (its point will be simulated again).
            File.WriteAllText(path, text[..complete], ResultFiles.Utf8);
            text = text[..complete];
        }
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return;
        }
        if (lines[0] + "\n" != Header())
        {
            throw new OutputFolderException($"{path} does not belong to this calibration (its header differs): choose another --out");
        }
        var k = _model.Parameters.Count;
        for (var n = 1; n < lines.Length; n++)
        {
            var fields = lines[n].Split(',');
            if (fields.Length != 2 + k + _targets.Count)
            {
                throw new OutputFolderException($"{path}:{n + 1}: the line has {fields.Length} fields, expected {2 + k + _targets.Count}: the file is damaged; choose another --out");
            }
            var numbers = new double[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                if (!double.TryParse(fields[f], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[f]))
                {
                    throw new OutputFolderException($"{path}:{n + 1}: field {f + 1} '{Echo.Value(fields[f])}' is not a number: the file is damaged; choose another --out");
                }
            }
            var point = numbers.AsSpan(1, k).ToArray();
            _best = Math.Min(_best, numbers[1 + k]);
            _known[Key(point)] = numbers.AsSpan(2 + k).ToArray();
        }
    }
}

/// <summary>
/// A calibration's parametric bootstrap on the model, through the batch engine, in <c>bootstrap/</c> under the
/// result folder. Synthetic data set b is the mean of <paramref name="observedRuns"/> runs at the fitted point
/// (observed data are one history of the world, so by default one run, not a replicate mean): design point b of
/// a batch whose points all sit at the fit, without common random numbers, so each data set has runs of its own,
/// master seed <see cref="AnalysisStream.SyntheticData"/> of the calibration's; it runs in <c>bootstrap/data/</c>,
/// deleted once read. Refit b simulates as the fit does (replicate means, common random numbers) from master
/// seed <see cref="AnalysisStream.Refits"/> member b, and keeps its memory in <c>bootstrap/refit-b/evaluations.csv</c>
/// (see <see cref="ModelMeasures"/>), so a resumed calibration retraces finished refits without simulating.
/// Refits run --jobs at a time, each batch on the jobs left to it: a refit's batches are small (its
/// replicates at one or a few points) and their reading and writing is serial, so refits side by side keep the
/// cores busier than one refit with all of them.
/// </summary>
public sealed class ModelBootstrap(BatchModel model, IReadOnlyList<CalibrationTarget> observed, int observedRuns, string root,
    Action<CalibrationProgress>? progress = null) : IBootstrapModel
{
    public const string Folder = "bootstrap";

    private readonly List<ModelMeasures> _refits = [];
    private readonly Lock _lock = new();
    private int _count;

    public int Concurrency => model.Settings.Jobs;

    private string Root => Path.Combine(root, Folder);

    /// <summary>Distinct points simulated by all refits so far.</summary>
    public int PointsSimulated
    {
        get
        {
            lock (_lock)
            {
                return _refits.Sum(r => r.PointsSimulated);
            }
        }
    }

    public IReadOnlyList<double[]> SyntheticData(double[] point, int count, IReadOnlyList<Observation> observations)
    {
        _count = count;
        var settings = model.Settings with
        {
            MasterSeed = AnalysisRandom.DeriveSeed(model.Settings.MasterSeed, AnalysisStream.SyntheticData),
            Replicates = observedRuns,
            CommonRandomNumbers = false,
        };
        var folder = Path.Combine(Root, "data");
        var data = new BatchModel(settings).Run(Enumerable.Repeat(point, count).ToArray(),
            observed.Select(o => new MeasureAt(o.Observation.Measure, o.Step)).ToArray(), folder);
        Directory.Delete(folder, recursive: true);
        return data;
    }

    public ISimulatedMeasures RefitSimulator(int refit, IReadOnlyList<Observation> data)
    {
        var jobs = model.Settings.Jobs;
        var settings = model.Settings with
        {
            MasterSeed = AnalysisRandom.DeriveSeed(model.Settings.MasterSeed, AnalysisStream.Refits, refit),
            Jobs = Math.Max(1, jobs / Math.Clamp(_count, 1, jobs)),
        };
        var folder = Path.Combine(Root, "refit-" + refit.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var count = _count;
        var measures = new ModelMeasures(new BatchModel(settings), observed.Select((o, j) => o with { Observation = data[j] }).ToArray(), folder,
            progress is null ? null : p =>
            {
                lock (_lock)
                {
                    progress(p with { Refit = refit + 1, Refits = count });
                }
            });
        lock (_lock)
        {
            _refits.Add(measures);
        }
        return measures;
    }

    /// <summary>Deletes the refits' folders of per-call batches (empty once the bootstrap has finished).</summary>
    public void DeleteRuns()
    {
        foreach (var refit in _refits.ToArray())
        {
            refit.DeleteRuns();
        }
    }
}
