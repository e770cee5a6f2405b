using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>Reads population.csv: the real eligible population by year, in increasing year.</summary>
internal static class PopulationLoader
{
    public static List<PopulationPoint> Load(ScenarioLoad load)
    {
        var f = ScenarioFormat.Population;
        var list = new List<PopulationPoint>();
        var reader = load.Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        var yearColumn = f["year"];
        double? previous = null;
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                continue;
            }
            var ok = row.Real(yearColumn, out var year) & row.Real(f["people"], out var people);
            if (ok && previous is { } before && year <= before)
            {
                row.Error(yearColumn, $"year {row.Raw(yearColumn)} is not after the row before ({PlainNumber.Format(before)}): rows must be in increasing year");
                ok = false;
            }
            if (ok)
            {
                list.Add(new PopulationPoint(year, people, row.Raw(f["source"]), row.Raw(f["note"])));
                previous = year;
            }
        }
        return list;
    }
}
