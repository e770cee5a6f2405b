using System.Text.RegularExpressions;
using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// The parameter values in effect during a load: each parameters.csv of the base chain, base first, then
/// --set, each replacing what came before; and the cross-checks between them.
/// </summary>
internal sealed class ParameterSettings
{
    private readonly ScenarioLoad _load;

    /// <summary>Parameter values in effect, by name; null marks a value that was set but is not valid.</summary>
    private readonly Dictionary<string, (ParameterSetting? Setting, int Order)> _settings = new(StringComparer.Ordinal);
    private int _order;

    public ParameterSettings(ScenarioLoad load) => _load = load;

    /// <summary>The <c>base</c> row of a parameters.csv: the folder it names and the row's line.</summary>
    public readonly record struct BaseRow(string Value, int Line);

    /// <summary>The start year, steps and time step are valid, so the run's horizon can be checked against.</summary>
    public bool HorizonKnown =>
        new[] { "start_year", "steps", "dt_years" }.All(n => !_settings.TryGetValue(n, out var v) || v.Setting is not null);

    /// <summary>The defaults with every valid setting applied.</summary>
    public ModelParameters Parameters()
    {
        var parameters = new ModelParameters();
        foreach (var (setting, _) in _settings.Values)
        {
            if (setting is not null)
            {
                parameters = setting.Spec.Set(parameters, setting.Value);
            }
        }
        return parameters;
    }

    /// <summary>The valid settings, in catalog order.</summary>
    public ParameterSetting[] InEffect() => ParameterCatalog.All
        .Select(s => _settings.TryGetValue(s.Name, out var v) ? v.Setting : null)
        .OfType<ParameterSetting>()
        .ToArray();

    /// <summary>Puts one folder's settings in effect, over what is already there.</summary>
    public void Apply(Dictionary<string, ParameterSetting?> folderSettings)
    {
        foreach (var (name, setting) in folderSettings)
        {
            _settings[name] = (setting, _order++);
        }
    }

    /// <summary>Reads one parameters.csv: the values it sets (null for invalid ones) and its base row.</summary>
    public Dictionary<string, ParameterSetting?> Read(ChainFolder folder, out BaseRow? baseRow)
    {
        baseRow = null;
        var settings = new Dictionary<string, ParameterSetting?>(StringComparer.Ordinal);
        if (!folder.Has(ScenarioFormat.ParametersFile))
        {
            return settings;
        }
        var table = _load.Read(folder, ScenarioFormat.Parameters);
        if (table is null)
        {
            return settings;
        }
        var display = table.DisplayPath;
        var reader = new TableReader(table, ScenarioFormat.Parameters, _load.Errors);
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
                row.Error(nameColumn, $"parameter '{Echo.Value(name)}' is set twice in this file (first on line {first})");
                continue;
            }
            firstLine[name] = row.Line;
            if (name == ScenarioFormat.BaseRow)
            {
                if (text.Length == 0)
                {
                    row.Error(valueColumn, "base is empty: expected the folder of the base scenario, relative to this folder's parent");
                    _load.ChainBroken = true;
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
            settings[spec.Name] = Parse(spec, text, display, row.Line, row.ColumnOf(valueColumn), out var error);
            if (error is not null)
            {
                row.Error(valueColumn, error);
            }
        }
        return settings;
    }

    /// <summary>Puts the --set values in effect, over every file's.</summary>
    public void ApplyOverrides(IReadOnlyList<(string Name, string Value)> overrides)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < overrides.Count; i++)
        {
            var column = i + 1;
            var name = overrides[i].Name.Trim();
            var text = overrides[i].Value.Trim();
            const string file = ScenarioError.OverrideSource;
            if (name.Length == 0)
            {
                _load.Error(file, 0, column, $"--set needs name=value: the parameter name is empty (value '{Echo.Value(text)}')");
                continue;
            }
            if (name == ScenarioFormat.BaseRow)
            {
                _load.Error(file, 0, column, "base cannot be set with --set: name the base in the scenario's parameters.csv");
                continue;
            }
            if (first.TryGetValue(name, out var earlier))
            {
                _load.Error(file, 0, column, $"parameter '{Echo.Value(name)}' is set twice with --set (first in --set number {earlier})");
                continue;
            }
            first[name] = column;
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                _load.Error(file, 0, column, UnknownParameter(name));
                continue;
            }
            _settings[spec.Name] = (Parse(spec, text, file, 0, column, out var error), _order++);
            if (error is not null)
            {
                _load.Error(file, 0, column, error);
            }
        }
    }

    /// <summary>
    /// Reports each failed cross-check at the row that set the last-set parameter it names. A check that
    /// names a parameter whose value was not valid is skipped: it would be about a value nobody wrote.
    /// </summary>
    public void CrossCheck(ModelParameters parameters)
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
                _load.Error(_load.Chain[0].FileDisplay(ScenarioFormat.ParametersFile), 0, 0, message);
            }
            else
            {
                _load.Error(where.Source, where.Line, where.Column, message);
            }
        }
    }

    private static string UnknownParameter(string name)
    {
        var near = ParameterCatalog.Nearest(name);
        return near is null
            ? $"unknown parameter '{Echo.Value(name)}': see scenarios/README.md or 'movementsim describe' for the parameters"
            : $"unknown parameter '{Echo.Value(name)}'; did you mean '{near}'?";
    }

    /// <summary>Parses a parameter's value with its spec's range; null with an error when it is not valid.</summary>
    private static ParameterSetting? Parse(ParameterSpec spec, string text, string source, int line, int column, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = $"{spec.Name} is empty: it must be {spec.RangeText}";
            return null;
        }
        if (spec.Kind != ParameterKind.Choice && !StrictNumber.TryParse(text, out _))
        {
            error = $"'{Echo.Value(text)}' is not a number{PlainNumber.WhyNot(text)}: {spec.Name} must be {spec.RangeText}";
            return null;
        }
        if (!Echo.TryParse(spec, text, out var value, out var message))
        {
            var near = spec.Kind == ParameterKind.Choice ? NameSuggester.Nearest(text, spec.Choices!) : null;
            error = message + (near is null ? "" : $" (did you mean '{near}'?)");
            return null;
        }
        return new ParameterSetting(spec, text, value, source, line, column);
    }
}
