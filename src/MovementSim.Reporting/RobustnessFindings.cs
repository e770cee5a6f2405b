using System.Text.Json;
using System.Text.Json.Nodes;
using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>An uncertain parameter of a robustness analysis: the range it was sampled over and where the range comes from.</summary>
public sealed record UncertainRange(string Parameter, string Range, string Source);

/// <summary>A parameter's partial rank correlation with the net benefit difference (a row of robustness-ranking.csv).</summary>
public sealed record RankedParameter(int Rank, string Parameter, double Prcc, double CiLow, double CiHigh, double PValue);

/// <summary>A sampled world (a row of robustness.csv): its parameters as run, its net benefit difference, and whether take-up won.</summary>
public sealed record SampledWorld(IReadOnlyDictionary<string, string> Parameters, double NetBenefitDifference, bool Wins);

/// <summary>
/// What a robustness analysis wrote (robustness.json, robustness.csv, robustness-ranking.csv), read back for the report:
/// the share of sampled worlds won with its interval, the flip region in words, the ranking and the worlds themselves.
/// </summary>
public sealed record RobustnessFindings(
    int Samples,
    int Replicates,
    double Year,
    int Won,
    double ShareWon,
    double ShareLow,
    double ShareHigh,
    double BaseDifference,
    string CaseOfInterest,
    string FlipRegion,
    bool FlipRegionFound,
    string? RankingNote,
    IReadOnlyList<string> RegionParameters,
    IReadOnlyList<UncertainRange> Uncertain,
    IReadOnlyList<RankedParameter> Ranking,
    IReadOnlyList<SampledWorld> Worlds)
{
    private static readonly string NetBenefitDifference = CounterfactualColumns.DifferenceOf(Core.MeasureSet.NetBenefit);

    /// <summary>The findings in a result folder, or null when it holds no robustness.json.</summary>
    /// <exception cref="ResultFolderException">A file is there but malformed.</exception>
    public static RobustnessFindings? Read(string root)
    {
        var summaryPath = Path.Combine(root, ResultFiles.RobustnessSummary);
        if (!File.Exists(summaryPath))
        {
            return null;
        }
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(summaryPath)) as JsonObject ?? throw new ResultFolderException(summaryPath, "is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ResultFolderException(summaryPath, $"is not valid JSON: {e.Message}", e);
        }
        try
        {
            var uncertain = (json["uncertain"] as JsonArray ?? [])
                .Select(u => new UncertainRange((string)u!["parameter"]!, (string?)u["range"] ?? "", (string?)u["source"] ?? "")).ToList();
            return new RobustnessFindings(
                (int)json["samples"]!, (int)json["replicates"]!, (double)json["year"]!, (int)json["won"]!,
                (double)json["share_won"]!, (double)json["share_won_low"]!, (double)json["share_won_high"]!,
                (double)json["base_difference"]!, (string)json["case_of_interest"]!, (string)json["flip_region"]!,
                (bool)json["flip_region_found"]!, (string?)json["ranking_note"],
                (json["restrictions"] as JsonArray ?? []).Select(r => (string)r!["parameter"]!).ToList(), uncertain,
                ReadRanking(Path.Combine(root, ResultFiles.RobustnessRanking)),
                ReadWorlds(Path.Combine(root, ResultFiles.Robustness), uncertain.Select(u => u.Parameter).ToList()));
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new ResultFolderException(summaryPath, $"lacks an entry the report needs or has one of the wrong kind ({e.Message})", e);
        }
    }

    private static List<RankedParameter> ReadRanking(string path)
    {
        var rows = new List<RankedParameter>();
        if (!File.Exists(path))
        {
            return rows;
        }
        using var csv = CsvFile.Open(path, "rank", "parameter", "prcc", "ci_low", "ci_high", "p_value");
        while (csv.Read())
        {
            rows.Add(new RankedParameter(csv.Integer("rank"), csv.Text("parameter"), csv.Number("prcc"), csv.Number("ci_low"), csv.Number("ci_high"), csv.Number("p_value")));
        }
        return rows;
    }

    private static List<SampledWorld> ReadWorlds(string path, IReadOnlyList<string> parameters)
    {
        var worlds = new List<SampledWorld>();
        if (!File.Exists(path))
        {
            return worlds;
        }
        using var csv = CsvFile.Open(path, [.. parameters, NetBenefitDifference, "wins"]);
        while (csv.Read())
        {
            worlds.Add(new SampledWorld(parameters.ToDictionary(p => p, csv.Text, StringComparer.Ordinal),
                csv.Number(NetBenefitDifference), csv.Text("wins") == "true"));
        }
        return worlds;
    }

    /// <summary>The parameters the scatter charts show: the top of the ranking, else those the flip region names (none when neither has any).</summary>
    public IReadOnlyList<string> TopParameters(int count) =>
        (Ranking.Count > 0 ? Ranking.OrderBy(r => r.Rank).Select(r => r.Parameter) : RegionParameters)
            .Where(p => Worlds.Count > 0 && Worlds[0].Parameters.ContainsKey(p)).Take(count).ToList();
}
