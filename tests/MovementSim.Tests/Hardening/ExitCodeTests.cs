using MovementSim.Batch;
using MovementSim.Cli;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// Exit codes mean what the README says: 4 for a file that cannot be written or read (a full disk, a read-only file
/// system, permission denied), with the system's reason; and a refused or failed command leaves no .lock, .plan.json,
/// temporary file or truncated chart of its own behind.
/// </summary>
public class ExitCodeTests
{
    private static string[] Temporaries(string folder) =>
        Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories).ToArray();

    [SkippableFact]
    public void A_full_disk_exits_4_with_the_reason_keeps_the_finished_runs_and_the_batch_resumes_once_there_is_room()
    {
        using var disk = SmallDisk.TryMount(kilobytes: 200);
        ToolSkip.Unless(disk is not null, SmallDisk.Requirement);
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path);
        Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "5", "--out", tmp.Sub("clean"), "--quiet", "--no-report").Code);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "5", "--out", disk!.Sub("out"), "--quiet", "--no-report");

        Assert.True(code == 4, err);
        Assert.Contains("No space left on device", err);
        Assert.DoesNotContain("   at ", err);
        Assert.Empty(Temporaries(disk.Path));
        Assert.False(File.Exists(disk.Sub("out/manifest.json")));

        disk.Remount("size=16m");
        var resumed = CliFixture.Run("batch", scenario, "--reps", "5", "--out", disk.Sub("out"), "--quiet", "--no-report");
        Assert.True(resumed.Code == 0, resumed.Err);
        foreach (var name in new[] { ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary })
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(tmp.Sub("clean"), name), disk.Sub("out/" + name)), name);
        }
    }

    [SkippableFact]
    public void A_read_only_output_folder_exits_4_saying_so_not_that_another_batch_holds_it()
    {
        using var disk = SmallDisk.TryMount(kilobytes: 1024);
        ToolSkip.Unless(disk is not null, SmallDisk.Requirement);
        Directory.CreateDirectory(disk!.Sub("out"));
        disk.Remount("ro");
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--out", disk.Sub("out"), "--quiet");

        Assert.True(code == 4, err);
        Assert.Contains("Read-only file system", err);
        Assert.DoesNotContain("another batch", err);
    }

    [SkippableFact]
    public void A_merge_that_fails_on_a_full_disk_exits_4_and_leaves_no_folder()
    {
        using var disk = SmallDisk.TryMount(kilobytes: 64);
        ToolSkip.Unless(disk is not null, SmallDisk.Requirement);
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path);
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "5", "--shard", $"{k}/2", "--out", tmp.Sub($"s{k}"), "--quiet").Code);
        }

        var (code, _, err) = CliFixture.Run("merge", tmp.Sub("s0"), tmp.Sub("s1"), "--out", disk!.Sub("merged"), "--no-report");

        Assert.True(code == 4, err);
        Assert.Contains("No space left on device", err);
        Assert.False(Directory.Exists(disk.Sub("merged")), "no .lock, .plan.json or temporary file is left");
    }

    [SkippableFact]
    public void A_report_that_fails_on_a_full_disk_leaves_no_truncated_chart()
    {
        using var disk = SmallDisk.TryMount(kilobytes: 2048);
        ToolSkip.Unless(disk is not null, SmallDisk.Requirement);
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "2", "--out", disk!.Sub("out"), "--quiet", "--no-report").Code);
        disk.FillLeaving(60_000);

        var (code, _, err) = CliFixture.Run("report", disk.Sub("out"));

        Assert.True(code == 4, err);
        Assert.Contains("No space left on device", err);
        Assert.Empty(Temporaries(disk.Path));
        byte[] end = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]; // IEND and its CRC: the last 8 bytes of a whole PNG
        var charts = disk.Sub("out/charts");
        foreach (var png in Directory.Exists(charts) ? Directory.EnumerateFiles(charts, "*.png") : [])
        {
            Assert.True(File.ReadAllBytes(png).AsSpan().EndsWith(end), $"{png} is truncated");
        }
        Assert.False(File.Exists(disk.Sub("out/report.html")));
    }

    [Fact]
    public void A_refused_output_folder_keeps_no_lock_of_the_refused_command()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        Directory.CreateDirectory(tmp.Sub("mine"));
        File.WriteAllText(tmp.Sub("mine/notes.txt"), "mine");

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--out", tmp.Sub("mine"), "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("is not empty and holds no MovementSim batch (it has notes.txt)", err);
        Assert.Equal(["notes.txt"], Damaging.Listing(tmp.Sub("mine")));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_refused_as_a_usage_error()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);
        File.WriteAllText(tmp.Sub("file"), "a file, not a folder");

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--out", tmp.Sub("file"), "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("is a file: give a folder as --out", err);
    }

    [Fact]
    public void An_exception_that_reaches_the_top_is_mapped_to_a_code_and_one_line_never_a_stack_trace()
    {
        (int, string) Report(Exception e)
        {
            var stderr = new StringWriter();
            return (Failures.Report(e, stderr), stderr.ToString());
        }

        Assert.Equal(4, Report(new IOException("No space left on device : '/x'")).Item1);
        Assert.Equal(4, Report(new UnauthorizedAccessException("Access to the path '/x' is denied.")).Item1);
        Assert.Equal(2, Report(new OutputFolderException("in use")).Item1);
        Assert.Equal(1, Report(new MergeException("damaged")).Item1);
        var (code, text) = Report(new InvalidCastException("surprise"));
        Assert.Equal(5, code);
        Assert.Contains("internal error, a bug in movementsim (System.InvalidCastException: surprise)", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_readme_documents_every_exit_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        foreach (var code in new[] { MovementSim.Cli.Cli.Ok, MovementSim.Cli.Cli.InvalidInput, MovementSim.Cli.Cli.UsageError, MovementSim.Cli.Cli.SomeRunsFailed,
                     MovementSim.Cli.Cli.IoFailure, MovementSim.Cli.Cli.InternalError })
        {
            Assert.Matches($@"\| `{code}` \|", readme);
        }
        // The limits the README states are the code's.
        Assert.Contains($"at most {MovementSim.Scenarios.BoundedInput.MaxBytes >> 20} MB", readme);
        Assert.Contains($"cut to {MovementSim.Scenarios.Echo.MaxLength} characters", readme);
    }
}
