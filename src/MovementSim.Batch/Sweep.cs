using System.Globalization;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>How one swept parameter is given in a sweep file.</summary>
public enum SweepKind
{
    /// <summary>An explicit list of values (choice parameters by option name).</summary>
    Values,
    /// <summary><c>levels</c> evenly spaced values from <c>min</c> to <c>max</c>, both included.</summary>
    Range,
    /// <summary>Uniform on [min, max] (Latin hypercube only).</summary>
    Uniform,
    /// <summary>Uniform in log on [min, max], min &gt; 0 (Latin hypercube only).</summary>
    LogUniform,
}

public enum DesignMethod
{
    FullFactorial,
    LatinHypercube,
    /// <summary>Points listed one by one by an analysis (sensitivity, calibration), not expanded from a sweep file.</summary>
    Explicit,
}

/// <summary>One swept parameter as declared, already parsed and range-checked.</summary>
/// <param name="Values">For <see cref="SweepKind.Values"/>: the values (choice index for choices); otherwise empty.</param>
/// <param name="Levels">For <see cref="SweepKind.Range"/>: the number of levels (at least 2).</param>
public sealed record SweepDimension(
    ParameterSpec Parameter,
    SweepKind Kind,
    IReadOnlyList<double> Values,
    double Min,
    double Max,
    int Levels,
    SourceLocation Where);

/// <summary>
/// A sweep file, parsed: design-wide settings (each null when not given) and the swept parameters in
/// file order. Turned into runs by <see cref="DesignExpansion.Expand"/>.
/// </summary>
public sealed record SweepSpec(
    string File,
    DesignMethod Method,
    int? Samples,
    int? Replicates,
    int? MaxRuns,
    IReadOnlyList<SweepDimension> Dimensions,
    SourceLocation? MethodWhere = null,
    SourceLocation? SamplesWhere = null,
    SourceLocation? MaxRunsWhere = null);

public sealed record SweepParseResult(SweepSpec? Sweep, IReadOnlyList<ScenarioError> Errors)
{
    public bool IsValid => Sweep is not null && Errors.Count == 0;
}

/// <summary>
/// Reads <c>sweep.csv</c> (format in <c>scenarios/SWEEP.md</c>). Every problem is reported, each
/// with file, line and column, before anything is run.
/// </summary>
public static class SweepFile
{
    public const string DefaultName = ScenarioFormat.SweepFile;

    /// <summary>The file's columns: only name and kind must be in the header.</summary>
    public static readonly FileFormat Format = new(DefaultName, false,
        "A design of experiments for batch (see scenarios/SWEEP.md).",
        [
            new("name", ColumnKind.Reference, "A parameter's name, or a setting's name."),
            new("kind", ColumnKind.Text, "values, range, uniform, log_uniform or setting."),
            new("values", ColumnKind.Text, "The list of values separated by ';', or the setting's value.", Optional: true),
            new("min", ColumnKind.Text, "The lowest value of a range or distribution.", Optional: true),
            new("max", ColumnKind.Text, "The highest value of a range or distribution.", Optional: true),
            new("levels", ColumnKind.Text, "The number of evenly spaced levels of a range.", Optional: true),
        ]);

    public static readonly IReadOnlyList<string> Kinds = ["values", "range", "uniform", "log_uniform", "setting"];

    public static readonly IReadOnlyList<string> Settings = ["design", "samples", "replicates", "max_runs"];

    public static readonly IReadOnlyList<string> Methods = ["full_factorial", "latin_hypercube"];

    /// <summary>Separator between the entries of the <c>values</c> cell.</summary>
    public const char ValueSeparator = ';';

    public static SweepParseResult Load(string path)
    {
        var errors = new List<ScenarioError>();
        return Read(TableReader.Open(path, path, Format, errors), path, errors);
    }

    public static SweepParseResult Parse(string text, string file)
    {
        var errors = new List<ScenarioError>();
        return Read(TableReader.Parse(text, file, Format, errors), file, errors);
    }

    private static SweepParseResult Read(TableReader? table, string file, List<ScenarioError> errors)
    {
        var dimensions = new List<SweepDimension>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var method = DesignMethod.FullFactorial;
        int? samples = null, replicates = null, maxRuns = null;
        SourceLocation? methodWhere = null, samplesWhere = null, maxRunsWhere = null;

        foreach (var row in table?.Rows ?? [])
        {
            if (!row.Complete)
            {
                continue;
            }
            var lineNo = row.Line;
            var kindText = row.Raw(Format["kind"]);
            var nameText = row.Raw(Format["name"]);
            if (nameText.Length == 0)
            {
                row.Error(Format["name"], "name is empty");
                continue;
            }
            if (kindText.Length == 0)
            {
                row.Error(Format["kind"], $"kind is empty for '{Echo.Value(nameText)}': expected one of {string.Join(", ", Kinds)}");
                continue;
            }
            if (!Kinds.Contains(kindText))
            {
                var near = NameSuggester.Nearest(kindText, Kinds);
                row.Error(Format["kind"], $"unknown kind '{Echo.Value(kindText)}' for '{Echo.Value(nameText)}'" +
                    (near is null ? "" : $" (did you mean '{near}'?)") + $": expected one of {string.Join(", ", Kinds)}");
                continue;
            }
            if (kindText == "setting")
            {
                ReadSetting(row, nameText, errors, ref method, ref samples, ref replicates, ref maxRuns,
                    ref methodWhere, ref samplesWhere, ref maxRunsWhere, seen);
                continue;
            }
            var spec = ParameterCatalog.Find(nameText);
            if (spec is null)
            {
                var near = ParameterCatalog.Nearest(nameText);
                row.Error(Format["name"], $"unknown parameter '{Echo.Value(nameText)}'" +
                    (near is null ? "" : $" (did you mean '{near}'?)"));
                continue;
            }
            if (seen.TryGetValue(spec.Name, out var firstLine))
            {
                row.Error(Format["name"], $"{spec.Name} is swept twice (first on line {firstLine})");
                continue;
            }
            seen[spec.Name] = lineNo;
            var dimension = kindText switch
            {
                "values" => ReadValues(row, spec, errors),
                "range" => ReadRange(row, spec, errors),
                "uniform" => ReadDistribution(row, spec, SweepKind.Uniform, errors),
                _ => ReadDistribution(row, spec, SweepKind.LogUniform, errors),
            };
            if (dimension is not null)
            {
                dimensions.Add(dimension);
            }
        }
        var sweep = errors.Count == 0
            ? new SweepSpec(file, method, samples, replicates, maxRuns, dimensions, methodWhere, samplesWhere, maxRunsWhere)
            : null;
        return new SweepParseResult(sweep, errors);
    }

    private static void ReadSetting(RowReader row, string name, List<ScenarioError> errors, ref DesignMethod method,
        ref int? samples, ref int? replicates, ref int? maxRuns, ref SourceLocation? methodWhere,
        ref SourceLocation? samplesWhere, ref SourceLocation? maxRunsWhere, Dictionary<string, int> seen)
    {
        if (!Settings.Contains(name))
        {
            var near = NameSuggester.Nearest(name, Settings);
            row.Error(Format["name"], $"unknown setting '{Echo.Value(name)}'" + (near is null ? "" : $" (did you mean '{near}'?)") +
                $": the settings are {string.Join(", ", Settings)}");
            return;
        }
        if (seen.TryGetValue("setting:" + name, out var first))
        {
            row.Error(Format["name"], $"setting {name} is given twice (first on line {first})");
            return;
        }
        seen["setting:" + name] = row.Line;
        NoCells(row, name, "min", "max", "levels");
        var text = row.Raw(Format["values"]);
        var at = row.At(Format["values"]);
        if (name == "design")
        {
            if (text == "full_factorial")
            {
                method = DesignMethod.FullFactorial;
            }
            else if (text == "latin_hypercube")
            {
                method = DesignMethod.LatinHypercube;
            }
            else
            {
                errors.Add(at.Error($"design '{Echo.Value(text)}' is not known: expected one of {string.Join(", ", Methods)}"));
                return;
            }
            methodWhere = at;
            return;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            errors.Add(at.Error($"{name} = '{Echo.Value(text)}' is not valid: expected a whole number of at least 1 in the values column"));
            return;
        }
        switch (name)
        {
            case "samples":
                samples = value;
                samplesWhere = at;
                break;
            case "replicates":
                replicates = value;
                break;
            default:
                maxRuns = value;
                maxRunsWhere = at;
                break;
        }
    }

    private static SweepDimension? ReadValues(RowReader row, ParameterSpec spec, List<ScenarioError> errors)
    {
        var errorCount = errors.Count;
        NoCells(row, spec.Name, "min", "max", "levels");
        var cell = row.Raw(Format["values"]);
        var at = row.At(Format["values"]);
        if (cell.Length == 0)
        {
            errors.Add(at.Error($"{spec.Name}: the list of values is empty: give values separated by '{ValueSeparator}'"));
            return null;
        }
        var values = new List<double>();
        foreach (var part in cell.Split(ValueSeparator))
        {
            if (part.Trim().Length == 0)
            {
                errors.Add(at.Error($"{spec.Name}: an empty entry in the list of values"));
                continue;
            }
            if (!Echo.TryParse(spec, part, out var v, out var error))
            {
                errors.Add(at.Error(error));
                continue;
            }
            if (values.Contains(v))
            {
                errors.Add(at.Error($"{spec.Name}: value {part.Trim()} is listed twice"));
                continue;
            }
            values.Add(v);
        }
        return errors.Count == errorCount
            ? new SweepDimension(spec, SweepKind.Values, values, values.Min(), values.Max(), values.Count, row.At(Format["name"]))
            : null;
    }

    private static SweepDimension? ReadRange(RowReader row, ParameterSpec spec, List<ScenarioError> errors)
    {
        var errorCount = errors.Count;
        NoCells(row, spec.Name, "values");
        if (spec.Kind == ParameterKind.Choice)
        {
            row.Error(Format["kind"], $"{spec.Name} is a choice ({spec.RangeText}): list its options with kind 'values'");
            return null;
        }
        var min = Bound(row, spec, "min");
        var max = Bound(row, spec, "max");
        var levelsText = row.Raw(Format["levels"]);
        var levelsAt = row.At(Format["levels"]);
        var levels = 0;
        if (levelsText.Length == 0)
        {
            errors.Add(levelsAt.Error($"{spec.Name}: a range needs a number of levels (at least 2)"));
        }
        else if (!int.TryParse(levelsText, NumberStyles.None, CultureInfo.InvariantCulture, out levels) || levels < 2)
        {
            errors.Add(levelsAt.Error($"{spec.Name}: levels = '{Echo.Value(levelsText)}' is not valid: expected a whole number of at least 2"));
        }
        if (errors.Count > errorCount)
        {
            return null;
        }
        if (min >= max)
        {
            row.Error(Format["min"], min > max
                ? $"{spec.Name}: the range is reversed: min {spec.Format(min)} is above max {spec.Format(max)}"
                : $"{spec.Name}: the range is empty: min equals max ({spec.Format(min)}); use kind 'values' for a single value");
            return null;
        }
        var values = RangeLevels(spec, min, max, levels);
        if (values.Distinct().Count() != values.Count)
        {
            errors.Add(levelsAt.Error($"{spec.Name}: {levels} levels from {spec.Format(min)} to {spec.Format(max)} repeat whole numbers; use at most {(long)(max - min) + 1} levels"));
            return null;
        }
        return new SweepDimension(spec, SweepKind.Range, values, min, max, levels, row.At(Format["name"]));
    }

    /// <summary>Evenly spaced levels, ends exact; integer parameters rounded to whole numbers.</summary>
    public static IReadOnlyList<double> RangeLevels(ParameterSpec spec, double min, double max, int levels)
    {
        var values = new double[levels];
        for (var i = 0; i < levels; i++)
        {
            var v = i == levels - 1 ? max : min + (max - min) * i / (levels - 1);
            values[i] = spec.Kind == ParameterKind.Integer ? Math.Round(v, MidpointRounding.AwayFromZero) : v;
        }
        return values;
    }

    private static SweepDimension? ReadDistribution(RowReader row, ParameterSpec spec, SweepKind kind, List<ScenarioError> errors)
    {
        var errorCount = errors.Count;
        NoCells(row, spec.Name, "values", "levels");
        if (spec.Kind == ParameterKind.Choice)
        {
            row.Error(Format["kind"], $"{spec.Name} is a choice ({spec.RangeText}): list its options with kind 'values'");
            return null;
        }
        var min = Bound(row, spec, "min");
        var max = Bound(row, spec, "max");
        if (errors.Count > errorCount)
        {
            return null;
        }
        if (min >= max)
        {
            row.Error(Format["min"], min > max
                ? $"{spec.Name}: the range is reversed: min {spec.Format(min)} is above max {spec.Format(max)}"
                : $"{spec.Name}: the range is empty: min equals max ({spec.Format(min)}); use kind 'values' for a single value");
            return null;
        }
        if (kind == SweepKind.LogUniform && min <= 0)
        {
            row.Error(Format["min"], $"{spec.Name}: log_uniform needs min above 0 (got {spec.Format(min)})");
            return null;
        }
        return new SweepDimension(spec, kind, [], min, max, 0, row.At(Format["name"]));
    }

    private static double Bound(RowReader row, ParameterSpec spec, string column)
    {
        var text = row.Raw(Format[column]);
        if (text.Length == 0)
        {
            row.Error(Format[column], $"{spec.Name}: {column} is empty: it must be {spec.RangeText}");
            return double.NaN;
        }
        if (!Echo.TryParse(spec, text, out var v, out var error))
        {
            row.Error(Format[column], $"{column}: {error}");
            return double.NaN;
        }
        return v;
    }

    private static void NoCells(RowReader row, string name, params string[] columns)
    {
        foreach (var c in columns)
        {
            if (row.Raw(Format[c]).Length > 0)
            {
                row.Error(Format[c], $"{name}: column {c} must be empty for kind '{Echo.Value(row.Raw(Format["kind"]))}'");
            }
        }
    }
}
