using MovementSim.Batch;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class SensitivityCommandTests
{
    /// <summary>
    /// A parameter the model never reads gives, under common random numbers, exactly the same runs at every
    /// design point: its elementary effects are 0 up to nothing at all, not up to noise.
    /// </summary>
    private const double NoEffect = 0;

    /// <summary>
    /// Across p in [0.01, 0.1] and q in [0.1, 1], reach in 2004 moves by about 0.3 to 0.5 per whole range (Bass
    /// curve); 0.05 is far below that and far above the Monte Carlo error of 2 replicates of 2000 people.
    /// </summary>
    private const double ClearEffect = 0.05;

    private static string[] Morris(string scenario, string ranges, string output, params string[] more) =>
    [
        "sensitivity", scenario, "--method", "morris", "--params", "external_influence,imitation,conversation",
        "--ranges", ranges, "--measure", "reach", "--at-year", "2004", "--reps", "2", "--samples", "4",
        "--bootstrap", "200", "--out", output, "--quiet", .. AnalysisFixture.Small, .. more,
    ];

    private static double Index(List<Dictionary<string, string>> rows, string parameter, string index) =>
        AnalysisFixture.Number(rows.Single(r => r["parameter"] == parameter && r["index"] == index)["value"]);

    [Fact]
    public void Morris_on_bass_docking_finds_reach_depends_on_push_and_imitation_and_not_at_all_on_conversation()
    {
        using var tmp = new TempFolder();
        var ranges = AnalysisFixture.Write(tmp, "ranges.csv", AnalysisFixture.Ranges);

        var (code, stdout, err) = CliFixture.Run(Morris(AnalysisFixture.BassDocking, ranges, tmp.Sub("out")));

        Assert.True(code == 0, err);
        Assert.Equal(Path.GetFullPath(tmp.Sub("out")), stdout.Split('\n')[0]); // the folder first, then the report
        Assert.Equal("parameter,index,value,ci_low,ci_high", File.ReadLines(tmp.Sub("out/indices.csv")).First());
        var rows = AnalysisFixture.ReadCsv(tmp.Sub("out/indices.csv"));
        Assert.Equal(9, rows.Count); // mu_star, mu and sigma of each of three parameters
        Assert.InRange(Index(rows, "external_influence", "mu_star"), ClearEffect, double.MaxValue);
        Assert.InRange(Index(rows, "imitation", "mu_star"), ClearEffect, double.MaxValue);
        Assert.Equal(NoEffect, Index(rows, "conversation", "mu_star"));
        Assert.All(rows, r => Assert.InRange(AnalysisFixture.Number(r["value"]), AnalysisFixture.Number(r["ci_low"]), AnalysisFixture.Number(r["ci_high"])));
        Assert.Equal(4 * 4 + 1, File.ReadAllLines(tmp.Sub("out/points.csv")).Length); // r(k + 1) design points and a header
        Assert.Equal(4 * 4 * 2 + 1, File.ReadAllLines(tmp.Sub("out/runs/runs.csv")).Length); // each with 2 replicates
        Assert.True(File.Exists(tmp.Sub("out/timeseries.csv")) && File.Exists(tmp.Sub("out/summary.csv"))); // the baseline batch
        var manifest = File.ReadAllText(tmp.Sub("out/manifest.json"));
        Assert.Contains("\"sensitivity_measure\": \"reach\"", manifest);
        Assert.Contains("\"at_step\": 40", manifest);
        Assert.Contains("depends most on", File.ReadAllText(tmp.Sub("out/report.html"))); // the report names, in words, what reach depends on
    }

    [Fact]
    public void Sobol_on_bass_docking_writes_first_order_and_total_indices_with_intervals_and_zero_for_conversation()
    {
        using var tmp = new TempFolder();
        var ranges = AnalysisFixture.Write(tmp, "ranges.csv", AnalysisFixture.Ranges);

        var (code, _, err) = CliFixture.Run("sensitivity", AnalysisFixture.BassDocking, "--method", "sobol", "--params", "external_influence,imitation,conversation",
            "--ranges", ranges, "--measure", "reach", "--reps", "1", "--samples", "8", "--bootstrap", "200", "--out", tmp.Sub("out"), "--quiet",
            "--set", "people=2000", "steps=50");

        Assert.True(code == 0, err);
        var rows = AnalysisFixture.ReadCsv(tmp.Sub("out/indices.csv"));
        Assert.Equal(["S1", "ST"], rows.Select(r => r["index"]).Distinct().Order());
        Assert.Equal(6, rows.Count);
        Assert.Equal(NoEffect, Index(rows, "conversation", "ST"));
        Assert.InRange(Index(rows, "imitation", "ST"), ClearEffect, double.MaxValue);
        Assert.Equal(8 * 5 + 1, File.ReadAllLines(tmp.Sub("out/points.csv")).Length); // N(k + 2) design points
    }

    [Fact]
    public void The_same_command_resumes_an_interrupted_analysis_to_the_same_indices_whatever_the_jobs_and_refuses_a_different_one()
    {
        using var tmp = new TempFolder();
        var ranges = AnalysisFixture.Write(tmp, "ranges.csv", AnalysisFixture.Ranges);
        Assert.Equal(0, CliFixture.Run(Morris(AnalysisFixture.BassDocking, ranges, tmp.Sub("one"), "--jobs", "1")).Code);
        Assert.Equal(0, CliFixture.Run(Morris(AnalysisFixture.BassDocking, ranges, tmp.Sub("two"), "--jobs", "2")).Code);
        Assert.True(CliFixture.SameBytes(tmp.Sub("one/indices.csv"), tmp.Sub("two/indices.csv")));
        Assert.True(CliFixture.SameBytes(tmp.Sub("one/runs/timeseries.csv"), tmp.Sub("two/runs/timeseries.csv")));

        // Killed after the design points ran: the closing batch, the indices and the manifest are missing.
        var indices = File.ReadAllBytes(tmp.Sub("one/indices.csv"));
        foreach (var file in new[] { "indices.csv", "manifest.json", "timeseries.csv", "runs.csv" })
        {
            File.Delete(tmp.Sub("one/" + file));
        }
        var designRuns = File.ReadAllBytes(tmp.Sub("one/runs/timing.csv"));
        Assert.Equal(0, CliFixture.Run(Morris(AnalysisFixture.BassDocking, ranges, tmp.Sub("one"))).Code);

        Assert.Equal(indices, File.ReadAllBytes(tmp.Sub("one/indices.csv")));
        Assert.Equal(designRuns, File.ReadAllBytes(tmp.Sub("one/runs/timing.csv"))); // the design points did not run again
        var (code, _, err) = CliFixture.Run(Morris(AnalysisFixture.BassDocking, ranges, tmp.Sub("one"), "--seed", "5"));
        Assert.Equal(2, code);
        Assert.Contains("holds a different batch", err);
    }

    [Fact]
    public void Every_invalid_input_is_reported_as_file_line_column_before_anything_runs_with_exit_code_1()
    {
        using var tmp = new TempFolder();
        var ranges = AnalysisFixture.Write(tmp, "ranges.csv", "parameter,min,max\nimitation,1,0.1\nconversation,0,two\n");

        var (code, _, err) = CliFixture.Run("sensitivity", AnalysisFixture.BassDocking, "--method", "morris", "--params", "imitatoin,network,steps",
            "--ranges", ranges, "--measure", "reech", "--at-year", "2010", "--out", tmp.Sub("out"), "--quiet", "--set", "people=2000", "steps=50");

        Assert.Equal(1, code);
        Assert.Contains(ranges + ":2:2: imitation: the range is reversed: min 1 is above max 0.1", err);
        Assert.Contains(ranges + ":3:3: 'two' is not a number: max must be a number in the parameter's valid range", err);
        Assert.Contains("--params:0:1: unknown parameter 'imitatoin' (did you mean 'imitation'?)", err);
        Assert.Contains("--params:0:2: network is a choice", err);
        Assert.Contains("--params:0:3: steps sets the time axis", err);
        Assert.Contains("--measure:0:0: unknown measure 'reech' (did you mean 'reach'?)", err);
        Assert.Contains("--at-year:0:0: year 2010 is outside the simulated years 2000 to 2005", err);
        Assert.Contains("movementsim: 7 errors; nothing was run", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Theory]
    [InlineData("--method", "pca")] // not morris or sobol
    [InlineData("--levels", "3")] // Morris levels must be even
    [InlineData("--samples", "1")] // too few trajectories
    [InlineData("--jobs", "0")] // no workers
    [InlineData("--set", "people")] // not name=value
    public void Usage_errors_exit_with_code_2(string option, string value)
    {
        using var tmp = new TempFolder();
        string[] args = ["sensitivity", AnalysisFixture.BassDocking, "--method", "morris", "--params", "imitation", "--out", tmp.Sub("out"), "--quiet"];
        var replaced = option == "--method" ? args.Select(a => a == "morris" ? value : a).ToArray() : [.. args, option, value];

        var (code, _, err) = CliFixture.Run(replaced);

        Assert.Equal(2, code);
        Assert.StartsWith("movementsim: ", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void Help_lists_the_options_and_the_exit_codes()
    {
        var (code, stdout, _) = CliFixture.Run("sensitivity", "--help");

        Assert.Equal(0, code);
        foreach (var option in new[] { "--method", "--params", "--ranges", "--samples", "--measure", "--at-year", "--reps", "--jobs", "--out", "Exit codes" })
        {
            Assert.Contains(option, stdout);
        }
    }
}
