namespace MovementSim.Scenarios;

/// <summary>An event as a result folder's scenario copy lists it, for charts and reports.</summary>
/// <param name="Label">What happened, in words; empty when events.csv gives none.</param>
/// <param name="Value">NaN when the file gives none.</param>
public sealed record SnapshotEvent(double Year, string Kind, string Target, double Value, string Label);

/// <summary>
/// What a report needs from the copy of the scenario in a result folder (scenario/): its events and the alternatives
/// of each component. Read with the scenario files' own reader and formats, but leniently: a copy written by an older
/// version, or by hand, may lack columns that do not matter here, and a row that cannot be read is left out rather
/// than stopping the report.
/// </summary>
public static class ScenarioSnapshot
{
    public static IReadOnlyList<SnapshotEvent> Events(string folder)
    {
        var f = Lenient(ScenarioFormat.Events, "year", "event");
        var events = new List<SnapshotEvent>();
        foreach (var row in Rows(folder, f))
        {
            if (row.Real(f["year"], out var year) & row.Reference(f["event"], out var kind))
            {
                var value = row.OptionalReal(f["value"], out var v) && v is { } given ? given : double.NaN;
                events.Add(new SnapshotEvent(year, kind, row.Raw(f["target"]), value, row.Raw(f["label"])));
            }
        }
        return events.OrderBy(e => e.Year).ToList();
    }

    /// <summary>Each alternative with its component, components in the order components.csv lists them (when there is one).</summary>
    public static IReadOnlyList<(string Component, string Alternative)> Alternatives(string folder)
    {
        var af = Lenient(ScenarioFormat.Alternatives, "component", "alternative");
        var pairs = Rows(folder, af).Select(r => (r.Raw(af["component"]), r.Raw(af["alternative"]))).Where(p => p.Item1.Length > 0).ToList();
        var cf = Lenient(ScenarioFormat.Components, "component");
        var order = Rows(folder, cf).Select(r => r.Raw(cf["component"])).ToList();
        return order.Count == 0 ? pairs : pairs.OrderBy(p => order.IndexOf(p.Item1) is var i && i < 0 ? int.MaxValue : i).ToList();
    }

    /// <summary>The format with only <paramref name="required"/> columns required, and other columns allowed.</summary>
    private static FileFormat Lenient(FileFormat format, params string[] required) => format with
    {
        Columns = format.Columns.Select(c => c with { Optional = !required.Contains(c.Name) }).ToArray(),
        OtherColumnsAllowed = true,
    };

    /// <summary>The complete rows of the file, or none when it is absent or unreadable; problems are not reported.</summary>
    private static IEnumerable<RowReader> Rows(string folder, FileFormat format)
    {
        var path = Path.Combine(folder, format.Name);
        if (!File.Exists(path))
        {
            return [];
        }
        var reader = TableReader.Open(path, path, format, []);
        return reader is { Usable: true } ? reader.Rows.Where(r => r.Complete) : [];
    }
}
