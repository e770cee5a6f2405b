using MovementSim.Batch;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// A resumed batch verifies each finished run's parts against its .check (length, SHA-256, rows) and runs again, and
/// reports, every run whose parts do not match; it never deletes a file it did not write.
/// </summary>
public class ResumeVerificationTests
{
    private static readonly string[] Deterministic = [ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary, ResultFiles.Design, ResultFiles.Failures];

    /// <summary>Run 2 fails; the design has 2 points × 5 replicates.</summary>
    private static (Design Design, Func<FakeExecutor> Executor) Setup(Action<int>? beforeRun = null)
    {
        var design = BatchFixtures.TwoPointDesign(replicates: 5);
        var failing = design.Run(2).Seed;
        return (design, () => new FakeExecutor { Fails = (_, seed) => seed == failing, BeforeRun = beforeRun });
    }

    /// <summary>Runs the batch into <paramref name="folder"/> and stops it after its first 6 runs (ids 0 to 5, one job).</summary>
    private static void Interrupted(string folder)
    {
        using var cancel = new CancellationTokenSource();
        var (design, executor) = Setup(n => { if (n == 6) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            BatchRunner.Run(BatchFixtures.Request(folder, design) with { Executor = executor() }, cancel: cancel.Token));
    }

    private static BatchOutcome Resume(string folder)
    {
        var (design, executor) = Setup();
        return BatchRunner.Run(BatchFixtures.Request(folder, design) with { Executor = executor() });
    }

    public static TheoryData<string, Damage> PartFiles()
    {
        var data = new TheoryData<string, Damage>();
        // Run 3 finished; run 2 failed (its .fail and .check).
        foreach (var file in new[] { "3.ts", "3.bin", "3.run", "3.check", "2.fail", "2.check" })
        {
            foreach (var damage in Enum.GetValues<Damage>())
            {
                data.Add(file, damage);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PartFiles))]
    public void A_damaged_part_is_run_again_and_the_result_is_the_same_as_an_undisturbed_batch(string file, Damage damage)
    {
        using var tmp = new TempFolder();
        Resume(tmp.Sub("clean"));
        Interrupted(tmp.Sub("resumed"));
        Damaging.Apply(Path.Combine(tmp.Sub("resumed"), ResultFiles.Parts, file), damage);

        var outcome = Resume(tmp.Sub("resumed"));

        var run = int.Parse(file[..file.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(5, outcome.RunsResumed); // of the six finished runs, all but the damaged one
        Assert.Equal(1, outcome.RunsFailed);
        if (file.EndsWith(".check", StringComparison.Ordinal) && damage == Damage.Delete)
        {
            Assert.Empty(outcome.Repaired); // no checksum file: an interrupted run, run again without a warning
        }
        else
        {
            var reported = Assert.Single(outcome.Repaired);
            Assert.StartsWith($"run {run}: ", reported);
        }
        foreach (var name in Deterministic)
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(tmp.Sub("clean"), name), Path.Combine(tmp.Sub("resumed"), name)), name);
        }
        Assert.Equal(10, File.ReadLines(Path.Combine(tmp.Sub("resumed"), ResultFiles.Timing)).Count()); // 9 finished runs and the header
        Assert.False(Directory.Exists(Path.Combine(tmp.Sub("resumed"), ResultFiles.Parts)));
    }

    [Fact]
    public void The_issues_reproducers_resume_to_the_whole_result_empty_run_truncated_timeseries_and_values_deleted_timeseries()
    {
        using var tmp = new TempFolder();
        Resume(tmp.Sub("clean"));
        Interrupted(tmp.Sub("resumed"));
        var parts = Path.Combine(tmp.Sub("resumed"), ResultFiles.Parts);
        File.WriteAllBytes(Path.Combine(parts, "0.run"), []);             // an empty N.run: was 9 of 10 rows in runs.csv
        Damaging.Apply(Path.Combine(parts, "1.ts"), Damage.Truncate);     // a truncated N.ts: was rows missing, exit 0
        Damaging.Apply(Path.Combine(parts, "3.bin"), Damage.Truncate);    // a truncated N.bin: failed on every resume
        File.Delete(Path.Combine(parts, "4.ts"));                         // a deleted N.ts: failed on every resume

        var outcome = Resume(tmp.Sub("resumed"));

        Assert.Equal(["run 0", "run 1", "run 3", "run 4"], outcome.Repaired.Select(r => r[..r.IndexOf(':')]));
        Assert.Contains("run 0: 0.run is 0 bytes, but 0.check says", outcome.Repaired[0]);
        Assert.Contains("run 4: 4.ts is missing", outcome.Repaired[3]);
        foreach (var name in Deterministic)
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(tmp.Sub("clean"), name), Path.Combine(tmp.Sub("resumed"), name)), name);
        }
        var manifest = ResultManifest.Read(Path.Combine(tmp.Sub("resumed"), ResultFiles.Manifest));
        Assert.Equal((10, 1), (manifest.Runs, manifest.RunsFailed));
        Assert.Equal(10, File.ReadLines(Path.Combine(tmp.Sub("resumed"), ResultFiles.Runs)).Count()); // 9 finished and the header
    }

    [Fact]
    public void Resume_keeps_files_a_user_put_in_the_parts_and_scenario_folders()
    {
        using var tmp = new TempFolder();
        var input = tmp.Sub("input.csv");
        File.WriteAllText(input, "parameter,value\n");
        using (var cancel = new CancellationTokenSource())
        {
            var (design, executor) = Setup(n => { if (n == 6) cancel.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(BatchFixtures.Request(tmp.Sub("out"), design) with
            {
                Executor = executor(), InputFiles = [new InputSource(input, "parameters.csv")],
            }, cancel: cancel.Token));
        }
        File.WriteAllText(tmp.Sub("out/.parts/notes.txt"), "mine");
        File.WriteAllText(tmp.Sub("out/.parts/notes.tmp"), "mine too");
        File.WriteAllText(tmp.Sub("out/scenario/my-notes.csv"), "mine");

        var (d, e) = Setup();
        BatchRunner.Run(BatchFixtures.Request(tmp.Sub("out"), d) with { Executor = e(), InputFiles = [new InputSource(input, "parameters.csv")] });

        Assert.Equal("mine", File.ReadAllText(tmp.Sub("out/.parts/notes.txt")));
        Assert.Equal("mine too", File.ReadAllText(tmp.Sub("out/.parts/notes.tmp")));
        Assert.Equal("mine", File.ReadAllText(tmp.Sub("out/scenario/my-notes.csv")));
        Assert.Equal(["notes.tmp", "notes.txt"], Damaging.Listing(tmp.Sub("out/.parts")));
    }

    [Fact]
    public void A_run_that_reports_fewer_steps_than_its_scenario_has_is_recorded_as_failed()
    {
        using var tmp = new TempFolder();
        var design = BatchFixtures.TwoPointDesign(replicates: 1);
        var outcome = BatchRunner.Run(BatchFixtures.Request(tmp.Path, design) with { Executor = new ShortExecutor() });

        Assert.Equal(2, outcome.RunsFailed);
        Assert.Contains("the run reported 3 steps, but its scenario has 21 (0 to 20)", File.ReadAllText(Path.Combine(tmp.Path, ResultFiles.Failures)));
    }

    /// <summary>Reports steps 0 to 2 of any scenario.</summary>
    private sealed class ShortExecutor : IRunExecutor
    {
        public void Execute(MovementSim.Core.ScenarioDefinition scenario, int seed, MovementSim.Core.MeasureObserver observer)
        {
            var values = new double[new MovementSim.Core.MeasureSet(scenario).Count];
            for (var step = 0; step < 3; step++)
            {
                observer(step, 2000 + step, values);
            }
        }
    }
}
