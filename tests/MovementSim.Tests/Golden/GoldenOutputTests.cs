using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Golden;

/// <summary>
/// The exact output of tiny seeded runs and batches, kept in the repository. A change to the model, its random draws,
/// the statistics or the output format shows up here as a diff to review; when it is intended, regenerate the files
/// with MOVEMENTSIM_UPDATE_GOLDEN=1 dotnet test --filter GoldenOutput and commit them with the change and its reason.
/// </summary>
public class GoldenOutputTests
{
    private static string GoldenFolder(string name) => Path.Combine(RepoPaths.Root, "tests", "MovementSim.Tests", "Golden", name);

    /// <summary>A Latin hypercube over a values, a uniform and a log-uniform parameter: the design's draws.</summary>
    private const string LatinHypercubeSweep =
        "name,kind,values,min,max,levels\ndesign,setting,latin_hypercube,,,\nsamples,setting,5,,,\n"
        + "imitation,uniform,,0.1,0.6,\nconversation,log_uniform,,0.05,0.8,\nnetwork,values,random;small_world,,,\n";

    [Theory]
    [InlineData("timeseries.csv")] // every measure at every step
    [InlineData("runs.csv")]       // every parameter and every final measure
    public void A_tiny_seeded_run_writes_exactly_the_reference_output(string file) =>
        AssertGolden("tiny-seed-5", file, scenario => ["run", scenario, "--seed", "5"], sweep: null);

    [Theory]
    [InlineData("summary.csv")] // the replicate statistics: n, mean, sd, quantiles and t interval of each measure and step
    [InlineData("design.csv")]  // the full factorial design points
    [InlineData("runs.csv")]    // the runs' seeds, parameters and final measures
    public void A_tiny_seeded_sweep_batch_writes_exactly_the_reference_output(string file) =>
        AssertGolden("tiny-sweep-seed-5", file, scenario => ["batch", scenario, "--reps", "3", "--seed", "5", "--no-report", "--quiet"],
            CliFixture.Sweep);

    [Fact]
    public void A_latin_hypercube_design_draws_exactly_the_reference_points() =>
        AssertGolden("tiny-lhs-seed-5", "design.csv", scenario => ["batch", scenario, "--reps", "1", "--seed", "5", "--no-report", "--quiet"],
            LatinHypercubeSweep, steps: 2);

    /// <summary>Ranges and observations for the tiny scenario's analyses (2000 to 2010 in 40 steps).</summary>
    private const string Ranges = "parameter,min,max\nexternal_influence,0.01,0.5\nmovement_capacity,0.01,0.05\n";
    private const string Observed = "year,measure,value\n2004,reach,0.02\n2007,reach,0.03\n2010,reach,0.04\n";

    [Theory]
    [InlineData("indices.csv")] // Morris elementary effects with their bootstrap intervals
    [InlineData("points.csv")]  // the Morris trajectories' draws
    public void A_tiny_seeded_morris_screening_writes_exactly_the_reference_output(string file) =>
        AssertGolden("tiny-morris-seed-5", file, scenario =>
        [
            "sensitivity", scenario, "--method", "morris", "--params", "external_influence,movement_capacity", "--ranges", Inputs(scenario).Ranges,
            "--measure", "reach", "--samples", "3", "--reps", "1", "--bootstrap", "50", "--seed", "5", "--quiet",
        ], sweep: null, steps: 40);

    [Theory]
    [InlineData("fit.csv")]         // estimates and intervals
    [InlineData("evaluations.csv")] // every point the fit evaluated, from its Latin hypercube starts on
    public void A_tiny_seeded_calibration_writes_exactly_the_reference_output(string file) =>
        AssertGolden("tiny-calibrate-seed-5", file, scenario =>
        [
            "calibrate", scenario, "--observed", Inputs(scenario).Observed, "--fit", "movement_capacity", "--ranges", Inputs(scenario).Ranges,
            "--reps", "2", "--starts", "2", "--profile-points", "3", "--tolerance", "1e-2", "--bootstrap", "2", "--seed", "5", "--quiet",
        ], sweep: null, steps: 40);

    /// <summary>Writes the analyses' input files beside the scenario folder.</summary>
    private static (string Ranges, string Observed) Inputs(string scenario)
    {
        var folder = Path.GetDirectoryName(scenario)!;
        var ranges = Path.Combine(folder, "ranges.csv");
        var observed = Path.Combine(folder, "observed.csv");
        File.WriteAllText(ranges, Ranges);
        File.WriteAllText(observed, Observed);
        return (ranges, observed);
    }

    private static void AssertGolden(string name, string file, Func<string, string[]> command, string? sweep, int steps = 12)
    {
        using var work = new TempFolder();
        var scenario = CliFixture.WriteScenario(work.Path, "tiny", people: 300, steps: steps, sweep: sweep);
        var output = work.Sub("out");
        var (code, _, err) = CliFixture.Run([.. command(scenario), "--out", output]);
        Assert.True(code == 0, err);
        var produced = File.ReadAllText(Path.Combine(output, file));
        var golden = Path.Combine(GoldenFolder(name), file);
        if (Environment.GetEnvironmentVariable("MOVEMENTSIM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenFolder(name));
            File.WriteAllText(golden, produced);
        }
        Assert.True(File.Exists(golden), $"no reference {golden}: run with MOVEMENTSIM_UPDATE_GOLDEN=1 once and commit it");
        Assert.Equal(File.ReadAllText(golden), produced);
    }
}
