using System.Globalization;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using MovementSim.Tests.Analysis;
using Xunit;

namespace MovementSim.Tests.Batch;

/// <summary>
/// A batch run with its counterfactual (<see cref="BatchRequest.Counterfactual"/>): each run paired, by seed, with the same
/// world without institutional take-up. Cases where the sign of the difference is known without running: bass-docking has
/// no movement, so its counterfactual reaches nobody and the difference is the take-up's own value; an institutional form
/// worse than the status quo loses net benefit while it reaches more people; a scenario without institutional adoption is
/// its own counterfactual.
/// </summary>
public class CounterfactualTests
{
    private const int Replicates = 3;

    /// <summary>bass-docking cut to 2000 people and 50 steps (as the analysis tests use it).</summary>
    private static ScenarioDefinition BassDocking()
    {
        var loaded = ScenarioLoader.Load(AnalysisFixture.BassDocking, [("people", "2000"), ("steps", "50")]);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Scenario!;
    }

    private static string RunBatch(TempFolder tmp, ScenarioDefinition scenario, bool counterfactual = true, int jobs = 1, string name = "out")
    {
        var design = DesignExpansion.Expand(null, scenario.Parameters, new DesignRequest(Seeds.DefaultMasterSeed, Replicates)).Design!;
        var outcome = BatchRunner.Run(BatchFixtures.Request(tmp.Sub(name), design, jobs, scenario: scenario) with { Counterfactual = counterfactual });
        Assert.True(outcome.AllSucceeded);
        return outcome.OutputDirectory;
    }

    private static double Value(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    [Fact]
    public void The_counterfactual_adds_its_value_and_the_difference_of_each_compared_measure_to_every_result_file()
    {
        using var tmp = new TempFolder();
        var folder = RunBatch(tmp, BassDocking());

        var measures = new MeasureSet(BassDocking()).Names;
        Assert.Equal(string.Join(",", ["run_id", "design_point", "replicate", "seed", "step", "year", .. measures, .. CounterfactualColumns.Added]),
            File.ReadLines(Path.Combine(folder, ResultFiles.Timeseries)).First());
        Assert.Equal(
            ["reach_counterfactual", "reach_difference", "fidelity_counterfactual", "fidelity_difference", "net_benefit_counterfactual",
             "net_benefit_difference", "lost_counterfactual", "lost_difference", "people_reached_counterfactual", "people_reached_difference",
             "people_lost_counterfactual", "people_lost_difference"],
            CounterfactualColumns.Added);
        var runs = AnalysisFixture.ReadCsv(Path.Combine(folder, ResultFiles.Runs));
        Assert.All(CounterfactualColumns.Added, c => Assert.True(runs[0].ContainsKey("final_" + c), $"runs.csv has no final_{c}"));
        var summarised = File.ReadLines(Path.Combine(folder, ResultFiles.Summary)).Skip(1).Select(l => l.Split(',')[3]).ToHashSet();
        Assert.Superset(CounterfactualColumns.Added.ToHashSet(), summarised);
        Assert.Contains("\"counterfactual\": true", File.ReadAllText(Path.Combine(folder, ResultFiles.Manifest)));
    }

    [Fact]
    public void Without_a_movement_the_counterfactual_reaches_nobody_so_the_difference_is_the_take_ups_own_value_and_positive()
    {
        using var tmp = new TempFolder();
        var runs = AnalysisFixture.ReadCsv(Path.Combine(RunBatch(tmp, BassDocking()), ResultFiles.Runs));

        Assert.Equal(Replicates, runs.Count);
        foreach (var run in runs)
        {
            foreach (var m in CounterfactualColumns.Compared)
            {
                Assert.Equal(0, Value(run, "final_" + CounterfactualColumns.Of(m)));
                Assert.Equal(Value(run, "final_" + m), Value(run, "final_" + CounterfactualColumns.DifferenceOf(m)));
            }
            Assert.True(Value(run, "final_net_benefit_difference") > 0, $"net benefit difference {run["final_net_benefit_difference"]}, expected above 0");
        }
    }

    [Fact]
    public void An_institutional_form_below_the_status_quo_reaches_more_people_and_loses_net_benefit_in_every_replicate()
    {
        // Fidelity 0.3 against a status quo worth 0.6: each recipient gains benefit(0.3) - benefit(0.6) = -0.3, so net
        // benefit is -0.3 × reach, below the counterfactual's 0 as soon as anyone is reached.
        var scenario = BassDocking();
        var worse = scenario with
        {
            Parameters = scenario.Parameters with { StatusQuoFidelity = 0.6 },
            Components = scenario.Components.Select(c => c with { Alternatives = c.Alternatives.Select(a => a with { Fidelity = 0.3 }).ToArray() }).ToArray(),
        };
        using var tmp = new TempFolder();
        var runs = AnalysisFixture.ReadCsv(Path.Combine(RunBatch(tmp, worse), ResultFiles.Runs));

        foreach (var run in runs)
        {
            Assert.True(Value(run, "final_reach_difference") > 0, $"reach difference {run["final_reach_difference"]}, expected above 0");
            Assert.True(Value(run, "final_net_benefit_difference") < 0, $"net benefit difference {run["final_net_benefit_difference"]}, expected below 0");
            Assert.Equal(-0.3 * Value(run, "final_reach"), Value(run, "final_net_benefit_difference"), 12);
        }
    }

    [Fact]
    public void A_scenario_without_institutional_adoption_is_its_own_counterfactual_every_difference_exactly_0()
    {
        var scenario = BassDocking();
        using var tmp = new TempFolder();
        var runs = AnalysisFixture.ReadCsv(Path.Combine(RunBatch(tmp, scenario with { Parameters = scenario.Parameters with { InstitutionalAdoption = 0, InitialReach = 0.05, MovementCapacity = 0.1, MovementCapacityMax = 0.1 } }), ResultFiles.Runs));

        foreach (var run in runs)
        {
            Assert.True(Value(run, "final_reach") > 0, "the movement reaches someone");
            foreach (var m in CounterfactualColumns.Compared)
            {
                Assert.Equal(0, Value(run, "final_" + CounterfactualColumns.DifferenceOf(m)));
                Assert.Equal(Value(run, "final_" + m), Value(run, "final_" + CounterfactualColumns.Of(m)));
            }
        }
    }

    [Fact]
    public void The_counterfactual_is_the_same_seed_run_without_institutional_adoption_bit_for_bit_and_jobs_do_not_change_the_bytes()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("direct-payments"), [("people", "3000"), ("steps", "70")]).Scenario!;
        using var tmp = new TempFolder();
        var paired = RunBatch(tmp, scenario, jobs: 1, name: "paired");
        var pairedTwoJobs = RunBatch(tmp, scenario, jobs: 2, name: "paired2");
        var alone = RunBatch(tmp, CounterfactualColumns.ScenarioOf(scenario), counterfactual: false, name: "alone");

        var withCounterfactual = AnalysisFixture.ReadCsv(Path.Combine(paired, ResultFiles.Timeseries));
        var movementAlone = AnalysisFixture.ReadCsv(Path.Combine(alone, ResultFiles.Timeseries));
        Assert.Equal(movementAlone.Count, withCounterfactual.Count);
        for (var i = 0; i < movementAlone.Count; i++)
        {
            Assert.Equal(movementAlone[i]["seed"], withCounterfactual[i]["seed"]);
            foreach (var m in CounterfactualColumns.Compared)
            {
                Assert.Equal(movementAlone[i][m], withCounterfactual[i][CounterfactualColumns.Of(m)]);
            }
        }
        foreach (var file in new[] { ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary })
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(paired, file), Path.Combine(pairedTwoJobs, file)), $"{file} differs between --jobs 1 and 2");
        }
    }

    [Fact]
    public void A_batch_with_its_counterfactual_is_a_different_batch_the_same_folder_refuses_to_resume_without_it()
    {
        using var tmp = new TempFolder();
        RunBatch(tmp, BassDocking());

        var refused = Assert.Throws<OutputFolderException>(() => RunBatch(tmp, BassDocking(), counterfactual: false));

        Assert.Contains("counterfactual", refused.Message);
    }
}
