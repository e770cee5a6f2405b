using MovementSim.Core;

namespace MovementSim.Batch;

/// <summary>
/// Runs each run twice with the same seed: first its counterfactual (<see cref="CounterfactualColumns.ScenarioOf"/>),
/// keeping the compared measures at every step, then the run itself, whose every step is reported with the
/// counterfactual's values and the differences appended (<see cref="CounterfactualColumns.Added"/>). The same seed
/// gives common random numbers: the model's draws are keyed by stream, step and agent, so the two runs differ only
/// where institutional take-up makes them differ, and the difference's spread over replicates is the take-up's own,
/// not two runs' noise added. A scenario whose institutions cannot adopt is its own counterfactual: it runs once and
/// every difference is 0.
/// </summary>
public sealed class CounterfactualExecutor(IRunExecutor inner) : IRunExecutor
{
    public IRunExecutor Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public void Execute(ScenarioDefinition scenario, int seed, MeasureObserver observer)
    {
        var measures = new MeasureSet(scenario);
        var compared = CounterfactualColumns.Compared.Select(measures.IndexOf).ToArray();
        var k = compared.Length;
        var n = measures.Count;
        var row = new double[n + 2 * k];
        if (scenario.Parameters.InstitutionalAdoption == 0)
        {
            Inner.Execute(scenario, seed, (step, year, values) =>
            {
                values.CopyTo(row);
                for (var j = 0; j < k; j++)
                {
                    row[n + 2 * j] = values[compared[j]];
                    row[n + 2 * j + 1] = 0;
                }
                observer(step, year, row);
            });
            return;
        }

        // One short row per step of the compared measures: a few dozen doubles per step, not a second world.
        var kept = new List<double>(k * (scenario.Parameters.Steps + 1));
        Inner.Execute(CounterfactualColumns.ScenarioOf(scenario), seed, (_, _, values) =>
        {
            foreach (var m in compared)
            {
                kept.Add(values[m]);
            }
        });
        Inner.Execute(scenario, seed, (step, year, values) =>
        {
            if ((step + 1) * k > kept.Count)
            {
                throw new InvalidOperationException($"the counterfactual run ended at step {kept.Count / k - 1}, before step {step} of the run");
            }
            values.CopyTo(row);
            for (var j = 0; j < k; j++)
            {
                var counterfactual = kept[step * k + j];
                row[n + 2 * j] = counterfactual;
                row[n + 2 * j + 1] = values[compared[j]] - counterfactual;
            }
            observer(step, year, row);
        });
    }
}
