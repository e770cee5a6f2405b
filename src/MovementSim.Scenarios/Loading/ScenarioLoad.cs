using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// The state one <see cref="ScenarioLoader.Load"/> call shares between the file loaders: the folder chain,
/// the files used and the errors found so far.
/// </summary>
internal sealed class ScenarioLoad
{
    public ScenarioLoad(string folder) => Folder = folder;

    /// <summary>The folder as the user gave it.</summary>
    public string Folder { get; }

    public List<ScenarioError> Errors { get; } = [];

    public List<ScenarioSourceFile> Files { get; } = [];

    /// <summary>The folder loaded, then its base, then the base's base.</summary>
    public List<ChainFolder> Chain { get; } = [];

    /// <summary>A base could not be followed: files it might have held are not reported missing on top.</summary>
    public bool ChainBroken { get; set; }

    public string ScenarioName => Path.GetFileName(Path.TrimEndingDirectorySeparator(Chain[0].FullPath));

    public void Error(string file, int line, int column, string message) =>
        Errors.Add(new ScenarioError(file, line, column, message));

    /// <summary>Opens a data file from the nearest folder of the chain that has it; null when absent or unreadable.</summary>
    public TableReader? Open(FileFormat format)
    {
        var folder = Chain.FirstOrDefault(c => c.Has(format.Name));
        if (folder is null)
        {
            if (format.Required && !ChainBroken)
            {
                var where = Chain.Count == 1
                    ? $"'{Chain[0].DisplayPath}' has no {format.Name}"
                    : $"neither '{Chain[0].DisplayPath}' nor its bases ({string.Join(", ", Chain.Skip(1).Select(c => c.DisplayPath))}) have one";
                Error(Chain[0].FileDisplay(format.Name), 0, 0, $"missing required file {format.Name}: {where}");
            }
            return null;
        }
        var table = Read(folder, format);
        return table is null ? null : new TableReader(table, format, Errors);
    }

    /// <summary>Reads a file of <paramref name="folder"/> and records it as used.</summary>
    public CsvTable? Read(ChainFolder folder, FileFormat format)
    {
        var display = folder.FileDisplay(format.Name);
        var full = folder.FileFull(format.Name);
        Files.Add(new ScenarioSourceFile(format.Name, full, display, folder.Depth));
        return CsvTable.Read(full, display, Errors, format.HeaderShape);
    }

    public ScenarioLoadResult Result(ScenarioDefinition? scenario, ParameterSettings settings, IReadOnlyList<ObservedRow>? observed = null)
    {
        var order = ScenarioFormat.Documented.Select(f => f.Name).ToList();
        var files = Files.OrderBy(f => f.Depth).ThenBy(f => order.IndexOf(f.Name)).ToArray();
        return new ScenarioLoadResult(scenario, Errors.ToArray(), files, settings.InEffect(), Chain.Select(c => c.FullPath).ToArray(),
            scenario is null ? [] : observed ?? []);
    }
}
