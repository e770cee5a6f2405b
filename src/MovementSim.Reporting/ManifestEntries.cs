using System.Globalization;
using System.Text.Json;
using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>Every entry of a <see cref="ResultManifest"/> as the report's table shows it, keys as the file spells them.</summary>
public static class ManifestEntries
{
    /// <summary>Every entry as (key, text); nested objects are flattened as "key.sub", arrays of objects as
    /// "key[file].sub" (named by their "file", "name" or "parameter" member, else by position).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(ResultManifest manifest)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var p in JsonSerializer.SerializeToElement(manifest, ManifestJson.Relaxed.ResultManifest).EnumerateObject())
        {
            Flatten(p.Name, p.Value, list);
        }
        return list;
    }

    /// <summary>An entry an analysis added, as text; null when absent.</summary>
    public static string? Analysis(ResultManifest? manifest, string key) =>
        manifest?.Analysis?.TryGetValue(key, out var value) == true ? Display(value) : null;

    private static void Flatten(string key, JsonElement v, List<KeyValuePair<string, string>> into)
    {
        if (v.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in v.EnumerateObject())
            {
                Flatten(key + "." + p.Name, p.Value, into);
            }
            return;
        }
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
        {
            var i = 0;
            foreach (var e in v.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    into.Add(new($"{key}[{i++}]", Display(e)));
                    continue;
                }
                string? nameKey = null;
                var label = i.ToString(CultureInfo.InvariantCulture);
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name is "file" or "name" or "parameter" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        nameKey = p.Name;
                        label = p.Value.GetString()!;
                        break;
                    }
                }
                foreach (var p in e.EnumerateObject().Where(p => p.Name != nameKey))
                {
                    Flatten($"{key}[{label}].{p.Name}", p.Value, into);
                }
                i++;
            }
            return;
        }
        into.Add(new(key, Display(v)));
    }

    private static string Display(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Number => v.TryGetInt64(out var i)
            ? i.ToString(CultureInfo.InvariantCulture)
            : v.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Array => string.Join(" ", v.EnumerateArray().Select(Display)),
        _ => v.GetRawText(),
    };
}
