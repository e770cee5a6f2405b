using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting;
using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>A finished preview: its result folder, loaded, and the report's headline sentence for it.</summary>
public sealed record Preview(ResultFolder Results, string Headline)
{
    /// <summary>The preview's settings in words, for the page: "5 replicates of 20,000 people".</summary>
    public static string InWords(int replicates, int people) =>
        $"{replicates} replicate{(replicates == 1 ? "" : "s")} of {Format.Count(people)} people";

    /// <summary>How a preview of the scenario runs, in words: "5 replicates of 20,000 people".</summary>
    public static string Words(ScenarioDefinition scenario, ExploreSettings settings) =>
        InWords(settings.Replicates, Math.Min(scenario.Parameters.People, settings.PreviewPeople));

    /// <summary>The page's note on what a preview is and how to get the full result.</summary>
    public static string Note(ScenarioDefinition scenario, ExploreSettings settings)
    {
        var people = scenario.Parameters.People;
        var note = $"Preview: {Words(scenario, settings)} each, changed and unchanged alike (the same random numbers, run by run)";
        if (people > settings.PreviewPeople)
        {
            note += $"; the scenario has {Format.Count(people)} people, previews run at most " +
                    $"{Format.Count(settings.PreviewPeople)} (--people)";
        }
        return note + $"; every run is paired with its counterfactual. For the full result, save as a scenario and run the command it prints " +
               $"({DesignRequest.DefaultReplicates} replicates at full size).";
    }

    /// <summary>The scenario as a preview runs it: at most <paramref name="maxPeople"/> people.</summary>
    public static ScenarioDefinition Scaled(ScenarioDefinition scenario, int maxPeople) =>
        scenario.Parameters.People <= maxPeople ? scenario : scenario with { Parameters = scenario.Parameters with { People = maxPeople } };

    /// <summary>What the report leads with: the answer against the scenario's own counterfactual (<see cref="TakeUpAnswer"/>),
    /// then what happened (<see cref="Reporting.Headline.Sentence"/>).</summary>
    public static string HeadlineOf(ResultFolder results) =>
        TakeUpAnswer.Of(results.Primary).Sentence + " " + Reporting.Headline.Sentence(results, results.Primary);

    /// <summary>
    /// Runs the scenario as <c>batch --counterfactual</c> runs it without a sweep (one design point, the default master seed, so the
    /// changed and unchanged scenarios share their random numbers replicate by replicate) into <paramref name="folder"/>,
    /// with a snapshot of exactly what ran, and loads the result as the report does.
    /// </summary>
    /// <exception cref="OperationCanceledException">A newer change came: the folder is left for the caller to delete.</exception>
    /// <exception cref="PreviewException">Some runs failed.</exception>
    public static Preview Run(ScenarioDefinition scenario, ExploreSettings settings, string folder, CancellationToken cancel)
    {
        var design = new Design(DesignMethod.FullFactorial, [], [new DesignPoint(0, [])], settings.Replicates, Seeds.DefaultMasterSeed);
        var request = new BatchRequest
        {
            Scenario = scenario,
            Design = design,
            OutputDirectory = folder,
            Jobs = settings.Jobs,
            CommandLine = $"movementsim explore {settings.ScenarioFolder} (preview)",
            WriteSnapshot = snapshot => ScenarioWriter.WriteFolder(scenario, snapshot),
            // Each run paired with the same world without institutional take-up, as suite runs every scenario, so that
            // the headline answers the source's question against the scenario's own counterfactual.
            Counterfactual = true,
        };
        var outcome = BatchRunner.Run(request, cancel: cancel);
        if (!outcome.AllSucceeded)
        {
            throw new PreviewException($"{outcome.RunsFailed} of {outcome.RunsTotal} preview runs failed: see {Path.Combine(outcome.OutputDirectory, ResultFiles.Failures)}");
        }
        var results = ResultFolder.Load(outcome.OutputDirectory);
        return new Preview(results, HeadlineOf(results));
    }
}
