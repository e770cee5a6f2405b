using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Analysis;

/// <summary>
/// The robustness command on the tiny scenario (300 people, 20 steps, a movement and three councils): small samples,
/// the files it writes, resuming, shards merged by the analysis, and the same bytes whatever the number of jobs.
/// </summary>
public class RobustnessCommandTests
{
    /// <summary>Enough worlds to rank every uncertain parameter of the catalog by PRCC (it needs the parameters + 3).</summary>
    private static readonly int Samples = ParameterCatalog.All.Count(s => s.IsUncertain) + 5;

    private static string[] Robustness(string scenario, string output, params string[] more) =>
        ["robustness", scenario, "--samples", Samples.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reps", "1", "--out", output, "--quiet", .. more];

    private static string Tiny(TempFolder tmp) => CliFixture.WriteScenario(tmp.Path, sweep: null);

    /// <summary>The analysis' own files, which do not hold times or --jobs.</summary>
    private static readonly string[] Deterministic =
        [ResultFiles.Robustness, ResultFiles.RobustnessRanking, ResultFiles.RobustnessSummary, "runs/runs.csv", "runs/timeseries.csv", ResultFiles.Summary, ResultFiles.Runs];

    [Fact]
    public void A_small_sample_writes_one_row_per_world_with_its_parameters_then_its_differences_the_ranking_the_summary_and_the_report_section()
    {
        using var tmp = new TempFolder();
        var (code, stdout, err) = CliFixture.Run(Robustness(Tiny(tmp), tmp.Sub("out")));

        Assert.True(code == 0, err);
        Assert.Equal(Path.GetFullPath(tmp.Sub("out")), stdout.Split('\n')[0]);
        var uncertain = ParameterCatalog.All.Where(s => s.IsUncertain).Select(s => s.Name).ToList();
        Assert.Equal(string.Join(",", ["sample", .. uncertain, .. CounterfactualColumns.Compared.Select(CounterfactualColumns.DifferenceOf), "wins"]),
            File.ReadLines(tmp.Sub("out/robustness.csv")).First());
        var worlds = AnalysisFixture.ReadCsv(tmp.Sub("out/robustness.csv"));
        Assert.Equal(Samples, worlds.Count);
        Assert.All(worlds, w => Assert.Equal(AnalysisFixture.Number(w["net_benefit_difference"]) > 0 ? "true" : "false", w["wins"]));
        Assert.Contains(worlds, w => w["benefit_function"] == "threshold");
        Assert.Contains(worlds, w => w["benefit_function"] == "linear");
        Assert.Equal(uncertain.Count, AnalysisFixture.ReadCsv(tmp.Sub("out/robustness-ranking.csv")).Count);
        Assert.Equal((Samples + 1) * 1 + 1, File.ReadAllLines(tmp.Sub("out/runs/runs.csv")).Length); // the scenario as given, then each world
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(tmp.Sub("out/robustness.json")))!;
        Assert.Equal(worlds.Count(w => w["wins"] == "true"), (int)summary["won"]!);
        Assert.InRange((double)summary["share_won"]!, (double)summary["share_won_low"]!, (double)summary["share_won_high"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)summary["flip_region"]));
        Assert.Contains("\"analysis\": \"robustness\"", File.ReadAllText(tmp.Sub("out/manifest.json")));
        Assert.Contains("net_benefit_difference", File.ReadLines(tmp.Sub("out/timeseries.csv")).First()); // the closing batch is paired too
        var report = File.ReadAllText(tmp.Sub("out/report.html"));
        Assert.Contains("<h2>How robust is this answer?</h2>", report);
        Assert.Contains($"in {(int)summary["won"]!} of {Samples} sampled worlds", report);
        Assert.Contains("id=\"chart-robustness_tornado\"", report);
        Assert.Contains("id=\"chart-robustness_scatter_", report);
    }

    [Fact]
    public void The_same_command_gives_the_same_bytes_with_one_job_or_two_and_resumes_without_running_the_worlds_again()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);
        Assert.Equal(0, CliFixture.Run(Robustness(scenario, tmp.Sub("one"), "--jobs", "1")).Code);
        Assert.Equal(0, CliFixture.Run(Robustness(scenario, tmp.Sub("two"), "--jobs", "2")).Code);
        foreach (var file in Deterministic)
        {
            Assert.True(CliFixture.SameBytes(tmp.Sub("one/" + file), tmp.Sub("two/" + file)), $"{file} differs between --jobs 1 and 2");
        }

        // Killed after the worlds ran: the analysis' files, the closing batch and the manifest are missing.
        var expected = Deterministic.ToDictionary(f => f, f => File.ReadAllBytes(tmp.Sub("one/" + f)));
        foreach (var file in new[] { ResultFiles.Robustness, ResultFiles.RobustnessSummary, ResultFiles.Manifest, ResultFiles.Timeseries, ResultFiles.Runs })
        {
            File.Delete(tmp.Sub("one/" + file));
        }
        var worldsRun = File.ReadAllBytes(tmp.Sub("one/runs/timing.csv"));
        Assert.Equal(0, CliFixture.Run(Robustness(scenario, tmp.Sub("one"))).Code);

        Assert.All(Deterministic, f => Assert.Equal(expected[f], File.ReadAllBytes(tmp.Sub("one/" + f))));
        Assert.Equal(worldsRun, File.ReadAllBytes(tmp.Sub("one/runs/timing.csv"))); // the worlds did not run again
        var (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("one"), "--seed", "5"));
        Assert.Equal(2, code);
        Assert.Contains("holds a different batch", err);
    }

    [Fact]
    public void Shards_run_alone_and_the_analysis_merges_them_into_the_same_result_as_one_run()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);
        Assert.Equal(0, CliFixture.Run(Robustness(scenario, tmp.Sub("whole"))).Code);

        for (var k = 0; k < 3; k++)
        {
            var (shardCode, _, shardErr) = CliFixture.Run(Robustness(scenario, tmp.Sub($"sharded/shards/{k}"), "--shard", $"{k}/3"));
            Assert.True(shardCode == 0, shardErr);
        }
        Assert.False(File.Exists(tmp.Sub("sharded/robustness.csv")));
        var (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("sharded")));

        Assert.True(code == 0, err);
        foreach (var file in new[] { ResultFiles.Robustness, ResultFiles.RobustnessRanking, ResultFiles.RobustnessSummary, "runs/runs.csv", "runs/timeseries.csv" })
        {
            Assert.True(CliFixture.SameBytes(tmp.Sub("whole/" + file), tmp.Sub("sharded/" + file)), $"{file} differs between the sharded and the whole analysis");
        }
    }

    [Fact]
    public void A_scenarios_ranges_file_sets_what_is_sampled_and_a_set_parameter_is_held_not_sampled()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);
        File.WriteAllText(Path.Combine(scenario, "ranges.csv"), "parameter,min,max\n# a scenario's own evidence\nimitation,0.3,0.4\n");

        var (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("out"), "--set", "benefit_function=threshold", "--no-report"));

        Assert.True(code == 0, err);
        var worlds = AnalysisFixture.ReadCsv(tmp.Sub("out/robustness.csv"));
        Assert.All(worlds, w => Assert.InRange(AnalysisFixture.Number(w["imitation"]), 0.3, 0.4));
        Assert.False(worlds[0].ContainsKey("benefit_function"));
        Assert.Contains("ranges.csv:3", File.ReadAllText(tmp.Sub("out/robustness.json")));
        Assert.True(File.Exists(tmp.Sub("out/scenario/ranges.csv"))); // in the snapshot, and hashed into the manifest
        Assert.Contains("\"file\": \"ranges.csv\"", File.ReadAllText(tmp.Sub("out/manifest.json")));
    }

    [Fact]
    public void A_design_too_large_to_number_or_to_hold_is_refused_even_with_force_and_nothing_is_written()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);

        var (code, _, err) = CliFixture.Run(["robustness", scenario, "--samples", "1100000000", "--force", "--out", tmp.Sub("out")]);
        Assert.True(code == 1, $"exit {code}: {err}");
        Assert.Contains("more than one design can hold", err);

        (code, _, err) = CliFixture.Run(["robustness", scenario, "--samples", "1000000000", "--reps", "1", "--force", "--out", tmp.Sub("out")]);
        Assert.True(code == 1, $"exit {code}: {err}");
        Assert.Contains("GB of memory to hold", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void A_row_of_the_scenarios_ranges_file_that_can_never_be_sampled_is_reported_once()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);
        File.WriteAllText(Path.Combine(scenario, "ranges.csv"), "parameter,min,max\ninstitutional_adoption,0.1,1\n");

        var (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("out")));

        Assert.Equal(1, code);
        var reported = err.Split('\n').Count(l => l.Contains("ranges.csv:2:1: institutional_adoption is the switch", StringComparison.Ordinal));
        Assert.True(reported == 1, $"reported {reported} times:\n{err}");
    }

    [Fact]
    public void Without_a_movement_or_with_ranges_that_break_a_rule_nothing_runs_and_every_problem_is_named()
    {
        using var tmp = new TempFolder();
        var (code, _, err) = CliFixture.Run(Robustness(AnalysisFixture.BassDocking, tmp.Sub("bass")));
        Assert.Equal(1, code);
        Assert.Contains("movement_capacity_max is 0: the scenario has no movement", err);

        var scenario = Tiny(tmp);
        var ranges = AnalysisFixture.Write(tmp, "overlap.csv", "parameter,min,max\nperson_tolerance_min,0.3,0.9\nperson_tolerance_max,0.2,0.8\ninstitutional_adoption,0,1\n");
        (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("out"), "--ranges", ranges));

        Assert.Equal(1, code);
        Assert.Contains($"{ranges}:4:1: institutional_adoption is the switch", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
        File.WriteAllText(ranges, "parameter,min,max\nperson_tolerance_min,0.3,0.9\nperson_tolerance_max,0.2,0.8\n");
        (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("out"), "--ranges", ranges));
        Assert.Equal(1, code);
        Assert.Contains("breaks a rule between parameters: person_tolerance_min", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void An_output_path_unsafe_in_a_slurm_script_is_a_usage_error_and_nothing_is_written()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);
        var output = tmp.Sub("bad\\x");

        var (code, _, err) = CliFixture.Run(Robustness(scenario, output, "--slurm", "--dry-run"));

        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.Contains("--out ", err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_slurm_scripts_of_dry_run_run_the_shards_then_merge_and_analyse_them_into_the_local_result()
    {
        using var tmp = new TempFolder();
        var scenario = Tiny(tmp);
        Assert.Equal(0, CliFixture.Run(Robustness(scenario, tmp.Sub("local"))).Code);

        var (code, _, err) = CliFixture.Run(Robustness(scenario, tmp.Sub("cluster"), "--slurm", "--shards", "2", "--dry-run"));

        Assert.True(code == 0, err);
        // The analysis job finishes the folder: it stays claimed with the analysis' plan, as batch --slurm leaves it.
        Assert.True(File.Exists(tmp.Sub("cluster/" + ResultFiles.Plan)), "the folder was not kept for the analysis job");
        var array = tmp.Sub("cluster/slurm/shards.sbatch");
        Assert.Contains("#SBATCH --array=0-1", File.ReadAllText(array));
        Assert.Contains("--shard \"$shard/2\"", File.ReadAllText(array));
        // Without Slurm the same scripts run as GNU parallel would run them: one shard per task id, then the analysis.
        for (var k = 0; k < 2; k++)
        {
            CliFixture.Bash(array, ("SLURM_ARRAY_TASK_ID", k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        CliFixture.Bash(tmp.Sub("cluster/slurm/merge.sbatch"));
        foreach (var file in new[] { ResultFiles.Robustness, ResultFiles.RobustnessRanking, ResultFiles.RobustnessSummary, ResultFiles.Summary })
        {
            Assert.True(CliFixture.SameBytes(tmp.Sub("local/" + file), tmp.Sub("cluster/" + file)), $"{file} differs between the local and the cluster analysis");
        }
        Assert.True(File.Exists(tmp.Sub("cluster/report.html")));
    }
}
