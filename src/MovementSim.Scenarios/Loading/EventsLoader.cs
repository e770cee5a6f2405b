using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>Reads events.csv: each event's year within the run's horizon, its kind, target and value.</summary>
internal static class EventsLoader
{
    private const string HorizonNote = "start_year, steps and dt_years after the base chain and --set";

    /// <param name="organisations">The names organisations.csv defines; null when unknown (no target is checked).</param>
    /// <param name="horizonKnown">The horizon's parameters are valid, so years can be checked against it.</param>
    public static List<EventSpec> Load(ScenarioLoad load, HashSet<string>? organisations, ModelParameters parameters, bool horizonKnown)
    {
        var f = ScenarioFormat.Events;
        var list = new List<EventSpec>();
        var reader = load.Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        var start = parameters.StartYear;
        var end = parameters.EndYear;
        var yearColumn = f["year"];
        var targetColumn = f["target"];
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                continue;
            }
            var ok = row.Real(yearColumn, out var year);
            if (ok && horizonKnown && (year < start || year >= end))
            {
                row.Error(yearColumn, $"year {row.Raw(yearColumn)} is outside the run's horizon [{PlainNumber.Format(start)}, {PlainNumber.Format(end)}): "
                    + $"events must fall from start_year = {PlainNumber.Format(start)} up to but not including "
                    + $"start_year + steps × dt_years = {PlainNumber.Format(end)} ({HorizonNote})");
                ok = false;
            }
            var kindOk = row.Choice<EventKind>(f["event"], Names.Of, out var kind);
            var format = kindOk ? ScenarioFormat.EventFormatOf(kind) : null;
            if (row.Reference(targetColumn, out var target))
            {
                ok &= TargetValid(row, targetColumn, target, format, organisations);
            }
            else
            {
                ok = false;
            }
            var valueColumn = format?.ValueColumn ?? f["value"];
            ok &= row.Real(valueColumn, out var value) & kindOk;
            ok &= By(row, kindOk ? kind : null, ok ? year : null, out var by);
            if (ok)
            {
                var label = row.Raw(f["label"]);
                list.Add(new EventSpec(year, kind, target, value) { By = by, Label = label.Length > 0 ? label : null });
            }
        }
        return list;
    }

    /// <summary>The year a coverage target is to be met by: required for coverage targets, at or after the event;
    /// empty for every other event.</summary>
    private static bool By(RowReader row, EventKind? kind, double? year, out double? by)
    {
        var column = ScenarioFormat.Events["by"];
        if (!row.OptionalReal(column, out by))
        {
            return false;
        }
        if (kind is null)
        {
            return true;
        }
        var name = Names.Of(kind.Value);
        if (kind == EventKind.CoverageTarget && by is null)
        {
            row.Error(column, $"a {name} event needs the year it is to be met by in the column by (add the column if the header lacks it)");
            return false;
        }
        if (kind != EventKind.CoverageTarget && by is not null)
        {
            row.Error(column, $"by is only for coverage_target events: leave it empty for {name}");
            return false;
        }
        if (by is { } b && year is { } y && b < y)
        {
            row.Error(column, $"by ({row.Raw(column)}) must be at or after the event's year ({row.Raw(ScenarioFormat.Events["year"])})");
            return false;
        }
        return true;
    }

    /// <summary>Every event may act on everyone; only some may act on one kind of organisation.</summary>
    private static bool TargetValid(RowReader row, ColumnFormat targetColumn, string target, EventFormat? format, HashSet<string>? organisations)
    {
        if (target == ScenarioDefinition.AllTargets)
        {
            return true;
        }
        if (format is { TargetsAll: true })
        {
            row.Error(targetColumn, $"{format.Name} events act on everyone: target must be '{ScenarioDefinition.AllTargets}', not '{Echo.Value(target)}'");
            return false;
        }
        if (organisations is not null && !organisations.Contains(target))
        {
            var known = organisations.Where(n => n.Length > 0).ToArray();
            var near = NameSuggester.Nearest(target, known.Append(ScenarioDefinition.AllTargets));
            row.Error(targetColumn, $"target '{Echo.Value(target)}' is neither '{ScenarioDefinition.AllTargets}' nor an organisation of {ScenarioFormat.OrganisationsFile}"
                + (near is null ? $": known organisations are {Echo.List(known)}" : $"; did you mean '{near}'?"));
            return false;
        }
        return true;
    }
}
