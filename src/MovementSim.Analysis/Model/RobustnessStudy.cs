using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MovementSim.Analysis.Robustness;
using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Analysis.Model;

/// <summary>A robustness analysis as the robustness command asks for it, validated.</summary>
public sealed record RobustnessSettings
{
    /// <summary>The scenario (with --set), replicates, master seed and batch settings; its <see cref="BatchModelSettings.Parameters"/> are not used.</summary>
    public required BatchModelSettings Model { get; init; }

    /// <summary>The sampled worlds.</summary>
    public required RobustnessDesign Design { get; init; }

    /// <summary>The step the differences are read at (the last, or the one nearest --at-year).</summary>
    public required int Step { get; init; }

    /// <summary>The year asked for (for the manifest and the report).</summary>
    public required double Year { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Files hashed into the plan and manifest besides the scenario's (the scenario's ranges.csv, --ranges).</summary>
    public IReadOnlyList<InputSource> ExtraInputs { get; init; } = [];

    /// <summary>A shard K/N runs only its runs of the sampled worlds, into <see cref="OutputDirectory"/>, as <c>batch --shard</c> does.</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    public PrimOptions Prim { get; init; } = new();

    /// <summary>Progress of the batch of sampled worlds.</summary>
    public IBatchProgress? Progress { get; init; }
}

/// <summary>What the analysis found: the share of sampled worlds won, the region where the answer flips, the ranking.</summary>
/// <param name="Won">Sampled worlds where take-up's net benefit beats its counterfactual's (replicate mean of the paired difference above 0).</param>
/// <param name="BaseDifference">The paired net benefit difference of the scenario as given (replicate mean).</param>
/// <param name="CaseOfInterest">What flips the scenario's own answer, as a phrase: "institutional take-up does not help" when it helps, else "institutional take-up helps".</param>
/// <param name="Region">PRIM's region where the case of interest concentrates.</param>
/// <param name="RegionSentence">The region in words (<see cref="BoxDescription.Describe"/>).</param>
/// <param name="Ranking">Parameters by partial rank correlation with the net benefit difference; null with <see cref="RankingNote"/> saying why.</param>
public sealed record RobustnessResult(ShareEstimate Won, double BaseDifference, string CaseOfInterest, PrimResult Region, string RegionSentence,
    IReadOnlyList<PrccRow>? Ranking, string? RankingNote);

/// <summary>How a robustness analysis ended; <see cref="Result"/> is null for a shard or a folder that already held it finished.</summary>
public sealed record RobustnessOutcome(string OutputDirectory, RobustnessResult? Result, bool WasAlreadyComplete, BatchOutcome? Shard = null);

/// <summary>
/// How robust is the answer? Samples worlds over the uncertain parameters' plausible ranges (<see cref="RobustnessDesign"/>),
/// runs each, paired by seed with its counterfactual, through the batch engine, and asks in how many take-up wins on net
/// benefit (with a Clopper-Pearson interval), in which region of the parameters the scenario's answer flips (PRIM) and
/// which parameters move the difference most (PRCC). The result folder holds <c>runs/</c> (the batch of the scenario as
/// given, design point 0, then the sampled worlds, each run with its counterfactual), <c>robustness.csv</c>,
/// <c>robustness-ranking.csv</c>, <c>robustness.json</c> and, last, a batch of the scenario as given, run with its
/// counterfactual, with manifest.json. Resumable like a batch; a shard runs its share of <c>runs/</c> alone, and the
/// analysis merges the shards it finds in <c>shards/</c>.
/// </summary>
public static class RobustnessStudy
{
    public const string RunsFolder = "runs";

    /// <summary>Where the shards of runs/ are looked for (and where --slurm puts them).</summary>
    public const string ShardsFolder = SlurmScripts.ShardsFolder;

    /// <summary>The measure whose sign decides who wins: the paired difference in net benefit.</summary>
    public static readonly string Outcome = CounterfactualColumns.DifferenceOf(MeasureSet.NetBenefit);

    public const string HelpsPhrase = "institutional take-up helps";
    public const string DoesNotHelpPhrase = "institutional take-up does not help";

    /// <summary>Runs of the whole analysis, each with its counterfactual: the scenario as given and every sampled world, then the closing batch.</summary>
    public static long RunCount(int samples, int replicates) => (samples + 2L) * replicates;

    /// <summary>The batch of runs/: design point 0 is the scenario as given, 1..n the sampled worlds; replicate r of every point has the same seed.</summary>
    public static BatchRequest RunsRequest(RobustnessSettings s, string folder)
    {
        var model = new BatchModel(s.Model with { Parameters = [] });
        var points = new List<double[]> { s.Design.BasePoint(s.Model.Scenario.Parameters) };
        points.AddRange(s.Design.Samples);
        var design = Design.Explicit(s.Design.Parameters.Select(p => p.Spec).ToArray(), points, s.Model.Replicates, s.Model.MasterSeed, commonRandomNumbers: true);
        return model.RequestFor(design, folder) with { Counterfactual = true, Shard = s.Shard };
    }

    public static JsonObject PlanOf(RobustnessSettings s) =>
        AnalysisFolder.Plan("robustness", s.Model, Inputs(s), Settings(s));

    private static IReadOnlyList<InputSource> Inputs(RobustnessSettings s) => s.Model.Inputs.Concat(s.ExtraInputs).ToArray();

    public static RobustnessOutcome Run(RobustnessSettings s)
    {
        if (!s.Shard.IsWhole)
        {
            var shard = BatchRunner.Run(RunsRequest(s, s.OutputDirectory), s.Progress);
            return new RobustnessOutcome(shard.OutputDirectory, null, shard.WasAlreadyComplete, shard);
        }
        using var folder = OutputFolder.Open(s.OutputDirectory, PlanOf(s), tolerated: [SlurmScripts.Folder, ShardsFolder]);
        if (AnalysisFolder.IsComplete(folder))
        {
            return new RobustnessOutcome(folder.Root, null, true);
        }

        var runs = folder.PathOf(RunsFolder);
        MergeShards(folder, runs, s.Model.CommandLine);
        var outcome = BatchRunner.Run(RunsRequest(s, runs), s.Progress);
        if (!outcome.AllSucceeded)
        {
            throw new RunsFailedException(outcome.OutputDirectory, outcome.RunsFailed, outcome.RunsTotal);
        }
        var targets = CounterfactualColumns.Compared.Select(m => new MeasureAt(CounterfactualColumns.DifferenceOf(m), s.Step)).ToArray();
        var means = ReplicateMeans.Read(outcome.OutputDirectory, s.Design.Samples.Count + 1, s.Model.Replicates, targets, s.Model.Scenario.Parameters.Steps);
        var outcomeColumn = Array.IndexOf(CounterfactualColumns.Compared.ToArray(), MeasureSet.NetBenefit);
        var result = Analyse(s.Design, means[0][outcomeColumn], means.Skip(1).Select(m => m[outcomeColumn]).ToArray(), s.Prim);

        WriteSamples(folder.PathOf(ResultFiles.Robustness), s.Design, means.Skip(1).ToArray());
        WriteRanking(folder.PathOf(ResultFiles.RobustnessRanking), result.Ranking);
        AtomicFile.WriteAllText(folder.PathOf(ResultFiles.RobustnessSummary), Summary(s, result).ToJsonString(Json) + "\n");

        var closing = new BatchModel(s.Model with { Parameters = [] });
        AnalysisFolder.RunClosingBatch(folder, closing, [], Inputs(s), ManifestEntries(s, result), counterfactual: true);
        return new RobustnessOutcome(folder.Root, result, false);
    }

    /// <summary>
    /// Share won, flip region and ranking from the sampled worlds' net benefit differences. The case of interest is the
    /// answer opposite to the scenario's own: where the scenario as given gains net benefit, the worlds where take-up
    /// does not (difference at most 0); where it does not, the worlds where take-up gains.
    /// </summary>
    public static RobustnessResult Analyse(RobustnessDesign design, double baseDifference, IReadOnlyList<double> differences, PrimOptions? prim = null)
    {
        var wins = differences.Select(d => d > 0).ToArray();
        var won = ClopperPearson.Interval(wins.Count(w => w), wins.Length);
        var helps = baseDifference > 0;
        var phrase = helps ? DoesNotHelpPhrase : HelpsPhrase;
        var matrix = design.Matrix();
        var region = Prim.Find(matrix, wins.Select(w => w != helps).ToArray(), prim);
        IReadOnlyList<PrccRow>? ranking = null;
        string? note = null;
        if (matrix.RowCount < matrix.ColumnCount + 3)
        {
            note = $"{matrix.RowCount} sampled worlds are too few to rank {matrix.ColumnCount} parameters by partial rank correlation: at least {matrix.ColumnCount + 3} are needed";
        }
        else
        {
            try
            {
                ranking = PartialRankCorrelation.Rank(matrix, differences);
            }
            catch (ArgumentException e)
            {
                // A difference that never varies, or collinear ranks: the report says why there is no ranking.
                note = e.Message.Split(" (Parameter ")[0];
            }
        }
        return new RobustnessResult(won, baseDifference, phrase, region, BoxDescription.Describe(region, phrase), ranking, note);
    }

    /// <summary>Merges the shards in shards/ into runs/ when runs/ is not finished and every shard is there.</summary>
    private static void MergeShards(OutputFolder folder, string runs, string commandLine)
    {
        var shards = folder.PathOf(ShardsFolder);
        if (File.Exists(Path.Combine(runs, ResultFiles.Manifest)) || !Directory.Exists(shards))
        {
            return;
        }
        var parts = Directory.GetDirectories(shards).Order(StringComparer.Ordinal).ToArray();
        if (parts.Length == 0)
        {
            return;
        }
        try
        {
            ResultMerger.Merge(parts, runs, commandLine);
        }
        catch (MergeException e)
        {
            throw new InvalidOperationException($"the shards in {shards} cannot be merged into {runs}: {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>robustness.csv: sample, each parameter as run, then each compared measure's difference (replicate mean), then wins.</summary>
    private static void WriteSamples(string path, RobustnessDesign design, IReadOnlyList<double[]> means) =>
        AnalysisFolder.WriteCsv(path,
            new[] { "sample" }.Concat(design.Parameters.Select(p => p.Name)).Concat(CounterfactualColumns.Compared.Select(CounterfactualColumns.DifferenceOf)).Append("wins"),
            Enumerable.Range(0, design.Samples.Count),
            (w, i) =>
            {
                w.WriteField(i);
                for (var j = 0; j < design.Parameters.Count; j++)
                {
                    w.WriteField(design.Parameters[j].Spec.Format(design.Samples[i][j]));
                }
                foreach (var v in means[i])
                {
                    w.WriteField(v);
                }
                w.WriteField(AnalysisFolder.Flag(means[i][Array.IndexOf(CounterfactualColumns.Compared.ToArray(), MeasureSet.NetBenefit)] > 0));
            });

    /// <summary>robustness-ranking.csv: rank, parameter, prcc, ci_low, ci_high, p_value (a header only when there is no ranking).</summary>
    private static void WriteRanking(string path, IReadOnlyList<PrccRow>? ranking) =>
        AnalysisFolder.WriteCsv(path, ["rank", "parameter", "prcc", "ci_low", "ci_high", "p_value"], ranking ?? [],
            (w, r) =>
            {
                w.WriteField(r.Rank);
                w.WriteField(r.Parameter);
                w.WriteField(r.Value);
                w.WriteField(r.CiLow);
                w.WriteField(r.CiHigh);
                w.WriteField(r.PValue);
            });

    private static JsonObject Settings(RobustnessSettings s) => new()
    {
        ["samples"] = s.Design.Samples.Count,
        ["measure"] = Outcome,
        ["step"] = s.Step,
        ["uncertain"] = Uncertain(s.Design),
        ["prim"] = new JsonObject
        {
            ["peel_alpha"] = s.Prim.PeelAlpha,
            ["paste_alpha"] = s.Prim.PasteAlpha,
            ["mass_min"] = s.Prim.MassMin,
            ["density_threshold"] = s.Prim.DensityThreshold,
            ["significance"] = s.Prim.Significance,
        },
    };

    private static JsonArray Uncertain(RobustnessDesign design) =>
        new(design.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["parameter"] = p.Name,
            ["range"] = p.RangeText,
            ["min"] = p.Min,
            ["max"] = p.Max,
            ["source"] = p.Source,
        }).ToArray());

    /// <summary>robustness.json: what the report shows, every number computed here.</summary>
    private static JsonObject Summary(RobustnessSettings s, RobustnessResult r)
    {
        var box = r.Region.Box;
        return new JsonObject
        {
            ["format"] = 1,
            ["scenario"] = s.Model.Scenario.Name,
            ["measure"] = Outcome,
            ["year"] = s.Year,
            ["step"] = s.Step,
            ["samples"] = s.Design.Samples.Count,
            ["replicates"] = s.Model.Replicates,
            ["won"] = r.Won.Count,
            ["share_won"] = r.Won.Share,
            ["share_won_low"] = r.Won.Low,
            ["share_won_high"] = r.Won.High,
            ["confidence"] = r.Won.Confidence,
            ["base_difference"] = r.BaseDifference,
            ["case_of_interest"] = r.CaseOfInterest,
            ["cases"] = box.TotalCasesOfInterest,
            ["flip_region"] = r.RegionSentence,
            ["flip_region_found"] = FoundRegion(r.Region),
            ["coverage"] = box.Coverage,
            ["density"] = box.Density,
            ["mass"] = box.Mass,
            ["worlds_in_region"] = box.Count,
            ["restrictions"] = new JsonArray(box.Restrictions.Select(Restriction).ToArray()),
            ["ranking_note"] = r.RankingNote,
            ["uncertain"] = Uncertain(s.Design),
        };
    }

    /// <summary>Whether PRIM found a region where the answer flips: a box that restricts something and is dense enough.</summary>
    public static bool FoundRegion(PrimResult region) =>
        region.MeetsDensityThreshold && region.Box.Restrictions.Count > 0 && region.Box.TotalCasesOfInterest > 0
        && region.Box.Density >= region.Options.DensityThreshold;

    private static JsonNode Restriction(BoxRestriction restriction) => restriction switch
    {
        RangeRestriction range => new JsonObject { ["parameter"] = range.Parameter, ["lower"] = range.Lower, ["upper"] = range.Upper },
        LevelRestriction levels => new JsonObject { ["parameter"] = levels.Parameter, ["levels"] = new JsonArray(levels.Levels.Select(l => (JsonNode)l).ToArray()) },
        _ => throw new ArgumentException($"unknown restriction {restriction.GetType().Name}", nameof(restriction)),
    };

    private static JsonObject ManifestEntries(RobustnessSettings s, RobustnessResult r) => new()
    {
        ["analysis"] = "robustness",
        ["robustness_measure"] = Outcome,
        [ResultManifest.AtYearKey] = s.Year,
        ["at_step"] = s.Step,
        ["samples"] = s.Design.Samples.Count,
        ["share_won"] = r.Won.Share,
        ["share_won_interval"] = $"{F(r.Won.Low)} to {F(r.Won.High)} (Clopper-Pearson, {F(r.Won.Confidence)})",
        ["flip_region"] = r.RegionSentence,
        ["analysis_runs"] = (long)(s.Design.Samples.Count + 1) * s.Model.Replicates,
        ["runs_folder"] = RunsFolder,
        ["baseline"] = "the batch in this folder runs the scenario as given (with --set), each run with its counterfactual",
    };
}
