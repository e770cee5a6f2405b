using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Loads a scenario folder (with its chain of bases) into a <see cref="ScenarioDefinition"/>. Everything is
/// validated before anything is returned, and every problem is collected, each with file, line and column.
/// Each file has its own loader in Loading/; this method states the order they run in.
/// </summary>
public static class ScenarioLoader
{
    /// <param name="folder">The scenario folder, as the user gave it (error messages use this path).</param>
    /// <param name="overrides">Parameter values from --set name=value, applied after every parameters.csv.</param>
    public static ScenarioLoadResult Load(string folder, IReadOnlyList<(string Name, string Value)>? overrides = null)
    {
        var load = new ScenarioLoad(folder);
        var settings = new ParameterSettings(load);
        if (!BaseChain.Resolve(load, settings))
        {
            return load.Result(null, settings);
        }
        settings.ApplyOverrides(overrides ?? []);
        var parameters = settings.Parameters();
        settings.CrossCheck(parameters);

        var organisations = OrganisationsLoader.Load(load, out var organisationNames);
        var archetypes = ActorsLoader.Load(load, organisationNames);
        var components = ComponentsLoader.Load(load, settings.HorizonKnown ? parameters.StartYear : null);
        var events = EventsLoader.Load(load, organisationNames, parameters, settings.HorizonKnown);
        var groups = GroupsLoader.Load(load, components);
        var population = PopulationLoader.Load(load);
        ReferenceChecks.FormCounts(load, organisations, components);
        var observed = ObservedFile.Rows(load.Open(ScenarioFormat.Observed), load.Errors);

        var scenario = load.Errors.Count == 0
            ? new ScenarioDefinition(load.ScenarioName, parameters, organisations, archetypes, components, events)
            {
                Groups = groups,
                EligiblePopulation = population,
            }
            : null;
        if (scenario is not null)
        {
            CheckSize(load, ScenarioSize.Of(scenario));
        }
        return load.Result(load.Errors.Count == 0 ? scenario : null, settings, observed);
    }

    /// <summary>Counts within the model's limits, and one run within the machine's memory (<see cref="ScenarioSize"/>).</summary>
    private static void CheckSize(ScenarioLoad load, ScenarioSize size)
    {
        foreach (var (file, message) in size.Limits())
        {
            load.Error(load.Chain[0].FileDisplay(file), 0, 0, message);
        }
        if (load.Errors.Count == 0 && size.MemoryProblem(1, ScenarioSize.AvailableBytes) is { } memory)
        {
            load.Error(load.Chain[0].DisplayPath, 0, 0, memory);
        }
    }
}
