using System.Text.Json;
using System.Text.Json.Nodes;

namespace MovementSim.Batch;

/// <summary>
/// A batch's identity: everything that decides its output bytes (scenario inputs by SHA-256, the
/// effective parameters, the design, seeds, replicates, shard) and nothing that does not (--jobs,
/// times, the output path). Kept as <c>.plan.json</c> in the output folder.
/// </summary>
public static class BatchPlan
{
    public const string ShardKey = "shard";

    public static JsonObject Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new OutputFolderException($"{path} is not a batch plan");
        }
        catch (JsonException e)
        {
            throw new OutputFolderException($"{path} is damaged ({e.Message}): choose another --out");
        }
    }

    public static string ToText(JsonObject plan) =>
        plan.ToJsonString(JsonText.Options) + "\n";

    /// <summary>Keys whose values differ, as "key: old vs new", ignoring <paramref name="ignore"/>.</summary>
    public static IReadOnlyList<string> Differences(JsonObject a, JsonObject b, params string[] ignore)
    {
        var keys = a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)).Where(k => !ignore.Contains(k));
        var result = new List<string>();
        foreach (var key in keys)
        {
            var va = a[key]?.ToJsonString() ?? "null";
            var vb = b[key]?.ToJsonString() ?? "null";
            if (va != vb)
            {
                result.Add(va.Length + vb.Length <= 80 ? $"{key}: {va} vs {vb}" : $"{key} differs");
            }
        }
        return result;
    }

    public static JsonObject WithoutShard(JsonObject plan)
    {
        var copy = (JsonObject)plan.DeepClone();
        copy[ShardKey] = Shard.Whole.ToString();
        return copy;
    }
}
