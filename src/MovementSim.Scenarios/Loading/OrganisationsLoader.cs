using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>Reads organisations.csv.</summary>
internal static class OrganisationsLoader
{
    /// <param name="names">Every name the file defines, valid or not; null when the names are unknown (file unusable).</param>
    public static List<OrganisationSpec> Load(ScenarioLoad load, out HashSet<string>? names)
    {
        var f = ScenarioFormat.Organisations;
        var list = new List<OrganisationSpec>();
        names = null;
        var reader = load.Open(f);
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
                row.Error(nameColumn, $"'{Echo.Value(name)}' cannot name an organisation: it is reserved for events that target everyone");
                ok = false;
            }
            else if (ok)
            {
                ok = ReferenceChecks.Unique(row, nameColumn, name, firstLine, "organisation");
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
}
