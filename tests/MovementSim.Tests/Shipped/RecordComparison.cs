using System.Globalization;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Shipped;

/// <summary>
/// A shipped scenario against its published figures: the mean of <c>replicates</c> runs (the seeds
/// `./run.sh batch scenarios/NAME --reps N` uses) at the step nearest each figure of its observed.csv.
/// </summary>
public static class RecordComparison
{
    /// <summary>One published figure and the replicate mean of its measure.</summary>
    public sealed record Row(Observation Figure, double Model)
    {
        /// <summary>The figure's year, measure, value, the model's mean, their ratio and whether it is within the tolerance.</summary>
        public string Line(bool within) => string.Create(CultureInfo.InvariantCulture,
            $"{Figure.Year,8} {Figure.Measure,-36} published {Figure.Value,12:G6} model {Model,12:G6} ({Model / Figure.Value,5:F2}) {(within ? "within" : "MISS")}");
    }

    public static IReadOnlyList<Row> MeanOfReplicates(string scenarioName, int replicates)
    {
        var loaded = ScenarioLoader.Load(RepoPaths.Scenario(scenarioName));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var scenario = loaded.Scenario!;
        var p = scenario.Parameters;
        var measures = new MeasureSet(scenario);
        var observed = loaded.Observed.Select(o => o.Observation).ToList();
        Assert.NotEmpty(observed);
        var steps = observed.Select(o => (int)Math.Round((o.Year - p.StartYear) / p.DtYears, MidpointRounding.AwayFromZero)).ToArray();
        var sums = new double[observed.Count];
        for (var r = 0; r < replicates; r++)
        {
            var sim = new Simulation(scenario, Seeds.RunSeed(Seeds.DefaultMasterSeed, 0, r));
            sim.Run((step, _, values) =>
            {
                for (var o = 0; o < observed.Count; o++)
                {
                    if (steps[o] == step)
                    {
                        sums[o] += values[measures.IndexOf(observed[o].Measure)];
                    }
                }
            });
        }
        return observed.Select((o, i) => new Row(o, sums[i] / replicates)).ToList();
    }
}
