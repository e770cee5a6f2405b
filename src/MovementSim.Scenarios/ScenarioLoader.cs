using System.Text.RegularExpressions;
using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Loads a scenario folder (with its chain of bases) into a <see cref="ScenarioDefinition"/>. Everything is
/// validated before anything is returned, and every problem is collected, each with file, line and column.
/// </summary>
public static class ScenarioLoader
{
    /// <param name="folder">The scenario folder, as the user gave it (error messages use this path).</param>
    /// <param name="overrides">Parameter values from --set name=value, applied after every parameters.csv.</param>
    public static ScenarioLoadResult Load(string folder, IReadOnlyList<(string Name, string Value)>? overrides = null) =>
        new ScenarioLoad(folder, overrides ?? []).Run();
}

/// <summary>One folder of a base chain: depth 0 is the folder loaded, depth 1 its base, and so on.</summary>
internal sealed record ChainFolder(string FullPath, string DisplayPath, int Depth)
{
    public string FileDisplay(string name) => Path.Join(DisplayPath, name);

    public string FileFull(string name) => Path.Join(FullPath, name);
}

/// <summary>The state of one <see cref="ScenarioLoader.Load"/> call.</summary>
internal sealed class ScenarioLoad
{
    private const string HorizonNote = "start_year, steps and dt_years after the base chain and --set";

    private readonly string _folder;
    private readonly IReadOnlyList<(string Name, string Value)> _overrides;
    private readonly List<ScenarioError> _errors = [];
    private readonly List<ScenarioSourceFile> _files = [];
    private readonly List<ChainFolder> _chain = [];

    /// <summary>Parameter values in effect, by name; null marks a value that was set but is not valid.</summary>
    private readonly Dictionary<string, (ParameterSetting? Setting, int Order)> _settings = new(StringComparer.Ordinal);
    private int _settingOrder;

    /// <summary>A base could not be followed: files it might have held are not reported missing on top.</summary>
    private bool _chainBroken;

    public ScenarioLoad(string folder, IReadOnlyList<(string Name, string Value)> overrides)
    {
        _folder = folder;
        _overrides = overrides;
    }

    public ScenarioLoadResult Run()
    {
        if (!ResolveChain())
        {
            return Result(null);
        }
        ApplyOverrides();
        var parameters = new ModelParameters();
        foreach (var (setting, _) in _settings.Values)
        {
            if (setting is not null)
            {
                parameters = setting.Spec.Set(parameters, setting.Value);
            }
        }
        CrossCheck(parameters);

        var organisations = LoadOrganisations(out var organisationNames);
        var archetypes = LoadActors(organisationNames);
        var components = LoadComponents();
        var events = LoadEvents(organisationNames, parameters);

        var top = _chain[0];
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(top.FullPath));
        return Result(_errors.Count == 0
            ? new ScenarioDefinition(name, parameters, organisations, archetypes, components, events)
            : null);
    }

    private ScenarioLoadResult Result(ScenarioDefinition? scenario)
    {
        var order = ScenarioFormat.Files.Select(f => f.Name).ToList();
        var files = _files.OrderBy(f => f.Depth).ThenBy(f => order.IndexOf(f.Name)).ToArray();
        var settings = ParameterCatalog.All
            .Select(s => _settings.TryGetValue(s.Name, out var v) ? v.Setting : null)
            .OfType<ParameterSetting>()
            .ToArray();
        return new ScenarioLoadResult(scenario, _errors.ToArray(), files, settings, _chain.Select(c => c.FullPath).ToArray());
    }

    private void Error(string file, int line, int column, string message) =>
        _errors.Add(new ScenarioError(file, line, column, message));

    // ---- Folders and bases ----

    /// <summary>Follows base rows from the folder given; false when the folder itself cannot be used.</summary>
    private bool ResolveChain()
    {
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_folder));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Error(_folder, 0, 0, $"'{_folder}' is not a valid folder path: {e.Message}");
            return false;
        }
        if (!Directory.Exists(full))
        {
            Error(_folder, 0, 0, File.Exists(full)
                ? $"'{_folder}' is a file: expected a scenario folder"
                : $"scenario folder '{_folder}' does not exist");
            return false;
        }

        var folder = new ChainFolder(full, _folder, 0);
        var perFolder = new List<Dictionary<string, ParameterSetting?>>();
        while (true)
        {
            _chain.Add(folder);
            CheckFolderFiles(folder);
            var settings = ReadParameters(folder, out var baseRow);
            perFolder.Add(settings);
            if (baseRow is not { } b)
            {
                break;
            }
            var baseFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(
                Path.Combine(Path.GetDirectoryName(folder.FullPath) ?? folder.FullPath, b.Value)));
            var baseDisplay = Path.IsPathRooted(_folder) ? baseFull : Path.GetRelativePath(Directory.GetCurrentDirectory(), baseFull);
            var file = folder.FileDisplay(ScenarioFormat.ParametersFile);
            if (_chain.FirstOrDefault(c => c.FullPath == baseFull) is { } seen)
            {
                var cycle = _chain.Skip(_chain.IndexOf(seen)).Select(c => c.DisplayPath).Append(seen.DisplayPath);
                Error(file, b.Line, 2, $"base '{b.Value}' makes a cycle of bases: {string.Join(" -> ", cycle)}");
                _chainBroken = true;
                break;
            }
            if (!Directory.Exists(baseFull))
            {
                Error(file, b.Line, 2, $"base folder '{b.Value}' does not exist (looked for {baseDisplay}; "
                    + "a base is found relative to the parent of the folder that names it)");
                _chainBroken = true;
                break;
            }
            folder = new ChainFolder(baseFull, baseDisplay, folder.Depth + 1);
        }

        // Bases first, so that each variant's rows replace its base's.
        for (var depth = perFolder.Count - 1; depth >= 0; depth--)
        {
            foreach (var (name, setting) in perFolder[depth])
            {
                _settings[name] = (setting, _settingOrder++);
            }
        }
        return true;
    }

    /// <summary>Every .csv file of a folder must be a scenario file or one another tool owns.</summary>
    private void CheckFolderFiles(ChainFolder folder)
    {
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFiles(folder.FullPath).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error(folder.DisplayPath, 0, 0, $"cannot list the folder: {e.Message}");
            return;
        }
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || ScenarioFormat.KnownCsvFiles.Contains(name))
            {
                continue;
            }
            var near = NameSuggester.Nearest(name, ScenarioFormat.KnownCsvFiles);
            Error(folder.FileDisplay(name), 0, 0, $"unknown scenario file '{name}'"
                + (near is null ? "" : $"; did you mean '{near}'?")
                + $" A scenario folder holds {string.Join(", ", ScenarioFormat.Files.Select(f => f.Name))}"
                + $" (and {string.Join(", ", ScenarioFormat.OtherToolsFiles)}, which other tools read).");
        }
    }

    private readonly record struct BaseRow(string Value, int Line);

    /// <summary>Reads one parameters.csv: the values it sets (null for invalid ones) and its base row.</summary>
    private Dictionary<string, ParameterSetting?> ReadParameters(ChainFolder folder, out BaseRow? baseRow)
    {
        baseRow = null;
        var settings = new Dictionary<string, ParameterSetting?>(StringComparer.Ordinal);
        var full = folder.FileFull(ScenarioFormat.ParametersFile);
        if (!File.Exists(full))
        {
            return settings;
        }
        var display = folder.FileDisplay(ScenarioFormat.ParametersFile);
        _files.Add(new ScenarioSourceFile(ScenarioFormat.ParametersFile, full, display, folder.Depth));
        var table = CsvTable.Read(full, display, _errors);
        if (table is null)
        {
            return settings;
        }
        var reader = new TableReader(table, ScenarioFormat.Parameters, _errors);
        var nameColumn = ScenarioFormat.Parameters["parameter"];
        var valueColumn = ScenarioFormat.Parameters["value"];
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in reader.Rows)
        {
            if (!row.Complete || !row.Reference(nameColumn, out var name))
            {
                continue;
            }
            var text = row.Raw(valueColumn);
            if (firstLine.TryGetValue(name, out var first))
            {
                row.Error(nameColumn, $"parameter '{name}' is set twice in this file (first on line {first})");
                continue;
            }
            firstLine[name] = row.Line;
            if (name == ScenarioFormat.BaseRow)
            {
                if (text.Length == 0)
                {
                    row.Error(valueColumn, "base is empty: expected the folder of the base scenario, relative to this folder's parent");
                    _chainBroken = true;
                }
                else
                {
                    baseRow = new BaseRow(text, row.Line);
                }
                continue;
            }
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                row.Error(nameColumn, UnknownParameter(name));
                continue;
            }
            settings[spec.Name] = ParseSetting(spec, text, display, row.Line, row.ColumnOf(valueColumn), out var error);
            if (error is not null)
            {
                row.Error(valueColumn, error);
            }
        }
        return settings;
    }

    private static string UnknownParameter(string name)
    {
        var near = ParameterCatalog.Nearest(name);
        return near is null
            ? $"unknown parameter '{name}': see scenarios/README.md or 'movementsim describe' for the parameters"
            : $"unknown parameter '{name}'; did you mean '{near}'?";
    }

    /// <summary>Parses a parameter's value with its spec's range; null with an error when it is not valid.</summary>
    private static ParameterSetting? ParseSetting(ParameterSpec spec, string text, string source, int line, int column, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = $"{spec.Name} is empty: it must be {spec.RangeText}";
            return null;
        }
        if (spec.Kind != ParameterKind.Choice && !StrictNumber.TryParse(text, out _))
        {
            error = $"'{text}' is not a number{PlainNumber.WhyNot(text)}: {spec.Name} must be {spec.RangeText}";
            return null;
        }
        if (!spec.TryParse(text, out var value, out var message))
        {
            var near = spec.Kind == ParameterKind.Choice ? NameSuggester.Nearest(text, spec.Choices!) : null;
            error = message + (near is null ? "" : $" (did you mean '{near}'?)");
            return null;
        }
        return new ParameterSetting(spec, text, value, source, line, column);
    }

    private void ApplyOverrides()
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _overrides.Count; i++)
        {
            var column = i + 1;
            var name = _overrides[i].Name.Trim();
            var text = _overrides[i].Value.Trim();
            const string file = ScenarioError.OverrideSource;
            if (name.Length == 0)
            {
                Error(file, 0, column, $"--set needs name=value: the parameter name is empty (value '{text}')");
                continue;
            }
            if (name == ScenarioFormat.BaseRow)
            {
                Error(file, 0, column, "base cannot be set with --set: name the base in the scenario's parameters.csv");
                continue;
            }
            if (first.TryGetValue(name, out var earlier))
            {
                Error(file, 0, column, $"parameter '{name}' is set twice with --set (first in --set number {earlier})");
                continue;
            }
            first[name] = column;
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                Error(file, 0, column, UnknownParameter(name));
                continue;
            }
            _settings[spec.Name] = (ParseSetting(spec, text, file, 0, column, out var error), _settingOrder++);
            if (error is not null)
            {
                Error(file, 0, column, error);
            }
        }
    }

    /// <summary>
    /// Reports each failed cross-check at the row that set the last-set parameter it names. A check that
    /// names a parameter whose value was not valid is skipped: it would be about a value nobody wrote.
    /// </summary>
    private void CrossCheck(ModelParameters parameters)
    {
        foreach (var message in ParameterCatalog.CrossChecks(parameters))
        {
            var named = ParameterCatalog.All
                .Where(s => Regex.IsMatch(message, $@"(?<![A-Za-z0-9_]){Regex.Escape(s.Name)}(?![A-Za-z0-9_])"))
                .Select(s => s.Name)
                .ToArray();
            if (named.Any(n => _settings.TryGetValue(n, out var v) && v.Setting is null))
            {
                continue;
            }
            var where = named
                .Where(_settings.ContainsKey)
                .Select(n => _settings[n])
                .OrderByDescending(v => v.Order)
                .Select(v => v.Setting)
                .FirstOrDefault();
            if (where is null)
            {
                Error(_chain[0].FileDisplay(ScenarioFormat.ParametersFile), 0, 0, message);
            }
            else
            {
                Error(where.Source, where.Line, where.Column, message);
            }
        }
    }

    private bool HorizonKnown =>
        new[] { "start_year", "steps", "dt_years" }.All(n => !_settings.TryGetValue(n, out var v) || v.Setting is not null);

    // ---- Data files ----

    /// <summary>Opens a data file from the nearest folder of the chain that has it; null when absent or unreadable.</summary>
    private TableReader? Open(FileFormat format)
    {
        var folder = _chain.FirstOrDefault(c => File.Exists(c.FileFull(format.Name)));
        if (folder is null)
        {
            if (format.Required && !_chainBroken)
            {
                var where = _chain.Count == 1
                    ? $"'{_chain[0].DisplayPath}' has no {format.Name}"
                    : $"neither '{_chain[0].DisplayPath}' nor its bases ({string.Join(", ", _chain.Skip(1).Select(c => c.DisplayPath))}) have one";
                Error(_chain[0].FileDisplay(format.Name), 0, 0, $"missing required file {format.Name}: {where}");
            }
            return null;
        }
        var display = folder.FileDisplay(format.Name);
        var full = folder.FileFull(format.Name);
        _files.Add(new ScenarioSourceFile(format.Name, full, display, folder.Depth));
        var table = CsvTable.Read(full, display, _errors);
        return table is null ? null : new TableReader(table, format, _errors);
    }

    /// <summary>Records a name's first line; false (with an error) when it was defined before.</summary>
    private static bool Unique(RowReader row, ColumnFormat column, string name, Dictionary<string, int> firstLine, string what)
    {
        if (firstLine.TryGetValue(name, out var first))
        {
            row.Error(column, $"{what} '{name}' is defined twice (first on line {first})");
            return false;
        }
        firstLine[name] = row.Line;
        return true;
    }

    private static string UnknownReference(string what, string name, string file, IEnumerable<string> known)
    {
        var candidates = known.Where(n => n.Length > 0).ToArray();
        var near = NameSuggester.Nearest(name, candidates);
        return near is not null ? $"{what} '{name}' is not in {file}; did you mean '{near}'?"
            : candidates.Length == 0 ? $"{what} '{name}' is not in {file}, which has none"
            : $"{what} '{name}' is not in {file}: known are {string.Join(", ", candidates)}";
    }

    /// <summary>Reads organisations.csv; <paramref name="names"/> is null when the names are unknown (file unusable).</summary>
    private List<OrganisationSpec> LoadOrganisations(out HashSet<string>? names)
    {
        var f = ScenarioFormat.Organisations;
        var list = new List<OrganisationSpec>();
        names = null;
        var reader = Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        names = new HashSet<string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameColumn = f["organisation"];
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                names.Add(row.Raw(nameColumn));
                continue;
            }
            var ok = row.Name(nameColumn, out var name);
            if (ok && name.Equals(ScenarioDefinition.AllTargets, StringComparison.OrdinalIgnoreCase))
            {
                row.Error(nameColumn, $"'{name}' cannot name an organisation: it is reserved for events that target everyone");
                ok = false;
            }
            else if (ok)
            {
                ok = Unique(row, nameColumn, name, firstLine, "organisation");
            }
            names.Add(name);
            ok &= row.Choice<Position>(f["position"], Names.Of, out var position)
                & row.Choice<OrganisationRole>(f["role"], Names.Of, out var role)
                & row.Integer(f["count"], out var count)
                & row.Real(f["capacity"], out var capacity)
                & row.Real(f["adoption_threshold"], out var threshold)
                & row.Flag(f["adopted_at_start"], out var adopted);
            if (ok)
            {
                list.Add(new OrganisationSpec(name, position, role, count, capacity, threshold, adopted));
            }
        }
        if (reader.Table.Rows.Count == 0)
        {
            reader.Error(reader.HeaderLine, 0, "no organisations: at least one row is needed");
        }
        return list;
    }

    private List<ArchetypeSpec> LoadActors(HashSet<string>? organisations)
    {
        var f = ScenarioFormat.Actors;
        var list = new List<ArchetypeSpec>();
        var reader = Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        var weightColumns = Names.Motives.Select(m => f["w_" + m]).ToArray();
        var resourceColumns = Names.Resources.Select(r => f["r_" + r]).ToArray();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameColumn = f["archetype"];
        var organisationColumn = f["organisation"];
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                continue;
            }
            var ok = row.Name(nameColumn, out var name) && Unique(row, nameColumn, name, firstLine, "archetype");
            if (row.Reference(organisationColumn, out var organisation))
            {
                if (organisations is not null && !organisations.Contains(organisation))
                {
                    row.Error(organisationColumn, UnknownReference("organisation", organisation, ScenarioFormat.OrganisationsFile, organisations));
                    ok = false;
                }
            }
            else
            {
                ok = false;
            }
            ok &= row.Integer(f["count"], out var count);
            var weights = new double[weightColumns.Length];
            var weightsOk = true;
            for (var i = 0; i < weights.Length; i++)
            {
                weightsOk &= row.Real(weightColumns[i], out weights[i]);
            }
            if (weightsOk)
            {
                var sum = weights.Sum();
                if (Math.Abs(sum - 1) > ScenarioFormat.WeightSumTolerance)
                {
                    row.Error(weightColumns[0],
                        $"the motive weights {weightColumns[0].Name}..{weightColumns[^1].Name} sum to {PlainNumber.Format(Math.Round(sum, 12))}: "
                        + $"they must sum to 1 (within {PlainNumber.Format(ScenarioFormat.WeightSumTolerance)})");
                    weightsOk = false;
                }
            }
            var resources = new double[resourceColumns.Length];
            for (var i = 0; i < resources.Length; i++)
            {
                ok &= row.Real(resourceColumns[i], out resources[i]);
            }
            ok &= weightsOk
                & row.Real(f["initial_support"], out var support)
                & row.Real(f["fidelity_tolerance"], out var tolerance)
                & row.Flag(f["decision_maker"], out var decisionMaker)
                & row.Flag(f["broker"], out var broker);
            if (ok)
            {
                list.Add(new ArchetypeSpec(name, organisation, count, weights, resources, support, tolerance, decisionMaker, broker));
            }
        }
        return list;
    }

    private List<ComponentSpec> LoadComponents()
    {
        var cf = ScenarioFormat.Components;
        var components = new List<(string Name, double Importance, int Line)>();
        HashSet<string>? componentNames = null;
        var componentsReader = Open(cf);
        if (componentsReader is { Usable: true })
        {
            componentNames = new HashSet<string>(StringComparer.Ordinal);
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in componentsReader.Rows)
            {
                var nameColumn = cf["component"];
                if (!row.Complete)
                {
                    componentNames.Add(row.Raw(nameColumn));
                    continue;
                }
                var ok = row.Name(nameColumn, out var name) && Unique(row, nameColumn, name, firstLine, "component");
                componentNames.Add(name);
                ok &= row.Real(cf["importance"], out var importance);
                if (ok)
                {
                    components.Add((name, importance, row.Line));
                }
            }
            if (componentsReader.Table.Rows.Count == 0)
            {
                componentsReader.Error(componentsReader.HeaderLine, 0, "no components: at least one is required");
            }
        }

        var af = ScenarioFormat.Alternatives;
        var alternatives = new Dictionary<string, List<AlternativeSpec>>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        var alternativesReader = Open(af);
        if (alternativesReader is { Usable: true })
        {
            var appealColumns = Names.Motives.Select(m => af["appeal_" + m]).ToArray();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in alternativesReader.Rows)
            {
                var componentColumn = af["component"];
                // The first row naming a component is its original, whether or not the row is valid.
                var isOriginal = mentioned.Add(row.Raw(componentColumn));
                if (!row.Complete)
                {
                    continue;
                }
                var ok = row.Reference(componentColumn, out var component);
                if (ok && componentNames is not null && !componentNames.Contains(component))
                {
                    row.Error(componentColumn, UnknownReference("component", component, ScenarioFormat.ComponentsFile, componentNames));
                    ok = false;
                }
                var nameColumn = af["alternative"];
                var named = row.Name(nameColumn, out var name);
                if (named && ok)
                {
                    var key = component + "\u0000" + name;
                    if (firstLine.TryGetValue(key, out var first))
                    {
                        row.Error(nameColumn, $"alternative '{name}' of component '{component}' is defined twice (first on line {first})");
                        named = false;
                    }
                    else
                    {
                        firstLine[key] = row.Line;
                    }
                }
                ok &= named;
                var fidelityColumn = af["fidelity"];
                if (row.Real(fidelityColumn, out var fidelity))
                {
                    // An unknown component has no original to check; its reference error says enough.
                    if (isOriginal && ok && fidelity != 1)
                    {
                        row.Error(fidelityColumn, $"'{row.Raw(nameColumn)}' is the first alternative of component '{row.Raw(componentColumn)}', "
                            + $"so it is the original and its fidelity must be 1, not {row.Raw(fidelityColumn)}");
                        ok = false;
                    }
                }
                else
                {
                    ok = false;
                }
                ok &= row.Real(af["cost"], out var cost);
                var appeal = new double[appealColumns.Length];
                for (var i = 0; i < appeal.Length; i++)
                {
                    ok &= row.Real(appealColumns[i], out appeal[i]);
                }
                if (ok)
                {
                    if (!alternatives.TryGetValue(component, out var forComponent))
                    {
                        alternatives[component] = forComponent = [];
                    }
                    forComponent.Add(new AlternativeSpec(name, fidelity, cost, appeal));
                }
            }
        }

        var result = new List<ComponentSpec>();
        foreach (var (name, importance, line) in components)
        {
            if (alternativesReader is { Usable: true } && !mentioned.Contains(name))
            {
                componentsReader!.Error(line, componentsReader.IndexOf(cf["component"]) + 1,
                    $"component '{name}' has no alternatives in {ScenarioFormat.AlternativesFile}: it needs at least its original (fidelity 1)");
            }
            result.Add(new ComponentSpec(name, importance, alternatives.TryGetValue(name, out var list) ? list : []));
        }
        return result;
    }

    private List<EventSpec> LoadEvents(HashSet<string>? organisations, ModelParameters parameters)
    {
        var f = ScenarioFormat.Events;
        var list = new List<EventSpec>();
        var reader = Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        var start = parameters.StartYear;
        var end = parameters.EndYear;
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                continue;
            }
            var yearColumn = f["year"];
            var ok = row.Real(yearColumn, out var year);
            if (ok && HorizonKnown && (year < start || year >= end))
            {
                row.Error(yearColumn, $"year {row.Raw(yearColumn)} is outside the run's horizon [{PlainNumber.Format(start)}, {PlainNumber.Format(end)}): "
                    + $"events must fall from start_year = {PlainNumber.Format(start)} up to but not including "
                    + $"start_year + steps × dt_years = {PlainNumber.Format(end)} ({HorizonNote})");
                ok = false;
            }
            var kindOk = row.Choice<EventKind>(f["event"], Names.Of, out var kind);
            var format = kindOk ? ScenarioFormat.EventFormatOf(kind) : null;
            var targetColumn = f["target"];
            if (row.Reference(targetColumn, out var target))
            {
                if (target == ScenarioDefinition.AllTargets)
                {
                    // Every event may act on everyone.
                }
                else if (format is { TargetsAll: true })
                {
                    row.Error(targetColumn, $"{format.Name} events act on everyone: target must be '{ScenarioDefinition.AllTargets}', not '{target}'");
                    ok = false;
                }
                else if (organisations is not null && !organisations.Contains(target))
                {
                    var known = organisations.Where(n => n.Length > 0).ToArray();
                    var near = NameSuggester.Nearest(target, known.Append(ScenarioDefinition.AllTargets));
                    row.Error(targetColumn, $"target '{target}' is neither '{ScenarioDefinition.AllTargets}' nor an organisation of {ScenarioFormat.OrganisationsFile}"
                        + (near is null ? $": known organisations are {string.Join(", ", known)}" : $"; did you mean '{near}'?"));
                    ok = false;
                }
            }
            else
            {
                ok = false;
            }
            var valueColumn = format?.ValueColumn ?? f["value"];
            ok &= row.Real(valueColumn, out var value) & kindOk;
            if (ok)
            {
                list.Add(new EventSpec(year, kind, target, value));
            }
        }
        return list;
    }
}
