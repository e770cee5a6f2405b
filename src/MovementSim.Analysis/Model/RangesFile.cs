using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>One row of a ranges file: the interval a parameter is varied or fitted over, and where it was written.</summary>
public sealed record RangeEntry(ParameterSpec Spec, double Min, double Max, SourceLocation Where);

/// <summary>A ranges file as read: the valid rows by parameter name, and every problem found.</summary>
public sealed record RangesFileResult(IReadOnlyDictionary<string, RangeEntry> Ranges, IReadOnlyList<ScenarioError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// <c>--ranges FILE</c> of sensitivity and calibrate: a CSV with columns <c>parameter,min,max</c>, one row per
/// parameter, giving the interval it is varied (sensitivity) or searched (calibration) over. Parameters the
/// analysis does not vary may have rows too, so one file can serve several analyses. Every bound must lie in
/// the parameter's valid range; min must be below max.
/// </summary>
public static class RangesFile
{
    public static readonly FileFormat Format = new(ScenarioFormat.RangesFile, false,
        "The interval each parameter is varied or searched over.",
        [
            new("parameter", ColumnKind.Reference, "A numeric parameter's name."),
            new("min", ColumnKind.Real, "The lowest value.", AllowedText: "a number in the parameter's valid range"),
            new("max", ColumnKind.Real, "The highest value.", AllowedText: "a number in the parameter's valid range"),
        ]);

    public static RangesFileResult Load(string path)
    {
        var errors = new List<ScenarioError>();
        return Read(TableReader.Open(path, path, Format, errors), errors);
    }

    public static RangesFileResult Parse(string text, string file)
    {
        var errors = new List<ScenarioError>();
        return Read(TableReader.Parse(text, file, Format, errors), errors);
    }

    private static RangesFileResult Read(TableReader? table, List<ScenarioError> errors)
    {
        var ranges = new Dictionary<string, RangeEntry>(StringComparer.Ordinal);
        if (table is not { Usable: true })
        {
            return new RangesFileResult(ranges, errors);
        }
        if (table.Table.Rows.Count == 0)
        {
            table.Error(table.HeaderLine, 0, "the file has a header but no rows: give one row per parameter (parameter,min,max)");
        }
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var parameterColumn = Format["parameter"];
        foreach (var row in table.Rows)
        {
            if (!row.Complete || !row.Reference(parameterColumn, out var name))
            {
                continue;
            }
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                var near = ParameterCatalog.Nearest(name);
                row.Error(parameterColumn, $"unknown parameter '{Echo.Value(name)}'" + (near is null ? "" : $" (did you mean '{near}'?)"));
                continue;
            }
            if (firstLine.TryGetValue(spec.Name, out var first))
            {
                row.Error(parameterColumn, $"{spec.Name} has a range already (line {first})");
                continue;
            }
            firstLine[spec.Name] = row.Line;
            if (spec.Kind == ParameterKind.Choice)
            {
                row.Error(parameterColumn, $"{spec.Name} is a choice ({spec.RangeText}), not a number: it has no range");
                continue;
            }
            var ok = Bound(row, spec, "min", out var min) & Bound(row, spec, "max", out var max);
            if (!ok)
            {
                continue;
            }
            if (min > max)
            {
                row.Error(Format["min"], $"{spec.Name}: the range is reversed: min {spec.Format(min)} is above max {spec.Format(max)}");
                continue;
            }
            if (min == max)
            {
                row.Error(Format["min"], $"{spec.Name}: the range is empty: min equals max ({spec.Format(min)}); a parameter held fixed belongs in --set");
                continue;
            }
            ranges[spec.Name] = new RangeEntry(spec, min, max, row.At(parameterColumn));
        }
        return new RangesFileResult(ranges, errors);
    }

    private static bool Bound(RowReader row, ParameterSpec spec, string column, out double value)
    {
        var cell = Format[column];
        if (!row.Real(cell, out value))
        {
            return false;
        }
        // Integer bounds need not be whole: a design's real coordinate is rounded when run.
        if (value < spec.Min || value > spec.Max)
        {
            row.Error(cell, $"{spec.Name}: {column} {Echo.Value(row.Raw(cell))} is outside the valid range: {spec.Name} must be {spec.RangeText}");
            return false;
        }
        return true;
    }
}
