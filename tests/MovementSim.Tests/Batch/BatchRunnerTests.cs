using MovementSim.Batch;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Tests.Batch;

public class BatchRunnerTests
{
    private static readonly string[] Deterministic =
        [ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary, ResultFiles.Design];

    private static void AssertSameFiles(string expectedFolder, string actualFolder, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var expected = File.ReadAllBytes(Path.Combine(expectedFolder, name));
            var actual = File.ReadAllBytes(Path.Combine(actualFolder, name));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs between {expectedFolder} and {actualFolder}");
        }
    }

    [Fact]
    public void One_job_and_two_jobs_write_byte_identical_results_with_the_real_simulation()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 3);

        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("one"), design, jobs: 1));
        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("two"), design, jobs: 2));

        AssertSameFiles(tmp.Sub("one"), tmp.Sub("two"), Deterministic);
        Assert.False(Directory.Exists(Path.Combine(tmp.Sub("one"), ResultFiles.Parts)));
    }

    [Fact]
    public void Three_shards_merged_equal_the_unsharded_batch_byte_for_byte()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 4);
        var executor = new FakeExecutor { Fails = (_, seed) => seed == design.Run(5).Seed };
        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("whole"), design, jobs: 2) with { Executor = executor });

        var shards = Enumerable.Range(0, 3).Select(k => tmp.Sub($"shard{k}")).ToArray();
        for (var k = 0; k < 3; k++)
        {
            BatchRunner.Run(BatchFixtures.Request(shards[k], design, jobs: 2, shard: new Shard(k, 3)) with { Executor = executor });
        }
        var merged = ResultMerger.Merge([shards[2], shards[0], shards[1]], tmp.Sub("merged"));

        Assert.Equal(1, merged.RunsFailed);
        AssertSameFiles(tmp.Sub("whole"), tmp.Sub("merged"), [.. Deterministic, ResultFiles.Failures]);
        Assert.False(File.Exists(Path.Combine(shards[0], ResultFiles.Summary)));
    }

    [Fact]
    public void Merge_refuses_shards_of_different_batches_and_incomplete_sets()
    {
        using var tmp = new TempFolder();
        var executor = new FakeExecutor();
        BatchRequest Shard(string name, int k, int seed) =>
            BatchFixtures.Request(tmp.Sub(name), BatchFixtures.TwoPointDesign(2, seed), shard: new Shard(k, 2)) with { Executor = executor };
        BatchRunner.Run(Shard("a0", 0, 7));
        BatchRunner.Run(Shard("a1", 1, 7));
        BatchRunner.Run(Shard("b1", 1, 8));

        var mismatch = Assert.Throws<MergeException>(() => ResultMerger.Merge([tmp.Sub("a0"), tmp.Sub("b1")], tmp.Sub("m1")));
        var missing = Assert.Throws<MergeException>(() => ResultMerger.Merge([tmp.Sub("a0")], tmp.Sub("m2")));
        var twice = Assert.Throws<MergeException>(() => ResultMerger.Merge([tmp.Sub("a0"), tmp.Sub("a0")], tmp.Sub("m3")));

        Assert.Contains("shards of different batches", mismatch.Message);
        Assert.Contains("master_seed: 7 vs 8", mismatch.Message);
        Assert.Contains("shards 1/2 are missing", missing.Message);
        Assert.Contains("shard 0/2 is given twice", twice.Message);
    }

    [Fact]
    public void When_a_failure_message_holds_a_comma_and_quotes_then_failures_csv_quotes_the_error_field()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 1);
        var failing = design.Run(1);
        var executor = new FakeExecutor { Fails = (_, seed) => seed == failing.Seed, FailureMessage = _ => "bad \"x\", expected y" };

        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = executor });

        Assert.Equal(
            $"run_id,design_point,replicate,seed,error\n1,1,0,{failing.Seed},\"System.InvalidOperationException: bad \"\"x\"\", expected y\"\n",
            File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Failures)));
    }

    [Fact]
    public void When_a_design_point_has_one_replicate_then_summary_csv_holds_NaN_for_its_sd_and_interval()
    {
        using var tmp = new TempFolder();

        BatchRunner.Run(BatchFixtures.Request(tmp.Path, BatchFixtures.TwoPointDesign(replicates: 1)) with { Executor = new FakeExecutor() });

        var row = File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Summary)).Skip(1).First().Split(',');
        Assert.Equal(("1", "NaN", "NaN", "NaN"), (row[4], row[6], row[10], row[11]));
    }

    [Fact]
    public void A_failing_run_is_recorded_with_its_seed_and_error_and_the_batch_goes_on()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 3);
        var failing = design.Run(4);
        var executor = new FakeExecutor { Fails = (_, seed) => seed == failing.Seed };

        var outcome = BatchRunner.Run(BatchFixtures.Request(tmp.Path, design, jobs: 2) with { Executor = executor });

        Assert.Equal((6, 1), (outcome.RunsExecuted, outcome.RunsFailed));
        Assert.Equal(
            $"run_id,design_point,replicate,seed,error\n4,1,1,{failing.Seed},System.InvalidOperationException: injected failure for seed {failing.Seed}\n",
            File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Failures)));
        var runIds = File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Runs)).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(["0", "1", "2", "3", "5"], runIds);
        Assert.DoesNotContain(File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Timeseries)), l => l.StartsWith("4,", StringComparison.Ordinal));
        Assert.Equal("2", File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Summary)).Last(l => l.StartsWith("1,", StringComparison.Ordinal)).Split(',')[4]); // n: 3 replicates, 1 failed
    }

    [Fact]
    public void A_batch_interrupted_mid_way_resumes_only_the_missing_runs_and_ends_identical()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 10);
        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("clean"), design) with { Executor = new FakeExecutor() });

        using var cancel = new CancellationTokenSource();
        var first = new FakeExecutor { BeforeRun = n => { if (n == 8) cancel.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            BatchRunner.Run(BatchFixtures.Request(tmp.Sub("resumed"), design) with { Executor = first }, cancel: cancel.Token));
        // What a kill during a write leaves behind: a temporary file, and a timeseries part without its completion marker.
        var parts = Path.Combine(tmp.Sub("resumed"), ResultFiles.Parts);
        File.WriteAllText(Path.Combine(parts, "12.ts.tmp"), "12,1,2,99,0,2000,0.5");
        File.WriteAllText(PartFiles.Timeseries(parts, 13), "13,1,3,99,0,2000,garbage\n");

        var second = new FakeExecutor();
        var outcome = BatchRunner.Run(BatchFixtures.Request(tmp.Sub("resumed"), design) with { Executor = second });

        Assert.Equal(8, outcome.RunsResumed);
        Assert.Equal(design.RunCount - 8, second.Executed);
        AssertSameFiles(tmp.Sub("clean"), tmp.Sub("resumed"), Deterministic);
        Assert.Contains("\"resumed\": true", File.ReadAllText(Path.Combine(tmp.Sub("resumed"), ResultFiles.Manifest)));
    }

    [Fact]
    public void Running_a_finished_batch_again_does_nothing_and_keeps_its_result()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 2);
        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = new FakeExecutor() });

        var again = new FakeExecutor();
        var outcome = BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = again });

        Assert.True(outcome.WasAlreadyComplete);
        Assert.Equal(0, again.Executed);
    }

    [Fact]
    public async Task A_second_batch_on_the_same_folder_is_refused_while_the_first_runs()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 2);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocking = new FakeExecutor { BeforeRun = _ => { started.Set(); release.Wait(); } };
        var firstBatch = Task.Run(() => BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = blocking }));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        var refused = Assert.Throws<OutputFolderException>(() =>
            BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = new FakeExecutor() }));
        release.Set();
        var outcome = await firstBatch;

        Assert.Contains("another batch is writing to", refused.Message);
        Assert.Contains("choose another --out", refused.Message);
        Assert.Equal(4, outcome.RunsExecuted);
    }

    [Fact]
    public void A_folder_holding_a_different_batch_is_refused_naming_the_difference()
    {
        using var tmp = new TempFolder();
        BatchRunner.Run(BatchFixtures.Request(tmp.Path, BatchFixtures.TwoPointDesign(2, masterSeed: 1)) with { Executor = new FakeExecutor() });

        var refused = Assert.Throws<OutputFolderException>(() =>
            BatchRunner.Run(BatchFixtures.Request(tmp.Path, BatchFixtures.TwoPointDesign(2, masterSeed: 2)) with { Executor = new FakeExecutor() }));

        Assert.Contains("holds a different batch (master_seed: 1 vs 2", refused.Message);
    }

    [Fact]
    public void A_non_empty_folder_that_is_not_a_batch_is_refused()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("notes.txt"), "mine");

        var refused = Assert.Throws<OutputFolderException>(() =>
            BatchRunner.Run(BatchFixtures.Request(tmp.Path, BatchFixtures.TwoPointDesign(1)) with { Executor = new FakeExecutor() }));

        Assert.Contains("is not empty and holds no MovementSim batch (it has notes.txt)", refused.Message);
    }

    [Fact]
    public void Runs_csv_repeats_every_parameter_and_the_final_measures_and_timing_goes_to_its_own_file()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 1);

        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design));

        var lines = File.ReadAllLines(Path.Combine(tmp.Path, ResultFiles.Runs));
        var header = lines[0].Split(',');
        var row = lines[2].Split(',');
        var measures = new MeasureSet(BatchFixtures.Tiny()).Names;
        Assert.Equal(["run_id", "design_point", "replicate", "seed"], header[..4]);
        Assert.Equal(ParameterCatalog.All.Select(p => p.Name), header[4..(4 + ParameterCatalog.All.Count)]);
        Assert.Equal(measures.Select(m => "final_" + m), header[(4 + ParameterCatalog.All.Count)..^1]);
        Assert.Equal("agent_steps", header[^1]);
        Assert.Equal("0.5", row[Array.IndexOf(header, "imitation")]);
        Assert.Equal("6000", row[^1]); // 300 people × 20 steps
        Assert.DoesNotContain("wall_seconds", lines[0]);
        Assert.Equal("run_id,wall_seconds", File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Timing)).First());
        var lastStep = File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Timeseries)).Last().Split(',');
        Assert.Equal(lastStep[6..], row[(4 + ParameterCatalog.All.Count)..^1]);
        Assert.DoesNotContain('\r', File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Timeseries)));
    }

    [Fact]
    public void Summary_csv_holds_hand_checkable_statistics_per_design_point_step_and_measure()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 4);
        // Replicate r of design point d reports d*10 + r at every step (seeds mapped back to their run).
        var byseed = Enumerable.Range(0, design.RunCount).Select(design.Run).ToDictionary(r => r.Seed, r => r.DesignPoint * 10 + r.Replicate);
        var executor = new FakeExecutor { Value = (seed, _) => byseed[seed] };

        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = executor });

        var reach = File.ReadLines(Path.Combine(tmp.Path, ResultFiles.Summary)).First(l => l.StartsWith("1,3,", StringComparison.Ordinal) && l.Contains(",reach,"));
        // Values 10, 11, 12, 13: mean 11.5, sd sqrt(5/3); R-7 q05 = 10 + 0.15 = 10.15, q50 = 11.5, q95 = 12.85;
        // t(0.975, 3) = 3.182446305284263, half width = t * sd / 2.
        var f = reach.Split(',');
        var sd = Math.Sqrt(5.0 / 3.0);
        var half = 3.182446305284263 * sd / 2;
        Assert.Equal(["1", "3", "2000.75", "reach", "4"], f[..5]);
        Assert.Equal(11.5, double.Parse(f[5]), 12);
        Assert.Equal(sd, double.Parse(f[6]), 12);
        Assert.Equal([10.15, 11.5, 12.85], f[7..10].Select(double.Parse).Select(v => Math.Round(v, 12)));
        Assert.Equal(11.5 - half, double.Parse(f[10]), 9);
        Assert.Equal(11.5 + half, double.Parse(f[11]), 9);
    }

    [Fact]
    public void Summary_written_in_many_passes_under_a_tiny_memory_budget_is_identical()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 3);
        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = new FakeExecutor() });
        var timeseries = Path.Combine(tmp.Path, ResultFiles.Timeseries);

        SummaryWriter.Write(timeseries, tmp.Sub("small.csv"), memoryBudget: 1);

        Assert.Equal(File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Summary)), File.ReadAllText(tmp.Sub("small.csv")));
    }

    [Fact]
    public void Summary_from_the_runs_binary_parts_equals_the_summary_parsed_from_timeseries_even_with_failed_runs()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 5);
        var failing = new HashSet<int> { design.Run(1).Seed, design.Run(7).Seed, design.Run(8).Seed };
        var executor = new FakeExecutor { Fails = (_, seed) => failing.Contains(seed), Value = (seed, step) => Math.Sin(seed * 0.37 + step) * 1e3 };

        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design, jobs: 2) with { Executor = executor });
        SummaryWriter.Write(Path.Combine(tmp.Path, ResultFiles.Timeseries), tmp.Sub("from-text.csv"));

        var fromParts = File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Summary));
        Assert.Equal(File.ReadAllText(tmp.Sub("from-text.csv")), fromParts);
        // Run 1 (design point 0) and runs 7 and 8 (design point 1) failed: 4 and 3 replicates remain.
        var n = fromParts.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Select(f => f[4]).Distinct().Single());
        Assert.Equal("4", n["0"]);
        Assert.Equal("3", n["1"]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Summary_holds_no_more_values_at_once_than_its_budget_however_many_replicates(int replicates)
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates);
        BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = new FakeExecutor() });
        const long budget = 200;

        var effort = SummaryWriter.Write(Path.Combine(tmp.Path, ResultFiles.Timeseries), tmp.Sub("budget.csv"), budget);

        Assert.InRange(effort.MostValuesHeld, replicates, budget);
        Assert.Equal(File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Summary)), File.ReadAllText(tmp.Sub("budget.csv")));
    }

    [Fact]
    public void A_batch_row_replays_alone_from_its_seed_and_design_point_values()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 3);
        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("batch"), design, jobs: 2));
        var run = design.Run(5);
        var scenario = BatchFixtures.Tiny() with { Parameters = design.ParametersOf(run.DesignPoint, BatchFixtures.Tiny().Parameters) };

        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("replay"), Design.Single(run.Seed), scenario: scenario));

        static IEnumerable<string> FromSeedOn(string folder, string runId) =>
            File.ReadLines(Path.Combine(folder, ResultFiles.Timeseries)).Skip(1)
                .Where(l => l.StartsWith(runId + ",", StringComparison.Ordinal))
                .Select(l => string.Join(',', l.Split(',')[3..]));
        Assert.Equal(FromSeedOn(tmp.Sub("batch"), "5"), FromSeedOn(tmp.Sub("replay"), "0"));
    }

    [Theory]
    [InlineData("../outside.csv")] // parent folder
    [InlineData("a/../../outside.csv")] // hidden in a subfolder
    [InlineData("/etc/passwd")] // absolute
    public void Output_paths_cannot_escape_the_output_folder(string name)
    {
        Assert.Throws<ArgumentException>(() => SafePath.Combine("/tmp/result", name));
    }
}
