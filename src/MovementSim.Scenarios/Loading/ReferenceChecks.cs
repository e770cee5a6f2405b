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
            row.Error(column, $"{what} '{Echo.Value(name)}' is defined twice (first on line {first})");
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
        return near is not null ? $"{what} '{Echo.Value(name)}' is not in {file}; did you mean '{near}'?"
            : candidates.Length == 0 ? $"{what} '{Echo.Value(name)}' is not in {file}, which has none"
            : $"{what} '{Echo.Value(name)}' is not in {file}: known are {Echo.List(candidates)}";
    }

    /// <summary>Most recipients-by-provider-and-form counts a run may keep: (institutions + 1) x forms.</summary>
    public const long MaxProviderForms = 1 << 22;

    /// <summary>The counts of recipients by provider and form must fit in memory: (institutions + 1) x forms at most
    /// <see cref="MaxProviderForms"/>.</summary>
    public static void FormCounts(ScenarioLoad load, IReadOnlyList<OrganisationSpec> organisations, IReadOnlyList<ComponentSpec> components)
    {
        long institutions = organisations.Where(o => o.Role == OrganisationRole.Institution).Sum(o => (long)o.Count);
        var forms = FormTable.CountOf(components);
        if (forms <= FormTable.MaxForms && (institutions + 1) * forms > MaxProviderForms)
        {
            load.Error(load.Chain.Count > 0 ? load.Chain[0].FileDisplay(ScenarioFormat.OrganisationsFile) : ScenarioFormat.OrganisationsFile, 0, 0,
                $"{institutions} institutions x {forms} forms of the innovation is too many to count recipients by provider and form: "
                + $"(institutions + 1) x forms must be at most {MaxProviderForms}; use fewer institutions or alternatives");
        }
    }
}
