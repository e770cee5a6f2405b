using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>What alternatives.csv holds, by component.</summary>
/// <param name="Usable">The file was read and has every required column.</param>
/// <param name="Mentioned">Every component a row names, valid or not.</param>
/// <param name="Of">The valid alternatives of each component, original first.</param>
internal sealed record AlternativesTable(bool Usable, HashSet<string> Mentioned, Dictionary<string, List<AlternativeSpec>> Of);

/// <summary>Reads alternatives.csv. The first row naming a component is its original.</summary>
internal static class AlternativesLoader
{
    /// <param name="componentNames">The names components.csv defines; null when unknown (no reference is checked).</param>
    /// <param name="startYear">The run's start_year, when known: an original must exist from it.</param>
    public static AlternativesTable Load(ScenarioLoad load, HashSet<string>? componentNames, double? startYear)
    {
        var af = ScenarioFormat.Alternatives;
        var alternatives = new Dictionary<string, List<AlternativeSpec>>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        var reader = load.Open(af);
        if (reader is not { Usable: true })
        {
            return new AlternativesTable(false, mentioned, alternatives);
        }
        var appealColumns = Names.Motives.Select(m => af["appeal_" + m]).ToArray();
        var componentColumn = af["component"];
        var nameColumn = af["alternative"];
        var fidelityColumn = af["fidelity"];
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in reader.Rows)
        {
            // The first row naming a component is its original, whether or not the row is valid.
            var isOriginal = mentioned.Add(row.Raw(componentColumn));
            if (!row.Complete)
            {
                continue;
            }
            var ok = row.Reference(componentColumn, out var component);
            if (ok && componentNames is not null && !componentNames.Contains(component))
            {
                row.Error(componentColumn, ReferenceChecks.UnknownReference("component", component, ScenarioFormat.ComponentsFile, componentNames));
                ok = false;
            }
            var named = row.Name(nameColumn, out var name);
            if (named && ok)
            {
                var key = component + "\u0000" + name;
                if (firstLine.TryGetValue(key, out var first))
                {
                    row.Error(nameColumn, $"alternative '{Echo.Value(name)}' of component '{Echo.Value(component)}' is defined twice (first on line {first})");
                    named = false;
                }
                else
                {
                    firstLine[key] = row.Line;
                }
            }
            ok &= named;
            if (row.Real(fidelityColumn, out var fidelity))
            {
                // An unknown component has no original to check; its reference error says enough.
                if (isOriginal && ok && fidelity != 1)
                {
                    row.Error(fidelityColumn, $"'{Echo.Value(row.Raw(nameColumn))}' is the first alternative of component '{Echo.Value(row.Raw(componentColumn))}', "
                        + $"so it is the original and its fidelity must be 1, not {row.Raw(fidelityColumn)}");
                    ok = false;
                }
            }
            else
            {
                ok = false;
            }
            ok &= row.Real(af["cost"], out var cost);
            var appeal = new double[appealColumns.Length];
            for (var i = 0; i < appeal.Length; i++)
            {
                ok &= row.Real(appealColumns[i], out appeal[i]);
            }
            ok &= Dates(row, isOriginal, startYear, out var from, out var to);
            ok &= row.OptionalFlag(af["right"], out var right);
            ok &= row.OptionalFlag(af["needs_systems"], out var needsSystems);
            if (isOriginal && needsSystems)
            {
                // Before its systems an institution must still be able to offer something: the original.
                row.Error(af["needs_systems"], $"'{Echo.Value(row.Raw(nameColumn))}' is the original of its component, which every institution can offer: "
                    + "needs_systems must be empty or 0 for it");
                ok = false;
            }
            ok &= row.OptionalReal(af["person_effort"], out var personEffort);
            ok &= row.OptionalReal(af["staff_effort"], out var staffEffort);
            if (ok)
            {
                if (!alternatives.TryGetValue(component, out var forComponent))
                {
                    alternatives[component] = forComponent = [];
                }
                if (forComponent.Count == Rules.MaxAlternatives)
                {
                    row.Error(nameColumn, $"component '{Echo.Value(component)}' has more than {Rules.MaxAlternatives} alternatives: at most {Rules.MaxAlternatives} are allowed");
                    continue;
                }
                forComponent.Add(new AlternativeSpec(name, fidelity, cost, appeal)
                {
                    AvailableFrom = from,
                    AvailableTo = to,
                    Right = right,
                    NeedsSystems = needsSystems,
                    PersonEffort = personEffort ?? 0,
                    StaffEffort = staffEffort ?? 0,
                });
            }
        }
        return new AlternativesTable(true, mentioned, alternatives);
    }

    /// <summary>The years an alternative exists: available_to after available_from, and an original that exists from
    /// the run's start and never ends.</summary>
    private static bool Dates(RowReader row, bool isOriginal, double? startYear, out double? from, out double? to)
    {
        var af = ScenarioFormat.Alternatives;
        var ok = row.OptionalReal(af["available_from"], out from) & row.OptionalReal(af["available_to"], out to);
        if (ok && from is { } f && to is { } t && t <= f)
        {
            row.Error(af["available_to"], $"available_to ({row.Raw(af["available_to"])}) must be after available_from ({row.Raw(af["available_from"])})");
            ok = false;
        }
        if (ok && isOriginal && from is { } start && startYear is { } runStart && start > runStart)
        {
            row.Error(af["available_from"], $"'{Echo.Value(row.Raw(af["alternative"]))}' is the original of component '{Echo.Value(row.Raw(af["component"]))}', "
                + $"which the movement offers from the start: available_from ({row.Raw(af["available_from"])}) must be empty or at most start_year = {PlainNumber.Format(runStart)}");
            ok = false;
        }
        if (ok && isOriginal && to is not null)
        {
            row.Error(af["available_to"], $"'{Echo.Value(row.Raw(af["alternative"]))}' is the original of component '{Echo.Value(row.Raw(af["component"]))}', "
                + "which the movement always offers: it cannot stop existing, so available_to must be empty");
            ok = false;
        }
        return ok;
    }
}
