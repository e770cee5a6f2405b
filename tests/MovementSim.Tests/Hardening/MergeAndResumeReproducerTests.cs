using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>The issue's reproducers on the command line: damaged shards are refused with exit 1 and nothing written, and a
/// resumed batch says which runs it ran again.</summary>
public class MergeAndResumeReproducerTests
{
    /// <summary>Two shards of a 2 × 2 design with 5 replicates, from the command line.</summary>
    private static (string Scenario, string[] Shards) Shards(TempFolder tmp)
    {
        var scenario = CliFixture.WriteScenario(tmp.Path);
        var shards = new[] { tmp.Sub("s0"), tmp.Sub("s1") };
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "5", "--shard", $"{k}/2", "--out", shards[k], "--quiet").Code);
        }
        return (scenario, shards);
    }

    private static void AssertRefused(TempFolder tmp, string[] shards, string damaged, string expected)
    {
        var (code, _, err) = CliFixture.Run("merge", shards[0], shards[1], "--out", tmp.Sub("merged"));

        Assert.True(code == 1, err);
        Assert.Contains(damaged, err);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(tmp.Sub("merged")), "no runs.csv, timeseries.csv, summary.csv.tmp, .lock or .plan.json is left");
    }

    [Fact]
    public void A_shards_runs_csv_cut_100_bytes_short_is_refused_instead_of_merging_a_short_row()
    {
        using var tmp = new TempFolder();
        var (_, shards) = Shards(tmp);
        var runs = Path.Combine(shards[1], "runs.csv");
        var length = new FileInfo(runs).Length;
        using (var stream = new FileStream(runs, FileMode.Open))
        {
            stream.SetLength(length - 100);
        }

        AssertRefused(tmp, shards, runs, $"is {length - 100} bytes, but {Path.Combine(shards[1], "manifest.json")} says {length}");
    }

    [Fact]
    public void A_line_deleted_from_a_shards_timeseries_is_refused_instead_of_a_step_going_missing()
    {
        using var tmp = new TempFolder();
        var (_, shards) = Shards(tmp);
        var timeseries = Path.Combine(shards[0], "timeseries.csv");
        var lines = File.ReadAllLines(timeseries).ToList();
        lines.RemoveAt(7);
        File.WriteAllText(timeseries, string.Join("\n", lines) + "\n");

        AssertRefused(tmp, shards, timeseries, "bytes, but");
    }

    [Fact]
    public void A_byte_flipped_in_a_shards_timeseries_is_refused_instead_of_an_unhandled_format_exception()
    {
        using var tmp = new TempFolder();
        var (_, shards) = Shards(tmp);
        var timeseries = Path.Combine(shards[1], "timeseries.csv");
        var bytes = File.ReadAllBytes(timeseries);
        bytes[bytes.Length / 2] = (byte)'X';
        File.WriteAllBytes(timeseries, bytes);

        AssertRefused(tmp, shards, timeseries, "does not match the SHA-256 in");
    }

    [Fact]
    public void A_batch_killed_then_damaged_resumes_whole_and_warns_of_the_run_it_executed_again()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, people: 1500, steps: 40, sweep: null);
        string[] Batch(string output) => ["batch", scenario, "--reps", "30", "--jobs", "1", "--out", output, "--quiet", "--no-report"];
        Assert.Equal(0, CliFixture.Run(Batch(tmp.Sub("clean"))).Code);
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [CliFixture.Dll, .. Batch(tmp.Sub("killed"))])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var parts = tmp.Sub("killed/.parts");
        using (var child = System.Diagnostics.Process.Start(info)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((!Directory.Exists(parts) || Directory.GetFiles(parts, "*.check").Length < 3) && !child.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
            Assert.False(child.HasExited, "the batch finished before it could be killed: make it longer");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        // The issue's reproducer: a finished run's timeseries part cut short (it used to resume with exit 0 and rows missing).
        Damaging.Apply(Path.Combine(parts, "1.ts"), Damage.Truncate);

        var (code, _, err) = CliFixture.Run(Batch(tmp.Sub("killed")));

        Assert.True(code == 0, err);
        Assert.Contains("movementsim: warning: run 1: 1.ts is ", err);
        Assert.Contains("; the run was executed again", err);
        foreach (var name in new[] { "timeseries.csv", "runs.csv", "summary.csv" })
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(tmp.Sub("clean"), name), Path.Combine(tmp.Sub("killed"), name)), name);
        }
    }
}
