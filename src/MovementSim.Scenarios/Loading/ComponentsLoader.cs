using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>Reads components.csv, then alternatives.csv, and joins each component with its alternatives.</summary>
internal static class ComponentsLoader
{
    /// <param name="startYear">The run's start_year when known (originals must exist from it).</param>
    public static List<ComponentSpec> Load(ScenarioLoad load, double? startYear)
    {
        var cf = ScenarioFormat.Components;
        var components = new List<(string Name, double Importance, Chooser ChosenBy, int Line)>();
        HashSet<string>? componentNames = null;
        var componentsReader = load.Open(cf);
        if (componentsReader is { Usable: true })
        {
            componentNames = new HashSet<string>(StringComparer.Ordinal);
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            var nameColumn = cf["component"];
            foreach (var row in componentsReader.Rows)
            {
                if (!row.Complete)
                {
                    componentNames.Add(row.Raw(nameColumn));
                    continue;
                }
                var ok = row.Name(nameColumn, out var name) && ReferenceChecks.Unique(row, nameColumn, name, firstLine, "component");
                componentNames.Add(name);
                ok &= row.Real(cf["importance"], out var importance);
                ok &= row.OptionalChoice(cf["chosen_by"], Names.Of, Chooser.Person, out var chosenBy);
                if (ok)
                {
                    components.Add((name, importance, chosenBy, row.Line));
                }
            }
            if (componentsReader.Table.Rows.Count == 0)
            {
                componentsReader.Error(componentsReader.HeaderLine, 0, "no components: at least one is required");
            }
        }

        var alternatives = AlternativesLoader.Load(load, componentNames, startYear);

        var result = new List<ComponentSpec>();
        foreach (var (name, importance, chosenBy, line) in components)
        {
            if (alternatives.Usable && !alternatives.Mentioned.Contains(name))
            {
                componentsReader!.Error(line, componentsReader.IndexOf(cf["component"]) + 1,
                    $"component '{Echo.Value(name)}' has no alternatives in {ScenarioFormat.AlternativesFile}: it needs at least its original (fidelity 1)");
            }
            result.Add(new ComponentSpec(name, importance, alternatives.Of.TryGetValue(name, out var list) ? list : []) { ChosenBy = chosenBy });
        }
        var forms = FormTable.CountOf(result);
        if (forms > FormTable.MaxForms && componentsReader is not null)
        {
            componentsReader.Error(componentsReader.HeaderLine, 0, $"the innovation has {forms} forms (the product of its components' "
                + $"numbers of alternatives): at most {FormTable.MaxForms} are allowed; merge or drop alternatives");
        }
        return result;
    }
}
