using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Structural comparison of scenarios. Records compare their lists by reference, so two scenarios read
/// from the same files are never <c>==</c>; this compares what they hold, value by value (doubles exactly).
/// </summary>
public static class ScenarioComparison
{
    public static bool Equal(ScenarioDefinition a, ScenarioDefinition b) => Differences(a, b).Count == 0;

    /// <summary>Each difference in words, such as "parameter imitation: 0.38 vs 0.5"; empty when equal.</summary>
    public static IReadOnlyList<string> Differences(ScenarioDefinition a, ScenarioDefinition b)
    {
        var d = new List<string>();
        if (a.Name != b.Name)
        {
            d.Add($"name: '{a.Name}' vs '{b.Name}'");
        }
        d.AddRange(ParameterDifferences(a.Parameters, b.Parameters));
        d.AddRange(SectionDifferences(ScenarioFormat.OrganisationsFile, a, b));
        d.AddRange(SectionDifferences(ScenarioFormat.ActorsFile, a, b));
        d.AddRange(SectionDifferences(ScenarioFormat.ComponentsFile, a, b));
        d.AddRange(SectionDifferences(ScenarioFormat.EventsFile, a, b));
        d.AddRange(SectionDifferences(ScenarioFormat.GroupsFile, a, b));
        d.AddRange(SectionDifferences(ScenarioFormat.PopulationFile, a, b));
        return d;
    }

    public static IEnumerable<string> ParameterDifferences(ModelParameters a, ModelParameters b) =>
        ParameterCatalog.All
            .Where(s => s.Get(a) != s.Get(b))
            .Select(s => $"parameter {s.Name}: {ScenarioFormat.FormatParameter(s, a)} vs {ScenarioFormat.FormatParameter(s, b)}");

    /// <summary>Differences in what one scenario file holds: organisations, actors, components (with their alternatives) or events.</summary>
    public static IEnumerable<string> SectionDifferences(string file, ScenarioDefinition a, ScenarioDefinition b) => file switch
    {
        ScenarioFormat.OrganisationsFile => Lists("organisation", a.Organisations, b.Organisations, (x, y) => x == y),
        ScenarioFormat.ActorsFile => Lists("archetype", a.Archetypes, b.Archetypes, SameArchetype),
        ScenarioFormat.ComponentsFile or ScenarioFormat.AlternativesFile => Lists("component", a.Components, b.Components, SameComponent),
        ScenarioFormat.EventsFile => Lists("event", a.Events, b.Events, (x, y) => x == y),
        ScenarioFormat.GroupsFile => Lists("group", a.Groups, b.Groups, SameGroup),
        ScenarioFormat.PopulationFile => Lists("population row", a.EligiblePopulation, b.EligiblePopulation, (x, y) => x == y),
        _ => throw new ArgumentException($"'{file}' is not a data file of a scenario", nameof(file)),
    };

    private static IEnumerable<string> Lists<T>(string what, IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> same)
    {
        if (a.Count != b.Count)
        {
            yield return $"{what}s: {a.Count} vs {b.Count}";
            yield break;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!same(a[i], b[i]))
            {
                yield return $"{what} {i + 1}: {Show(a[i])} vs {Show(b[i])}";
            }
        }
    }

    private static bool SameArchetype(ArchetypeSpec x, ArchetypeSpec y) =>
        x.Name == y.Name && x.Organisation == y.Organisation && x.CountPerOrganisation == y.CountPerOrganisation
        && x.MotiveWeights.SequenceEqual(y.MotiveWeights) && x.Resources.SequenceEqual(y.Resources)
        && x.InitialSupport == y.InitialSupport && x.FidelityTolerance == y.FidelityTolerance
        && x.DecisionMaker == y.DecisionMaker && x.Broker == y.Broker;

    private static bool SameComponent(ComponentSpec x, ComponentSpec y) =>
        x.Name == y.Name && x.Importance == y.Importance && x.ChosenBy == y.ChosenBy && x.Alternatives.Count == y.Alternatives.Count
        && x.Alternatives.Zip(y.Alternatives).All(p =>
            p.First.Name == p.Second.Name && p.First.Fidelity == p.Second.Fidelity && p.First.Cost == p.Second.Cost
            && p.First.Appeal.SequenceEqual(p.Second.Appeal) && p.First.AvailableFrom == p.Second.AvailableFrom
            && p.First.AvailableTo == p.Second.AvailableTo && p.First.Right == p.Second.Right && p.First.NeedsSystems == p.Second.NeedsSystems
            && p.First.PersonEffort == p.Second.PersonEffort && p.First.StaffEffort == p.Second.StaffEffort);

    private static bool SameGroup(GroupSpec x, GroupSpec y) =>
        x with { Suits = null } == y with { Suits = null } && (x.Suits ?? []).SequenceEqual(y.Suits ?? []) && (x.Suits is null) == (y.Suits is null);

    private static string Show<T>(T item) => item switch
    {
        ArchetypeSpec x => $"{x} weights [{string.Join(", ", x.MotiveWeights)}] resources [{string.Join(", ", x.Resources)}]",
        ComponentSpec x => $"{x.Name} (importance {x.Importance}, chosen by {Names.Of(x.ChosenBy)}; alternatives "
            + string.Join("; ", x.Alternatives.Select(a => $"{a.Name} {a.Fidelity} {a.Cost} [{string.Join(", ", a.Appeal)}] "
                + $"from {a.AvailableFrom?.ToString() ?? "-"} to {a.AvailableTo?.ToString() ?? "-"} right {a.Right} systems {a.NeedsSystems} effort {a.PersonEffort}/{a.StaffEffort}")) + ")",
        GroupSpec x => $"{x with { Suits = null }} suits [{string.Join(", ", x.Suits ?? [])}]",
        _ => item?.ToString() ?? "null",
    };
}
