using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Analysis.Model;

/// <summary>One row of a ranges file: the interval a parameter is varied or fitted over, and where it was written.</summary>
public sealed record RangeEntry(ParameterSpec Spec, double Min, double Max, SourceLocation Where);

/// <summary>A ranges file as read: the valid rows by parameter name, and every problem found.</summary>
public sealed record RangesFileResult(IReadOnlyDictionary<string, RangeEntry> Ranges, IReadOnlyList<InputError> Errors)
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
    public static readonly IReadOnlyList<string> Columns = ["parameter", "min", "max"];

    public static RangesFileResult Load(string path)
    {
        var errors = new List<InputError>();
        var table = InputTable.Read(path, Columns, Columns, string.Join(",", Columns), errors);
        return Read(table, errors);
    }

    public static RangesFileResult Parse(string text, string file)
    {
        var errors = new List<InputError>();
        var table = InputTable.Parse(text, file, Columns, Columns, string.Join(",", Columns), errors);
        return Read(table, errors);
    }

    private static RangesFileResult Read(InputTable? table, List<InputError> errors)
    {
        var ranges = new Dictionary<string, RangeEntry>(StringComparer.Ordinal);
        if (table is null)
        {
            return new RangesFileResult(ranges, errors);
        }
        if (table.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(table.File, table.HeaderLine, 0, "the file has a header but no rows: give one row per parameter (parameter,min,max)"));
        }
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var name = row.Text("parameter");
            if (name.Length == 0)
            {
                errors.Add(row.At("parameter").Error("parameter is empty"));
                continue;
            }
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                var near = ParameterCatalog.Nearest(name);
                errors.Add(row.At("parameter").Error($"unknown parameter '{name}'" + (near is null ? "" : $" (did you mean '{near}'?)")));
                continue;
            }
            if (firstLine.TryGetValue(spec.Name, out var first))
            {
                errors.Add(row.At("parameter").Error($"{spec.Name} has a range already (line {first})"));
                continue;
            }
            firstLine[spec.Name] = row.Line;
            if (spec.Kind == ParameterKind.Choice)
            {
                errors.Add(row.At("parameter").Error($"{spec.Name} is a choice ({spec.RangeText}), not a number: it has no range"));
                continue;
            }
            var ok = Bound(row, spec, "min", errors, out var min) & Bound(row, spec, "max", errors, out var max);
            if (!ok)
            {
                continue;
            }
            if (min > max)
            {
                errors.Add(row.At("min").Error($"{spec.Name}: the range is reversed: min {spec.Format(min)} is above max {spec.Format(max)}"));
                continue;
            }
            if (min == max)
            {
                errors.Add(row.At("min").Error($"{spec.Name}: the range is empty: min equals max ({spec.Format(min)}); a parameter held fixed belongs in --set"));
                continue;
            }
            ranges[spec.Name] = new RangeEntry(spec, min, max, row.At("parameter"));
        }
        return new RangesFileResult(ranges, errors);
    }

    private static bool Bound(InputRow row, ParameterSpec spec, string column, List<InputError> errors, out double value)
    {
        if (!row.Number(column, $"{spec.Name}: {column}", errors, out value))
        {
            return false;
        }
        // Integer bounds need not be whole: a design's real coordinate is rounded when run.
        if (value < spec.Min || value > spec.Max)
        {
            errors.Add(row.At(column).Error($"{spec.Name}: {column} {row.Text(column)} is outside the valid range: {spec.Name} must be {spec.RangeText}"));
            return false;
        }
        return true;
    }
}
