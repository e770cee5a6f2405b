using System.Globalization;
using System.Text.Json;

namespace MovementSim.Reporting;

/// <summary>
/// manifest.json of a result folder, read leniently: the report shows every top-level entry, and looks
/// up the few it needs under any of their usual spellings (e.g. <c>master_seed</c>, <c>masterSeed</c>).
/// </summary>
public sealed class Manifest
{
    private readonly Dictionary<string, JsonElement> _entries;

    private Manifest(Dictionary<string, JsonElement> entries, bool present)
    {
        _entries = entries;
        Present = present;
    }

    public static readonly Manifest Empty = new(new Dictionary<string, JsonElement>(), false);

    /// <summary>Whether manifest.json existed.</summary>
    public bool Present { get; }

    public static Manifest Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ResultFolderException(path, "is not a JSON object");
            }
            var entries = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                entries[p.Name] = p.Value.Clone();
            }
            return new Manifest(entries, true);
        }
        catch (JsonException e)
        {
            throw new ResultFolderException(path, $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>The value of the first key present (case and '_' insensitive), as text; for an object, its "name".</summary>
    public string? Text(params string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var (k, v) in _entries)
            {
                if (Normalise(k) == Normalise(key))
                {
                    var value = v.ValueKind == JsonValueKind.Object && v.TryGetProperty("name", out var name) ? name : v;
                    var text = Display(value);
                    if (text.Length > 0)
                    {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>Every entry as (key, text); nested objects are flattened as "key.sub", arrays of objects as
    /// "key[file].sub" (named by their "file", "name" or "parameter" member, else by position).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries()
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in _entries)
        {
            Flatten(k, v, list);
        }
        return list;
    }

    public string? ScenarioName => Text("scenario", "scenario_name", "name");

    public string? Version => Text("version", "program_version");

    public string? Commit => Text("git_commit", "commit");

    public string? MasterSeed => Text("master_seed", "seed");

    public string? CommandLine => Text("command_line", "command", "args");

    public string? Started => Text("start_time", "started", "started_at", "start");

    public string? Finished => Text("end_time", "finished", "ended", "finished_at", "end");

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

    private static string Normalise(string key) => key.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
