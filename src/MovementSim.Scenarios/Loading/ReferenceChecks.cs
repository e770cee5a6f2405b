using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>The checks every table loader makes of the names it defines and the names it refers to.</summary>
internal static class ReferenceChecks
{
    /// <summary>Records a name's first line; false (with an error) when it was defined before.</summary>
    public static bool Unique(RowReader row, ColumnFormat column, string name, Dictionary<string, int> firstLine, string what)
    {
        if (firstLine.TryGetValue(name, out var first))
        {
            row.Error(column, $"{what} '{name}' is defined twice (first on line {first})");
            return false;
        }
        firstLine[name] = row.Line;
        return true;
    }

    /// <summary>The message for a reference to a name that <paramref name="file"/> does not define.</summary>
    public static string UnknownReference(string what, string name, string file, IEnumerable<string> known)
    {
        var candidates = known.Where(n => n.Length > 0).ToArray();
        var near = NameSuggester.Nearest(name, candidates);
        return near is not null ? $"{what} '{name}' is not in {file}; did you mean '{near}'?"
            : candidates.Length == 0 ? $"{what} '{name}' is not in {file}, which has none"
            : $"{what} '{name}' is not in {file}: known are {string.Join(", ", candidates)}";
    }
}
