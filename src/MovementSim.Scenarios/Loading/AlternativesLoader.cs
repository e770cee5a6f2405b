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
    public static AlternativesTable Load(ScenarioLoad load, HashSet<string>? componentNames)
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
                    row.Error(nameColumn, $"alternative '{name}' of component '{component}' is defined twice (first on line {first})");
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
                    row.Error(fidelityColumn, $"'{row.Raw(nameColumn)}' is the first alternative of component '{row.Raw(componentColumn)}', "
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
            if (ok)
            {
                if (!alternatives.TryGetValue(component, out var forComponent))
                {
                    alternatives[component] = forComponent = [];
                }
                forComponent.Add(new AlternativeSpec(name, fidelity, cost, appeal));
            }
        }
        return new AlternativesTable(true, mentioned, alternatives);
    }
}
