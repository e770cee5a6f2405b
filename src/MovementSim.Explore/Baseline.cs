using System.Text.Json;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>
/// What every change is compared with (the page's "unchanged" scenario): at first the scenario as it was when explore
/// started; after "Make this the baseline", the scenario as it then was (its files and the page's changes), reusing
/// the preview already run for it.
/// </summary>
/// <param name="Load">The scenario, loaded.</param>
/// <param name="Previewed">The scenario as its preview runs it (<see cref="Preview.Scaled"/>).</param>
/// <param name="Preview">Its preview: running, or done.</param>
/// <param name="Words">What it is, for the page: "the scenario as it was when explore started", or with the changes that made it.</param>
internal sealed record Baseline(ScenarioLoadResult Load, ScenarioDefinition Previewed, Task<Preview> Preview, string Words)
{
    /// <summary>The previewed scenario as JSON: a rerun of an identical scenario reuses the baseline's preview.</summary>
    public string Json { get; } = JsonSerializer.Serialize(Previewed);

    public const string AtStart = "the scenario as it was when explore started";

    /// <summary>The baseline's wording when it was made from the scenario with <paramref name="changes"/> on the page
    /// (and its files as they then were).</summary>
    public static string WordsFor(IReadOnlyList<(string Name, string Value)> changes, DateTime at) =>
        $"the scenario as it was at {at:HH:mm:ss}" + (changes.Count == 0 ? "" : ", with " + string.Join(", ", changes.Select(c => $"{c.Name} = {c.Value}")));
}
