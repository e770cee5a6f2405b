using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MovementSim.Batch;

/// <summary>An input file of a result folder's scenario snapshot and its SHA-256.</summary>
public sealed record ManifestInput(string File, string Sha256);

/// <summary>A file of a result folder with its length and SHA-256, as when the manifest was written (see <see cref="FileDigest"/>).</summary>
/// <param name="File">Its path inside the folder, '/'-separated.</param>
public sealed record ManifestFile(string File, long Bytes, string Sha256)
{
    [JsonIgnore]
    public FileDigest Digest => new(Bytes, Sha256);
}

/// <summary>A shard a merged result folder was made from.</summary>
public sealed record MergedShard(string Folder, string Shard, string? CommandLine, string? Started, string? Finished);

/// <summary>
/// manifest.json: what produced a result folder. Written last by a batch (or a merge, or an analysis' closing batch);
/// its presence marks the folder complete. The one schema of the file: the batch writes it and the report reads it
/// through <see cref="ManifestJson"/>, so a key cannot be spelt two ways. Times are UTC, "yyyy-MM-ddTHH:mm:ssZ".
/// </summary>
/// <param name="MasterSeed">The batch's master seed; null when one run was given its own seed (<see cref="RunSeed"/>).</param>
/// <param name="Shard">"K/N" for a shard's folder, null for a whole batch.</param>
/// <param name="Jobs">Runs at once; null in a merged folder (each shard had its own). Written even when null: the reader
/// requires every constructor parameter, so a key left out made a merged folder's manifest unreadable.</param>
/// <param name="MergedFrom">The shards a merged folder was made from; null otherwise.</param>
/// <param name="Analysis">Entries an analysis (sensitivity, calibration) adds about itself, after the batch's own.</param>
public sealed record ResultManifest(
    string Program,
    string Version,
    string GitCommit,
    string Scenario,
    IReadOnlyList<ManifestInput> Inputs,
    int? MasterSeed,
    int? RunSeed,
    string DesignMethod,
    bool CommonRandomNumbers,
    IReadOnlyList<string> Swept,
    int DesignPoints,
    int Replicates,
    int Runs,
    int RunsFailed,
    string? Shard,
    string CommandLine,
    int? Jobs,
    int? ThreadsPerRun,
    string Started,
    string Finished,
    bool Resumed,
    bool Complete)
{
    public const string ProgramName = "movementsim";

    /// <summary>Keys of <see cref="Analysis"/> that the report reads: the measure a sensitivity analysis is about, and its year.</summary>
    public const string SensitivityMeasureKey = "sensitivity_measure";
    public const string AtYearKey = "at_year";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MergedShard>? MergedFrom { get; init; }

    /// <summary>
    /// Every file the batch (or merge) wrote into the folder before this manifest, with its length and SHA-256: what merge
    /// verifies a shard against. Null in manifests written before the list existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ManifestFile>? Files { get; init; }

    /// <summary>True when every run was run with its counterfactual (columns of <see cref="CounterfactualColumns"/>); null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Counterfactual { get; init; }

    /// <remarks>Settable rather than init-only: System.Text.Json's source generator binds init-only members like
    /// constructor parameters, which an extension-data member cannot be.</remarks>
    /// <exception cref="ArgumentException">An entry would replace one of the batch's own.</exception>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Analysis
    {
        get;
        set
        {
            var own = ManifestJson.Relaxed.ResultManifest.Properties.Where(p => !p.IsExtensionData).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (value?.Keys.FirstOrDefault(own.Contains) is { } clash)
            {
                throw new ArgumentException($"manifest entry '{clash}' is the batch's own and cannot be replaced");
            }
            field = value;
        }
    }

    public static ResultManifest Create(string scenario, IReadOnlyList<InputFile> inputs, Design design, Shard shard,
        string commandLine, int jobs, int threadsPerRun, DateTimeOffset started, DateTimeOffset finished, bool resumed, int runs, int failed) =>
        new(ProgramName, ProgramInfo.Version, ProgramInfo.GitCommit, scenario,
            inputs.Select(i => new ManifestInput(i.Name, i.Sha256)).ToArray(),
            design.RunSeed is null ? design.MasterSeed : null, design.RunSeed,
            Design.MethodName(design.Method), design.CommonRandomNumbers, design.Swept.Select(s => s.Name).ToArray(),
            design.Points.Count, design.Replicates, runs, failed, shard.IsWhole ? null : shard.ToString(),
            commandLine, jobs, threadsPerRun, Time(started), Time(finished), resumed, true);

    /// <summary>An analysis' entries as <see cref="Analysis"/> holds them, in their order.</summary>
    public static Dictionary<string, JsonElement>? AnalysisEntries(JsonObject? entries) =>
        entries?.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value, ManifestJson.Relaxed.JsonNode), StringComparer.Ordinal);

    /// <summary>The result files present in <paramref name="root"/> (<see cref="ResultFiles.Verified"/>, then the scenario snapshot's), described.</summary>
    public static IReadOnlyList<ManifestFile> FilesOf(string root)
    {
        var names = ResultFiles.Verified.Where(n => System.IO.File.Exists(Path.Combine(root, n))).ToList();
        var snapshot = Path.Combine(root, ResultFiles.ScenarioSnapshot);
        if (Directory.Exists(snapshot))
        {
            names.AddRange(Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal));
        }
        return names.Select(n =>
        {
            var digest = FileDigest.Of(Path.Combine(root, n));
            return new ManifestFile(n, digest.Bytes, digest.Sha256);
        }).ToArray();
    }

    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string ToText() => JsonSerializer.Serialize(this, ManifestJson.Relaxed.ResultManifest) + "\n";

    /// <exception cref="InvalidDataException">The file is not valid JSON, or not a manifest.</exception>
    public static ResultManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJson.Relaxed.ResultManifest)
                ?? throw new InvalidDataException($"{path} is not a manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is damaged: {e.Message}");
        }
    }
}

/// <summary>The source-generated serializer of <see cref="ResultManifest"/>: snake_case keys, indented, LF.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n",
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ResultManifest))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class ManifestJson : JsonSerializerContext
{
    /// <summary>The context with the encoder plan and manifest files share (no needless \uXXXX escapes).</summary>
    public static ManifestJson Relaxed { get; } = new(new JsonSerializerOptions(JsonText.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectRequiredConstructorParameters = true,
    });
}
