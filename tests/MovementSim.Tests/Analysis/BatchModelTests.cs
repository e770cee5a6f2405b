using MovementSim.Analysis;
using MovementSim.Analysis.Calibration;
using MovementSim.Analysis.Model;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class BatchModelTests
{
    private static readonly ParameterSpec Imitation = ParameterCatalog.Find("imitation")!;
    private static readonly ParameterSpec People = ParameterCatalog.Find("people")!;

    private static VariedParameter Varied(ParameterSpec spec, double min, double max) => new(spec, new ParameterRange(spec.Name, min, max));

    /// <summary>A fake run whose every measure is seed % 1000 + step / 100, so replicate means are known exactly.</summary>
    private static FakeExecutor Executor() => new();

    private static BatchModel Model(FakeExecutor executor, int replicates = 3) => new(new BatchModelSettings
    {
        Scenario = BatchFixtures.Tiny(people: 50, steps: 10),
        Parameters = [Varied(Imitation, 0, 1)],
        Replicates = replicates,
        MasterSeed = 7,
        Jobs = 2,
        Executor = executor,
        WriteSnapshot = _ => { },
    });

    [Fact]
    public void Common_random_numbers_give_replicate_r_of_every_design_point_the_same_seed()
    {
        var points = new[] { new[] { 0.1 }, [0.5], [0.9] };
        var common = Design.Explicit([Imitation], points, 4, 7, commonRandomNumbers: true);
        var independent = Design.Explicit([Imitation], points, 4, 7, commonRandomNumbers: false);

        for (var r = 0; r < 4; r++)
        {
            Assert.Equal(Seeds.RunSeed(7, 0, r), common.Run(2 * 4 + r).Seed);
            Assert.Equal(common.Run(r).Seed, common.Run(4 + r).Seed);
            Assert.Equal(Seeds.RunSeed(7, 2, r), independent.Run(2 * 4 + r).Seed);
        }
        Assert.Equal("design_point,imitation\n0,0.1\n1,0.5\n2,0.9\n", common.ToCsv());
    }

    [Theory]
    [InlineData(10.5, "design point 0: people = 10.5 is not valid: it must be an integer from 1 to 50000000")] // not whole
    [InlineData(0.0, "design point 0: people = 0 is not valid")] // below the range
    public void An_explicit_design_refuses_a_value_the_model_cannot_take(double value, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => Design.Explicit([People], [[value]], 1, 1, true));

        Assert.StartsWith(expected, e.Message);
    }

    [Theory]
    [InlineData(10.4, 10)] // down
    [InlineData(10.5, 11)] // halves away from zero
    [InlineData(0.2, 1)] // kept in the valid range
    public void Integer_parameters_are_rounded_to_whole_numbers_when_run(double value, double run)
    {
        Assert.Equal(run, Varied(People, 0.2, 100).ToModel(value));
    }

    [Fact]
    public void Replicate_means_read_from_runs_csv_and_from_timeseries_csv_are_the_replicate_averages()
    {
        using var tmp = new TempFolder();
        var model = Model(Executor());
        var seeds = Enumerable.Range(0, 3).Select(r => Seeds.RunSeed(7, 0, r)).ToArray();
        double Expected(int step) => seeds.Average(s => s % 1000 + step / 100.0);

        var final = model.Run([[0.2], [0.7]], [new MeasureAt("reach", 10), new MeasureAt("fidelity", 10)], tmp.Sub("final"));
        var middle = model.Run([[0.2], [0.7]], [new MeasureAt("reach", 4), new MeasureAt("reach", 10)], tmp.Sub("middle"));

        Assert.Equal(Expected(10), final[0][0], 12);
        Assert.Equal(Expected(10), final[1][1], 12);
        Assert.Equal(Expected(4), middle[1][0], 12);
        Assert.Equal(final[1][0], middle[1][1], 12);
        Assert.False(File.Exists(tmp.Sub("final/summary.csv")));
    }

    [Fact]
    public void A_run_that_throws_stops_the_analysis_naming_the_failures_file()
    {
        using var tmp = new TempFolder();
        var model = Model(new FakeExecutor { Fails = (_, seed) => seed == Seeds.RunSeed(7, 0, 1) });

        var e = Assert.Throws<RunsFailedException>(() => model.Run([[0.2], [0.4]], [new MeasureAt("reach", 10)], tmp.Sub("runs")));

        Assert.Equal(2, e.Failed); // replicate 1 of both points: they share its seed
        Assert.Contains(Path.Combine(tmp.Sub("runs"), "failures.csv"), e.Message);
    }

    [Fact]
    public void The_calibration_memory_answers_points_simulated_before_and_drops_a_half_written_last_line()
    {
        using var tmp = new TempFolder();
        var executor = Executor();
        var observed = new[] { new CalibrationTarget(new Observation(0.5, "reach", 1, 1), 5, default) };
        var first = new ModelMeasures(Model(executor), observed, tmp.Path);
        first.Simulate([[0.2], [0.4]], first.Observations);
        Assert.Equal(6, executor.Executed);
        File.AppendAllText(tmp.Sub(ModelMeasures.EvaluationsFile), "2,0.9,0.1,12");

        var again = new ModelMeasures(Model(executor), observed, tmp.Path);
        var values = again.Simulate([[0.4], [0.2], [0.6]], again.Observations);

        Assert.Equal(9, executor.Executed); // only the new point ran
        Assert.Equal(3, again.PointsSimulated);
        Assert.Equal(first.Simulate([[0.4]], first.Observations)[0], values[0]);
        Assert.Equal(4, File.ReadAllLines(tmp.Sub(ModelMeasures.EvaluationsFile)).Length);
    }
}
