using System.Diagnostics;
using MovementSim.Batch;
using Xunit;

namespace MovementSim.Tests.Batch;

public class CliBatchTests
{
    private static readonly string[] Deterministic =
        [ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary, ResultFiles.Design];

    private static void AssertSameResults(string expected, string actual)
    {
        foreach (var name in Deterministic)
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(expected, name), Path.Combine(actual, name)), $"{name} differs");
        }
    }

    [Fact]
    public void Invalid_inputs_are_all_reported_as_file_line_column_before_anything_runs_with_exit_code_1()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: "name,kind,values,min,max,levels\nimitatoin,values,0.1,,,\nconversation,range,,0.9,0.1,3\n");

        var (code, _, err) = CliFixture.Run("batch", scenario, "--set", "rewiring=2", "--out", tmp.Sub("out"), "--quiet");

        Assert.Equal(1, code);
        Assert.Contains("--set:0:1: rewiring = 2 is out of range", err); // the loader's error for the override
        Assert.Contains(Path.Combine(scenario, "sweep.csv") + ":2:1: unknown parameter 'imitatoin' (did you mean 'imitation'?)", err);
        Assert.Contains(Path.Combine(scenario, "sweep.csv") + ":3:4: conversation: the range is reversed", err);
        Assert.Contains("movementsim: 3 errors; nothing was run", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Theory]
    [InlineData("--set", "imitation")] // not name=value
    [InlineData("--shard", "3/3")] // K not below N
    [InlineData("--jobs", "0")] // no workers
    [InlineData("--dry-run", "--quiet")] // --dry-run without --slurm
    [InlineData("--reps", "many")] // not a number (parser error)
    public void Usage_errors_exit_with_code_2(string option, string value)
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path);

        var (code, _, err) = CliFixture.Run("batch", scenario, option, value, "--out", tmp.Sub("out"));

        Assert.Equal(2, code);
        Assert.StartsWith("movementsim: ", err);
    }

    [Fact]
    public void The_command_line_gives_the_same_bytes_for_one_and_two_jobs_and_for_three_merged_shards()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path);
        string[] Batch(string output, params string[] more) => ["batch", scenario, "--reps", "3", "--seed", "5", "--out", output, "--quiet", .. more];

        Assert.Equal(0, CliFixture.Run(Batch(tmp.Sub("j1"), "--jobs", "1")).Code);
        Assert.Equal(0, CliFixture.Run(Batch(tmp.Sub("j2"), "--jobs", "2")).Code);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(0, CliFixture.Run(Batch(tmp.Sub($"s{k}"), "--shard", $"{k}/3")).Code);
        }
        var merge = CliFixture.Run("merge", tmp.Sub("s1"), tmp.Sub("s0"), tmp.Sub("s2"), "--out", tmp.Sub("merged"), "--quiet");

        Assert.Equal(0, merge.Code);
        AssertSameResults(tmp.Sub("j1"), tmp.Sub("j2"));
        AssertSameResults(tmp.Sub("j1"), tmp.Sub("merged"));
        Assert.Equal("design_point,imitation,conversation\n0,0.2,0.1\n1,0.2,0.5\n2,0.5,0.1\n3,0.5,0.5\n",
            File.ReadAllText(tmp.Sub("j1/design.csv")));
        Assert.True(File.Exists(tmp.Sub("j1/scenario/sweep.csv")) && File.Exists(tmp.Sub("j1/scenario/parameters.csv")));
    }

    [Fact]
    public void A_run_on_two_threads_writes_the_same_results_as_on_one_and_the_manifest_says_how_many()
    {
        using var tmp = new TempFolder();
        // Enough people for the take-up pass to split across threads (it stays on one below 65,536 to visit).
        var scenario = CliFixture.WriteScenario(tmp.Path, people: 80_000, steps: 6, sweep: null);
        string[] Run(string output, string threads) => ["run", scenario, "--seed", "9", "--threads", threads, "--out", output, "--quiet", "--no-report"];

        Assert.Equal(0, CliFixture.Run(Run(tmp.Sub("t1"), "1")).Code);
        Assert.Equal(0, CliFixture.Run(Run(tmp.Sub("t2"), "2")).Code);

        foreach (var file in new[] { ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary })
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(tmp.Sub("t1"), file), Path.Combine(tmp.Sub("t2"), file)), file);
        }
        Assert.Contains("\"threads_per_run\": 2", File.ReadAllText(Path.Combine(tmp.Sub("t2"), ResultFiles.Manifest)));
        var (code, _, err) = CliFixture.Run(Run(tmp.Sub("t0"), "0"));
        Assert.Equal(2, code);
        Assert.Contains("--threads must be at least 1 (got 0)", err);
    }

    [Fact]
    public void No_report_leaves_out_the_charts_and_report_which_the_report_command_draws_later()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);

        var (code, output, _) = CliFixture.Run("batch", scenario, "--reps", "2", "--out", tmp.Sub("out"), "--quiet", "--no-report");

        Assert.Equal(0, code);
        Assert.True(File.Exists(tmp.Sub("out/summary.csv")));
        Assert.False(File.Exists(tmp.Sub("out/report.html")));
        Assert.False(Directory.Exists(tmp.Sub("out/charts")));
        Assert.DoesNotContain("report:", output);
        Assert.Equal(0, CliFixture.Run("report", tmp.Sub("out")).Code);
        Assert.True(File.Exists(tmp.Sub("out/report.html")));
    }

    [Fact]
    public void Merge_of_shards_from_different_commands_is_refused_with_exit_code_1()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        CliFixture.Run("batch", scenario, "--reps", "2", "--shard", "0/2", "--out", tmp.Sub("a"), "--quiet");
        CliFixture.Run("batch", scenario, "--reps", "3", "--shard", "1/2", "--out", tmp.Sub("b"), "--quiet");

        var (code, _, err) = CliFixture.Run("merge", tmp.Sub("a"), tmp.Sub("b"), "--out", tmp.Sub("m"));

        Assert.Equal(1, code);
        Assert.Contains("are shards of different batches", err);
        Assert.Contains("replicates: 2 vs 3", err);
    }

    [Fact]
    public void Run_with_a_batch_rows_seed_and_design_values_replays_that_row_exactly()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path);
        Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "2", "--set", "rewiring=0.2", "--out", tmp.Sub("batch"), "--quiet").Code);
        var row = File.ReadLines(tmp.Sub("batch/runs.csv")).Skip(1).Select(l => l.Split(',')).First(f => f[0] == "5"); // design point 2, replicate 1
        var design = File.ReadLines(tmp.Sub("batch/design.csv")).ElementAt(3).Split(','); // design point 2

        var (code, _, _) = CliFixture.Run("run", scenario, "--seed", row[3], "--set", "rewiring=0.2",
            "--set", $"imitation={design[1]}", $"conversation={design[2]}", "--out", tmp.Sub("replay"), "--quiet");

        Assert.Equal(0, code);
        static string[] FromSeedOn(string file, string runId) =>
            File.ReadLines(file).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == runId).Select(f => string.Join(',', f[3..])).ToArray();
        Assert.Equal(FromSeedOn(tmp.Sub("batch/timeseries.csv"), "5"), FromSeedOn(tmp.Sub("replay/timeseries.csv"), "0"));
        Assert.Equal(string.Join(',', row[3..]), File.ReadLines(tmp.Sub("replay/runs.csv")).Last().Split(',', 4)[3]);
    }

    [Fact]
    public void A_second_batch_on_a_locked_output_folder_is_refused_with_a_clear_message_and_exit_code_2()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        Directory.CreateDirectory(tmp.Sub("out"));
        using var held = new FileStream(tmp.Sub("out/.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "1", "--out", tmp.Sub("out"), "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("another batch is writing to", err);
    }

    [Fact]
    public void A_batch_process_killed_mid_way_and_started_again_ends_identical_to_an_uninterrupted_one()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, people: 1500, steps: 40, sweep: null);
        string[] Batch(string output) => ["batch", scenario, "--reps", "30", "--jobs", "2", "--out", output, "--quiet"];
        Assert.Equal(0, CliFixture.Run(Batch(tmp.Sub("clean"))).Code);

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(CliFixture.Dll);
        foreach (var a in Batch(tmp.Sub("killed")))
        {
            info.ArgumentList.Add(a);
        }
        using (var child = Process.Start(info)!)
        {
            var parts = tmp.Sub("killed/.parts");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((!Directory.Exists(parts) || Directory.GetFiles(parts, "*.run").Length < 5) && !child.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
            Assert.False(child.HasExited, "the batch finished before it could be killed: make it longer");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        Assert.False(File.Exists(tmp.Sub("killed/manifest.json")));
        var doneBeforeKill = Directory.GetFiles(tmp.Sub("killed/.parts"), "*.run").Length;

        var (code, _, _) = CliFixture.Run(Batch(tmp.Sub("killed")));

        Assert.Equal(0, code);
        Assert.InRange(doneBeforeKill, 5, 29);
        AssertSameResults(tmp.Sub("clean"), tmp.Sub("killed"));
        Assert.Contains("\"resumed\": true", File.ReadAllText(tmp.Sub("killed/manifest.json")));
        Assert.Equal(31, File.ReadLines(tmp.Sub("killed/timing.csv")).Count());
    }

    [Fact]
    public void The_slurm_scripts_written_by_dry_run_run_the_shards_and_merge_into_the_local_result()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "4", "--out", tmp.Sub("local"), "--quiet").Code);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "4", "--slurm", "--shards", "2", "--dry-run", "--out", tmp.Sub("cluster"));
        Assert.Equal(0, code);
        Assert.Contains("not submitted: --dry-run", err);
        var array = tmp.Sub("cluster/slurm/shards.sbatch");
        Assert.Contains("#SBATCH --array=0-1", File.ReadAllText(array));

        // Without Slurm the same scripts run as GNU parallel would run them: one shard per task id, then the merge.
        for (var k = 0; k < 2; k++)
        {
            CliFixture.Bash(array, ("SLURM_ARRAY_TASK_ID", k.ToString()));
        }
        CliFixture.Bash(tmp.Sub("cluster/slurm/merge.sbatch"));
        AssertSameResults(tmp.Sub("local"), tmp.Sub("cluster"));
    }

}
