using System.Diagnostics;
using MovementSim.Scenarios;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// Input files are regular files of at most 64 MB of text; counts are bounded and checked in 64-bit arithmetic; a run
/// that would not fit in memory is refused up front with the estimate; values repeated in messages are cut to 80
/// characters. Each case gives a clear error (exit 1) and writes nothing: no hang, no stack trace.
/// </summary>
public class BoundedInputTests
{
    /// <summary>A copy of the shipped direct-payments scenario to break.</summary>
    private static string Copy(TempFolder tmp, string name = "dp")
    {
        var folder = tmp.Sub(name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Scenario("direct-payments"), "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        return folder;
    }

    private static void AssertClearError((int Code, string Out, string Err) result, string expected)
    {
        Assert.True(result.Code == 1, $"exit {result.Code}: {result.Err}");
        Assert.Contains(expected, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("Exception", result.Err);
    }

    [Fact]
    public async Task A_fifo_as_a_scenario_file_is_refused_without_opening_it_by_validate_and_run()
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        var fifo = Path.Combine(scenario, "actors.csv");
        File.Delete(fifo);
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var validate = Task.Run(() => CliFixture.Run("validate", scenario));
        var run = Task.Run(() => CliFixture.Run("run", scenario, "--out", tmp.Sub("out")));

        var both = Task.WhenAll(validate, run);
        Assert.True(await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(60))) == both, "a FIFO hung the command");
        AssertClearError(await validate, "actors.csv:0:0: cannot read the file: it is a FIFO (named pipe), not a regular file");
        AssertClearError(await run, "it is a FIFO (named pipe), not a regular file");
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Theory]
    [InlineData("/dev/urandom")] // grew to 5 GB
    [InlineData("/dev/zero")]    // died out of memory
    public void A_link_to_a_device_is_refused_as_not_a_regular_file(string device)
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        File.Delete(Path.Combine(scenario, "events.csv"));
        File.CreateSymbolicLink(Path.Combine(scenario, "events.csv"), device);

        AssertClearError(CliFixture.Run("validate", scenario), "events.csv:0:0: cannot read the file: it is a character device");
        AssertClearError(CliFixture.Run("run", scenario, "--out", tmp.Sub("out")), "character device");
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void A_link_to_proc_self_environ_prints_none_of_the_environment()
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        File.Delete(Path.Combine(scenario, "actors.csv"));
        File.CreateSymbolicLink(Path.Combine(scenario, "actors.csv"), "/proc/self/environ");

        var result = CliFixture.Run("validate", scenario);

        AssertClearError(result, "actors.csv:0:0: cannot read the file: line 1 holds a NUL byte: this is not a text file");
        var path = Environment.GetEnvironmentVariable("PATH")!;
        Assert.DoesNotContain(path, result.Err);
        Assert.DoesNotContain("PATH=", result.Err);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_on_the_bytes_read()
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        using (var big = new FileStream(Path.Combine(scenario, "events.csv"), FileMode.Append))
        {
            var line = System.Text.Encoding.ASCII.GetBytes("# " + new string('x', 1022) + "\n");
            for (var written = 0L; written <= BoundedInput.MaxBytes; written += line.Length)
            {
                big.Write(line);
            }
        }

        AssertClearError(CliFixture.Run("validate", scenario), "events.csv:0:0: cannot read the file: the file is larger than the limit for input files, 64 MB (67,108,864 bytes)");
    }

    [Theory]
    [InlineData("events.csv")]     // was read as "0 events"
    [InlineData("parameters.csv")] // was "valid" with every default
    public void A_folder_named_like_a_scenario_file_is_reported_not_taken_for_an_absent_file(string file)
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        File.Delete(Path.Combine(scenario, file));
        Directory.CreateDirectory(Path.Combine(scenario, file));

        AssertClearError(CliFixture.Run("validate", scenario), $"{file}:0:0: cannot read the file: it is a folder, not a regular file");
    }

    [Fact]
    public void A_folder_given_as_ranges_says_so_not_access_denied()
    {
        using var tmp = new TempFolder();
        Directory.CreateDirectory(tmp.Sub("ranges"));

        var result = CliFixture.Run("sensitivity", RepoPaths.Scenario("direct-payments"), "--method", "morris", "--params", "imitation", "--ranges", tmp.Sub("ranges"), "--out", tmp.Sub("out"));

        AssertClearError(result, "ranges:0:0: cannot read the file: it is a folder, not a regular file");
        Assert.DoesNotContain("denied", result.Err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void A_ten_megabyte_bad_field_is_echoed_cut_to_80_characters()
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        var parameters = Path.Combine(scenario, "parameters.csv");
        File.WriteAllText(parameters, File.ReadAllText(parameters).Replace("mean_degree,10", "mean_degree," + new string('9', 10_000_000) + "x"));

        var result = CliFixture.Run("validate", scenario);

        AssertClearError(result, $"'{new string('9', 80)}… (10,000,001 characters in all)' is not a number");
        Assert.True(result.Err.Length < 1000, $"{result.Err.Length} characters of errors");
    }

    [Fact]
    public void An_organisation_count_of_int_max_is_a_clear_error_counted_in_64_bits()
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        var organisations = Path.Combine(scenario, "organisations.csv");
        File.WriteAllText(organisations, File.ReadAllText(organisations).Replace("user_led_org,outside,movement,20,", "user_led_org,outside,movement,2147483647,"));

        AssertClearError(CliFixture.Run("validate", scenario), "organisations.csv:0:0: the organisations add up to 2,147,483,824 (the counts of organisations.csv summed); at most 1,000,000 are allowed");
    }

    [Fact]
    public void Ten_million_practitioners_in_150_councils_are_refused_by_validate_and_run()
    {
        using var tmp = new TempFolder();
        var scenario = Copy(tmp);
        var actors = Path.Combine(scenario, "actors.csv");
        File.WriteAllText(actors, File.ReadAllText(actors).Replace("practitioner,council,2,", "practitioner,council,10000000,"));

        AssertClearError(CliFixture.Run("validate", scenario), "actors.csv:0:0: the actors add up to 1,500,000,354");
        AssertClearError(CliFixture.Run("run", scenario, "--out", tmp.Sub("out")), "ties (everyone within an organisation, plus actor_network and broker_ties); at most 1,000,000,000 are allowed");
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void A_run_larger_than_the_memory_available_is_refused_with_its_estimate_by_validate_and_run()
    {
        // 256 MB for the whole process (as a container limit would give), and a scenario of 4 million people.
        var size = ScenarioSize.Of(ScenarioLoader.Load(RepoPaths.Scenario("direct-payments"), [("people", "4000000")]).Scenario!);
        Assert.True(size.Bytes > 256L << 20, $"the estimate {size.Bytes} must exceed the limit for this test");
        using var tmp = new TempFolder();
        foreach (var command in new[] { new[] { "validate" }, ["run", "--out", tmp.Sub("out")] })
        {
            var (code, err) = Child([command[0], RepoPaths.Scenario("direct-payments"), "--set", "people=4000000", .. command[1..]],
                ("DOTNET_GCHeapHardLimit", "0x10000000"));
            Assert.True(code == 1, err);
            Assert.Contains($"a run of this scenario would need about {size.Bytes / (double)(1L << 30):0.##} GB for a run (2", err);
            Assert.Contains("and this machine has 0.25 GB", err);
            Assert.False(Directory.Exists(tmp.Sub("out")));
        }
    }

    [Fact]
    public void Runs_at_once_beyond_the_memory_are_refused_suggesting_fewer_jobs()
    {
        var size = ScenarioSize.Of(ScenarioLoader.Load(RepoPaths.Scenario("direct-payments")).Scenario!);

        Assert.Null(size.MemoryProblem(4, size.Bytes * 4));
        Assert.Contains("4 runs at once would need about", size.MemoryProblem(4, size.Bytes * 3 + 1));
        Assert.Contains("use --jobs 3 or fewer", size.MemoryProblem(4, size.Bytes * 3 + 1));
    }

    [Fact]
    public void A_nul_byte_in_base_is_a_clear_error()
    {
        using var tmp = new TempFolder();
        var variant = tmp.Sub("variant");
        Directory.CreateDirectory(variant);
        File.WriteAllText(Path.Combine(variant, "parameters.csv"), "parameter,value\nbase,direct\0payments\n");

        // A NUL byte makes the file binary, whatever the row: nothing of it is echoed.
        AssertClearError(CliFixture.Run("validate", variant), "parameters.csv:0:0: cannot read the file: line 2 holds a NUL byte: this is not a text file");
    }

    [Fact]
    public void A_control_character_in_base_is_a_clear_error()
    {
        using var tmp = new TempFolder();
        var variant = tmp.Sub("variant");
        Directory.CreateDirectory(variant);
        File.WriteAllText(Path.Combine(variant, "parameters.csv"), "parameter,value\nbase,direct\u001Bpayments\n");

        AssertClearError(CliFixture.Run("validate", variant), "parameters.csv:2:2: base 'direct\\u001Bpayments' has a control character (U+001B)");
    }

    [Fact]
    public void A_seed_beyond_32_bits_says_what_a_seed_must_be_and_names_no_dotnet_type()
    {
        var (code, _, err) = CliFixture.Run("run", RepoPaths.Scenario("direct-payments"), "--seed", "99999999999");

        Assert.Equal(2, code);
        Assert.Contains("--seed: '99999999999' is not a whole number from -2147483648 to 2147483647", err);
        Assert.DoesNotContain("System.", err);
    }

    [Fact]
    public void Sensitivity_with_more_samples_than_a_design_can_hold_is_refused_and_leaves_no_lock_or_plan()
    {
        using var tmp = new TempFolder();

        var result = CliFixture.Run("sensitivity", RepoPaths.Scenario("direct-payments"), "--method", "morris", "--params", "imitation,conversation",
            "--samples", "1100000000", "--force", "--out", tmp.Sub("out"));

        AssertClearError(result, "the analysis needs 33,000,000,010 runs, more than one design can hold (2,147,483,647), even with --force");
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Theory]
    [InlineData("calibrate", "--fit", "imitation", "--starts", "2000000000")]                     // start points, a design held whole
    [InlineData("calibrate", "--fit", "imitation", "--method", "abc", "--samples", "2000000000")] // an ABC sample
    public void An_analysis_design_too_big_for_memory_is_refused_before_anything_is_written(params string[] args)
    {
        using var tmp = new TempFolder();

        var result = CliFixture.Run([args[0], RepoPaths.Scenario("direct-payments"), .. args[1..], "--out", tmp.Sub("out")]);

        AssertClearError(result, "a design of 2,000,000,000 points would need about");
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void A_forced_sweep_too_big_for_memory_is_refused_with_its_size()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: "name,kind,values,min,max,levels\nimitation,range,,0.01,0.5,100000\nconversation,range,,0.1,0.5,10000\n");

        AssertClearError(CliFixture.Run("batch", scenario, "--reps", "1", "--force", "--out", tmp.Sub("out")), "sweep.csv:0:0: a design of 1,000,000,000 points would need about");
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    private static (int Code, string Err) Child(string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("dotnet", [CliFixture.Dll, .. args]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the child did not end");
        return (p.ExitCode, err.Result);
    }
}
