using MovementSim.Batch;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// Generated Slurm scripts never run a user's string as a command: control characters are refused at input, paths are
/// quoted for bash in the command line and for sbatch in #SBATCH lines, and the job name is reduced to safe characters.
/// Each script is run with bash, as Slurm or GNU parallel would run it.
/// </summary>
public class SlurmInjectionTests
{
    [Fact]
    public void A_scenario_folder_with_a_newline_in_its_name_is_refused_and_no_script_is_written()
    {
        // The issue's reproducer: a folder named "evil⏎touch PWNED⏎#" with a scenario's files.
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, "evil\ntouch PWNED\n#", sweep: null);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--slurm", "--shards", "1", "--dry-run", "--out", tmp.Sub("OUT"));

        Assert.Equal(1, code);
        Assert.Contains("the scenario folder's path has a newline (U+000A)", err);
        Assert.Contains("evil\\ntouch PWNED\\n#", err); // echoed with the newline written out, so the message stays one line
        Assert.False(Directory.Exists(tmp.Sub("OUT")));
        Assert.False(File.Exists(tmp.Sub("PWNED")));
    }

    [Fact]
    public void An_output_folder_with_a_newline_is_refused_before_anything_is_written()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--slurm", "--dry-run", "--out", tmp.Sub("OUT\ntouch PWNED\n#"));

        Assert.Equal(2, code);
        Assert.Contains("has a newline (U+000A)", err);
        Assert.Equal(["tiny"], Directory.EnumerateFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_folder_with_a_backslash_is_refused_for_slurm_whose_log_paths_read_it_as_an_escape()
    {
        using var tmp = new TempFolder();
        var scenario = CliFixture.WriteScenario(tmp.Path, sweep: null);

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--slurm", "--dry-run", "--out", tmp.Sub("out\\x"));

        Assert.Equal(2, code);
        Assert.Contains("has a backslash", err);
        Assert.False(Directory.Exists(tmp.Sub("out\\x")));
    }

    [Fact]
    public void Shell_and_sbatch_syntax_in_folder_names_stays_data_when_the_scripts_run_with_bash()
    {
        using var tmp = new TempFolder();
        // Command substitution, backticks, both quotes, a comment, Slurm's %-patterns, a separator and spaces.
        const string Hostile = "ev$(touch PWNED)`touch PWNED`il\"'#%a;x y";
        var scenario = CliFixture.WriteScenario(tmp.Path, Hostile, sweep: null);
        Assert.Equal(0, CliFixture.Run("batch", scenario, "--reps", "2", "--out", tmp.Sub("local"), "--quiet", "--no-report").Code);
        var output = tmp.Sub("OUT 2$(touch PWNED)\"'#%j;`touch PWNED`");

        var (code, _, err) = CliFixture.Run("batch", scenario, "--reps", "2", "--slurm", "--shards", "2", "--dry-run", "--out", output);
        Assert.True(code == 0, err);
        var array = Path.Combine(output, SlurmScripts.Folder, SlurmScripts.ArrayScriptName);
        var merge = Path.Combine(output, SlurmScripts.Folder, SlurmScripts.MergeScriptName);
        var text = File.ReadAllText(array);
        Assert.Contains("#SBATCH --job-name=movementsim-ev__touch_PWNED__touch_PWNED_il____a_x_y\n", text);
        // For sbatch: in double quotes, '"' escaped, '%' of the folder doubled so that only the log's own %a is a pattern.
        Assert.Contains("#SBATCH --output=\"" + Path.GetFullPath(output).Replace("%", "%%").Replace("\"", "\\\"") + "/slurm/shard-%a.log\"\n", text);

        for (var k = 0; k < 2; k++)
        {
            CliFixture.Bash(array, ("SLURM_ARRAY_TASK_ID", k.ToString()));
        }
        CliFixture.Bash(merge);

        Assert.Empty(Directory.EnumerateFiles(tmp.Path, "PWNED", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Environment.CurrentDirectory, "PWNED"));
        Assert.True(CliFixture.SameBytes(tmp.Sub("local/runs.csv"), Path.Combine(output, "runs.csv")), "the shards merged into the local batch's runs.csv");
    }

    [Fact]
    public void Sbatch_paths_escape_quotes_backslashes_and_percent_signs_as_sbatch_reads_them()
    {
        Assert.Equal("\"/a b/c\\\"d\\\\e%%f/slurm/x-%a.log\"", SlurmScripts.SbatchPath("/a b/c\"d\\e%f/slurm", "x-%a.log"));
        Assert.Equal("movementsim-a_b_c", SlurmScripts.JobName("movementsim-a\nb$c"));
        Assert.Null(SlurmScripts.Problem("/plain/path with spaces"));
        Assert.NotNull(SlurmScripts.Problem("a\rb"));
    }

    [Fact]
    public void Writing_scripts_for_words_with_control_characters_is_refused_even_past_the_command_line()
    {
        using var tmp = new TempFolder();
        var job = new SlurmJob(tmp.Sub("out"), 1, ["dotnet", "x.dll"], ["/s", "--set", "a=1\n touch PWNED"], "job");

        var refused = Assert.Throws<ArgumentException>(() => SlurmScripts.Write(job));

        Assert.Contains("newline", refused.Message);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }
}
