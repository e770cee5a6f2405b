using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Follows the <c>base</c> rows of parameters.csv from the folder loaded to the root of its chain, reading
/// each folder's parameters on the way, and checks that each folder holds only files it knows.
/// </summary>
internal static class BaseChain
{
    /// <summary>Fills the load's chain and the settings; false when the folder itself cannot be used.</summary>
    public static bool Resolve(ScenarioLoad load, ParameterSettings settings)
    {
        var given = load.Folder;
        if (Echo.FirstControl(given) is { } control)
        {
            load.Error(Echo.Value(given), 0, 0, $"the scenario folder's path has {Echo.Describe(control)}: rename the folder without control characters " +
                "(its name names the scenario in results, reports and Slurm scripts)");
            return false;
        }
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(given));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            load.Error(given, 0, 0, $"'{Echo.Value(given)}' is not a valid folder path: {e.Message}");
            return false;
        }
        if (!Directory.Exists(full))
        {
            load.Error(given, 0, 0, File.Exists(full)
                ? $"'{Echo.Value(given)}' is a file: expected a scenario folder"
                : $"scenario folder '{Echo.Value(given)}' does not exist");
            return false;
        }

        var chain = load.Chain;
        var folder = new ChainFolder(full, given, 0);
        var perFolder = new List<Dictionary<string, ParameterSetting?>>();
        while (true)
        {
            chain.Add(folder);
            CheckFolderFiles(load, folder);
            perFolder.Add(settings.Read(folder, out var baseRow));
            if (baseRow is not { } b)
            {
                break;
            }
            var file = folder.FileDisplay(ScenarioFormat.ParametersFile);
            if (Echo.FirstControl(b.Value) is { } inBase)
            {
                load.Error(file, b.Line, 2, $"base '{Echo.Value(b.Value)}' has {Echo.Describe(inBase)}: a base is a folder name, relative to this folder's parent");
                load.ChainBroken = true;
                break;
            }
            var baseFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(
                Path.Combine(Path.GetDirectoryName(folder.FullPath) ?? folder.FullPath, b.Value)));
            var baseDisplay = Path.IsPathRooted(given) ? baseFull : Path.GetRelativePath(Directory.GetCurrentDirectory(), baseFull);
            if (chain.FirstOrDefault(c => c.FullPath == baseFull) is { } seen)
            {
                var cycle = chain.Skip(chain.IndexOf(seen)).Select(c => c.DisplayPath).Append(seen.DisplayPath);
                load.Error(file, b.Line, 2, $"base '{Echo.Value(b.Value)}' makes a cycle of bases: {string.Join(" -> ", cycle)}");
                load.ChainBroken = true;
                break;
            }
            if (!Directory.Exists(baseFull))
            {
                load.Error(file, b.Line, 2, $"base folder '{Echo.Value(b.Value)}' does not exist (looked for {baseDisplay}; "
                    + "a base is found relative to the parent of the folder that names it)");
                load.ChainBroken = true;
                break;
            }
            folder = new ChainFolder(baseFull, baseDisplay, folder.Depth + 1);
        }

        // Bases first, so that each variant's rows replace its base's.
        for (var depth = perFolder.Count - 1; depth >= 0; depth--)
        {
            settings.Apply(perFolder[depth]);
        }
        return true;
    }

    /// <summary>Every .csv file of a folder must be a scenario file or one another tool owns.</summary>
    private static void CheckFolderFiles(ScenarioLoad load, ChainFolder folder)
    {
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFiles(folder.FullPath).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            load.Error(folder.DisplayPath, 0, 0, $"cannot list the folder: {e.Message}");
            return;
        }
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || ScenarioFormat.KnownCsvFiles.Contains(name))
            {
                continue;
            }
            var near = NameSuggester.Nearest(name, ScenarioFormat.KnownCsvFiles);
            load.Error(folder.FileDisplay(Echo.Value(name)), 0, 0, $"unknown scenario file '{Echo.Value(name)}'"
                + (near is null ? "" : $"; did you mean '{near}'?")
                + $" A scenario folder holds {string.Join(", ", ScenarioFormat.Documented.Select(f => f.Name))}"
                + $" (and {string.Join(", ", ScenarioFormat.OtherToolsFiles)}, which other tools read).");
        }
    }
}
