using System.Globalization;
using MovementSim.Core;
using MovementSim.Scenarios;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Analysis;

/// <summary>
/// Observed data made by the model itself: bass-docking with known p = 0.03 and q = 0.5 per year, the mean
/// reach of 4 runs of 2000 people (master seed 99) at the end of each of the 5 years; and, once for the
/// class, a calibration of imitation together with conversation (which bass-docking, having no actors, never
/// reads) against them, with a small bootstrap (its intervals are not the point, the verdict and resuming are).
/// </summary>
public sealed class CalibrationData : IDisposable
{
    public const double TrueExternalInfluence = 0.03;
    public const double TrueImitation = 0.5;

    public CalibrationData()
    {
        var truth = Folder.Sub("truth");
        var (code, _, err) = CliFixture.Run("batch", AnalysisFixture.BassDocking, "--set", "people=2000", "steps=50",
            FormattableString.Invariant($"external_influence={TrueExternalInfluence}"), FormattableString.Invariant($"imitation={TrueImitation}"),
            "--reps", "4", "--seed", "99", "--out", truth, "--quiet");
        if (code != 0)
        {
            throw new InvalidOperationException(err);
        }
        var observed = AnalysisFixture.ReadCsv(Path.Combine(truth, "summary.csv"))
            .Where(r => r["measure"] == MeasureSet.Reach && int.Parse(r["step"], CultureInfo.InvariantCulture) is 10 or 20 or 30 or 40 or 50)
            .Select(r => $"{r["year"]},reach,{r["mean"]}");
        Observed = AnalysisFixture.Write(Folder, "observed.csv", "year,measure,value\n" + string.Join("\n", observed) + "\n");
        Ranges = AnalysisFixture.Write(Folder, "ranges.csv", AnalysisFixture.Ranges);

        Unidentified = Folder.Sub("unidentified");
        Result = CliFixture.Run(CalibrateCommandTests.Calibrate(this, Unidentified, "imitation,conversation", UnidentifiedOptions));
    }

    public TempFolder Folder { get; } = new();
    public string Observed { get; }
    public string Ranges { get; }

    /// <summary>Four refits: enough to show that a bootstrap keeps a flat parameter not identified.</summary>
    public static readonly string[] UnidentifiedOptions = ["--bootstrap", "4"];

    /// <summary>The result folder of the calibration of imitation and conversation.</summary>
    public string Unidentified { get; }

    public (int Code, string Out, string Err) Result { get; }

    public void Dispose() => Folder.Dispose();
}

public class CalibrateCommandTests(CalibrationData data) : IClassFixture<CalibrationData>
{
    /// <summary>
    /// Recovery tolerances, relative to the true values. The data are the mean of 4 runs and the simulation at
    /// each candidate the mean of 4 others (other seeds): both carry Monte Carlo error. The push p is set by the
    /// first year's adopters, about 2000 × 0.03 = 60 per run, a Poisson count with a relative error of 1/√60
    /// ≈ 13% per run, 6.5% over 4 runs and about 9% for the difference of data and simulation; 30% is over three
    /// of those. Imitation is set by all five years and came out within 6% in trials with other seeds; 15% is
    /// about three of those errors.
    /// </summary>
    /// <remarks>The intervals are checked without a tolerance: a 90% interval should simply contain the truth.</remarks>
    private const double ExternalInfluenceTolerance = 0.30;
    private const double ImitationTolerance = 0.15;

    private const int RecoveryRefits = 19;

    /// <summary>A flat profile puts the interval over (nearly) the whole range: at least 90% of it.</summary>
    private const double FlatShare = 0.9;

    internal static string[] Calibrate(CalibrationData d, string output, string fit, params string[] more) =>
    [
        "calibrate", AnalysisFixture.BassDocking, "--observed", d.Observed, "--fit", fit, "--ranges", d.Ranges,
        "--reps", "4", "--starts", "1", "--profile-points", "11", "--tolerance", "1e-3", "--out", output, "--quiet",
        .. AnalysisFixture.Small, .. more,
    ];

    private static Dictionary<string, string> Row(string folder, string parameter) =>
        AnalysisFixture.ReadCsv(Path.Combine(folder, "fit.csv")).Single(r => r["parameter"] == parameter);

    [Fact]
    public void Calibration_recovers_the_push_and_imitation_that_made_the_data_and_writes_a_ready_to_run_fitted_scenario()
    {
        using var tmp = new TempFolder();

        // The observed values are means of 4 runs, so the bootstrap's synthetic data sets are too. 19 refits instead of
        // the default 39 halve the test's time; the interval is then the smallest to the largest refit, 90% instead of 95%.
        var (code, stdout, err) = CliFixture.Run(Calibrate(data, tmp.Sub("fit"), "external_influence,imitation", "--observed-runs", "4",
            "--bootstrap", RecoveryRefits.ToString(CultureInfo.InvariantCulture)));

        Assert.True(code == 0, err);
        Assert.Equal(Path.GetFullPath(tmp.Sub("fit")), stdout.Split('\n')[0]); // the folder first, then the report
        Assert.Equal("parameter,value,low,high,identified", File.ReadLines(tmp.Sub("fit/fit.csv")).First());
        var p = Row(tmp.Sub("fit"), "external_influence");
        var q = Row(tmp.Sub("fit"), "imitation");
        Assert.InRange(AnalysisFixture.Number(p["value"]), CalibrationData.TrueExternalInfluence * (1 - ExternalInfluenceTolerance),
            CalibrationData.TrueExternalInfluence * (1 + ExternalInfluenceTolerance));
        Assert.InRange(AnalysisFixture.Number(q["value"]), CalibrationData.TrueImitation * (1 - ImitationTolerance),
            CalibrationData.TrueImitation * (1 + ImitationTolerance));
        Assert.Equal(["true", "true"], new[] { p["identified"], q["identified"] });
        Assert.InRange(CalibrationData.TrueExternalInfluence, AnalysisFixture.Number(p["low"]), AnalysisFixture.Number(p["high"]));
        Assert.InRange(CalibrationData.TrueImitation, AnalysisFixture.Number(q["low"]), AnalysisFixture.Number(q["high"]));
        Assert.Contains("\"interval\": \"bootstrap\"", File.ReadAllText(tmp.Sub("fit/calibration.json")));
        Assert.Equal(1 + RecoveryRefits, File.ReadAllLines(tmp.Sub("fit/bootstrap.csv")).Length);

        Assert.Equal(6, File.ReadAllLines(tmp.Sub("fit/observed.csv")).Length);
        Assert.StartsWith("year,measure,value,weight,source,note\n2001,reach,", File.ReadAllText(tmp.Sub("fit/observed.csv")));
        Assert.Contains("\"distance\":", File.ReadAllText(tmp.Sub("fit/calibration.json")));
        var fitted = ScenarioLoader.Load(tmp.Sub("fit/fitted-scenario"));
        Assert.True(fitted.IsValid, string.Join("\n", fitted.Errors));
        Assert.Equal(AnalysisFixture.Number(q["value"]), fitted.Scenario!.Parameters.Imitation);
        Assert.Equal(2000, fitted.Scenario.Parameters.People);
        Assert.True(File.Exists(tmp.Sub("fit/timeseries.csv")) && File.Exists(tmp.Sub("fit/summary.csv"))); // the simulated band at the fit
        Assert.Contains("\"analysis\": \"calibration\"", File.ReadAllText(tmp.Sub("fit/manifest.json")));
        Assert.True(File.Exists(tmp.Sub("fit/report.html"))); // drawn from fit.csv, observed.csv and the fitted batch
        // The report says what the interval column is, so that a reader does not take it for something else.
        Assert.Contains($"Interval: 90% parametric bootstrap interval ({RecoveryRefits} refits)", File.ReadAllText(tmp.Sub("fit/report.html")));
        Assert.False(Directory.Exists(tmp.Sub("fit/runs")));
    }

    [Fact]
    public void A_parameter_the_data_cannot_pin_down_is_reported_not_identified_with_an_interval_over_its_whole_range()
    {
        Assert.True(data.Result.Code == 0, data.Result.Err);

        var conversation = Row(data.Unidentified, "conversation");
        var imitation = Row(data.Unidentified, "imitation");

        Assert.Equal("false", conversation["identified"]);
        Assert.InRange(AnalysisFixture.Number(conversation["high"]) - AnalysisFixture.Number(conversation["low"]), FlatShare, 1.0);
        Assert.Equal("true", imitation["identified"]);
    }

    [Fact]
    public void The_same_command_resumes_a_killed_calibration_from_its_evaluations_without_running_them_again()
    {
        Assert.True(data.Result.Code == 0, data.Result.Err);
        using var tmp = new TempFolder();
        var copy = tmp.Sub("copy");
        CopyFolder(data.Unidentified, copy);
        foreach (var file in new[] { "manifest.json", "fit.csv", "timeseries.csv" })
        {
            File.Delete(Path.Combine(copy, file));
        }
        var evaluations = File.ReadAllBytes(Path.Combine(copy, "evaluations.csv"));

        var refit = Path.Combine("bootstrap", "refit-3", "evaluations.csv");
        var refitEvaluations = File.ReadAllBytes(Path.Combine(copy, refit));

        var (code, _, err) = CliFixture.Run(Calibrate(data, copy, "imitation,conversation", CalibrationData.UnidentifiedOptions));

        Assert.True(code == 0, err);
        Assert.Equal(evaluations, File.ReadAllBytes(Path.Combine(copy, "evaluations.csv"))); // nothing new was simulated
        Assert.Equal(refitEvaluations, File.ReadAllBytes(Path.Combine(copy, refit))); // nor in the bootstrap
        Assert.True(CliFixture.SameBytes(Path.Combine(data.Unidentified, "fit.csv"), Path.Combine(copy, "fit.csv")));
        Assert.True(CliFixture.SameBytes(Path.Combine(data.Unidentified, "timeseries.csv"), Path.Combine(copy, "timeseries.csv")));
    }

    [Fact]
    public void The_same_calibration_writes_the_same_bytes_with_one_job_or_two()
    {
        using var tmp = new TempFolder();
        string[] Command(string jobs) =>
        [
            "calibrate", AnalysisFixture.BassDocking, "--observed", data.Observed, "--fit", "imitation", "--ranges", data.Ranges, "--reps", "2",
            "--starts", "1", "--profile-points", "5", "--tolerance", "1e-3", "--bootstrap", "4", "--jobs", jobs, "--out", tmp.Sub("jobs-" + jobs), "--quiet",
            .. AnalysisFixture.Small,
        ];

        var one = CliFixture.Run(Command("1"));
        var two = CliFixture.Run(Command("2"));

        Assert.True(one.Code == 0 && two.Code == 0, one.Err + two.Err);
        foreach (var file in new[] { "fit.csv", "bootstrap.csv", "bootstrap-data.csv", "evaluations.csv", "calibration.json" })
        {
            Assert.True(CliFixture.SameBytes(tmp.Sub("jobs-1/" + file), tmp.Sub("jobs-2/" + file)), file + " differs");
        }
    }

    [Fact]
    public void Approximate_bayesian_computation_keeps_the_closest_share_of_a_sample_and_calls_a_flat_posterior_not_identified()
    {
        using var tmp = new TempFolder();

        var (code, _, err) = CliFixture.Run("calibrate", AnalysisFixture.BassDocking, "--observed", data.Observed, "--fit", "imitation,conversation",
            "--ranges", data.Ranges, "--method", "abc", "--samples", "40", "--accept", "0.25", "--reps", "2", "--out", tmp.Sub("abc"), "--quiet",
            "--set", "people=2000", "steps=50");

        Assert.True(code == 0, err);
        var samples = AnalysisFixture.ReadCsv(tmp.Sub("abc/abc-samples.csv"));
        Assert.Equal(40, samples.Count);
        Assert.Equal(10, samples.Count(s => s["accepted"] == "true"));
        Assert.Equal("false", Row(tmp.Sub("abc"), "conversation")["identified"]);
        Assert.Equal("true", Row(tmp.Sub("abc"), "imitation")["identified"]);
    }

    [Fact]
    public void Every_invalid_input_is_reported_as_file_line_column_before_anything_runs_with_exit_code_1()
    {
        using var tmp = new TempFolder();
        var observed = AnalysisFixture.Write(tmp, "obs.csv", "year,measure,value\n2001,reech,0.1\n2030,reach,0.2\n2002,reach,lots\n");
        var ranges = AnalysisFixture.Write(tmp, "ranges.csv", "parameter,min,max\nimitation,0.4,0.4\n");

        var (code, _, err) = CliFixture.Run("calibrate", AnalysisFixture.BassDocking, "--observed", observed, "--fit", "imitation,network",
            "--ranges", ranges, "--out", tmp.Sub("out"), "--quiet", "--set", "people=2000", "steps=50");

        Assert.Equal(1, code);
        Assert.Contains(observed + ":2:2: unknown measure 'reech' (did you mean 'reach'?)", err);
        Assert.Contains(observed + ":3:1: year 2030 is outside the simulated years 2000 to 2005", err);
        Assert.Contains(observed + ":4:3: 'lots' is not a number: value must be a number", err);
        Assert.Contains(ranges + ":2:2: imitation: the range is empty: min equals max (0.4)", err);
        Assert.Contains("--fit:0:2: network is a choice (one of complete, random, small_world, scale_free), not a number", err);
        Assert.Contains("movementsim: 5 errors; nothing was run", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void An_observations_file_is_checked_on_its_own_when_the_scenario_does_not_load()
    {
        using var tmp = new TempFolder();
        var observed = AnalysisFixture.Write(tmp, "obs.csv", "year,measure,value\n2001,reach,lots\n");

        var (code, _, err) = CliFixture.Run("calibrate", AnalysisFixture.BassDocking, "--observed", observed, "--fit", "imitation",
            "--out", tmp.Sub("out"), "--quiet", "--set", "rewiring=2");

        Assert.Equal(1, code);
        Assert.Contains("--set:0:1: rewiring = 2 is out of range", err);
        Assert.Contains(observed + ":2:3: 'lots' is not a number: value must be a number", err);
        Assert.Contains("movementsim: 2 errors; nothing was run", err);
    }

    [Theory]
    [InlineData("", "obs.csv:1:0: the file is empty")] // no header
    [InlineData("year,measure,value\n", "obs.csv:1:0: the file has a header but no observations")] // no rows
    [InlineData("year,measure,value\n2001,reach,0.1\n2002,reach,0.2\n", "obs.csv:0:0: 2 observations with a positive weight cannot estimate a residual variance for 2 parameters")] // too few to fit 2
    public void An_observations_file_that_cannot_support_a_fit_is_an_error_with_exit_code_1(string text, string expected)
    {
        using var tmp = new TempFolder();
        var observed = AnalysisFixture.Write(tmp, "obs.csv", text);

        var (code, _, err) = CliFixture.Run("calibrate", AnalysisFixture.BassDocking, "--observed", observed, "--fit", "external_influence,imitation",
            "--out", tmp.Sub("out"), "--quiet", "--set", "people=2000", "steps=50");

        Assert.Equal(1, code);
        Assert.Contains(tmp.Sub(expected), err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Theory]
    [InlineData("--method", "simplex")] // not nelder-mead or abc
    [InlineData("--accept", "0.5")] // an ABC option with Nelder-Mead
    [InlineData("--tolerance", "2")] // not a relative spread
    [InlineData("--reps", "0")] // no replicates
    [InlineData("--bootstrap", "1")] // one refit has no spread
    [InlineData("--observed-runs", "0")] // data average no realisation
    [InlineData("--interval", "wald")] // not bootstrap or profile
    public void Usage_errors_exit_with_code_2(string option, string value)
    {
        using var tmp = new TempFolder();

        var (code, _, err) = CliFixture.Run("calibrate", AnalysisFixture.BassDocking, "--observed", data.Observed, "--fit", "imitation",
            "--out", tmp.Sub("out"), "--quiet", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("movementsim: ", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void Bootstrap_settings_with_profile_intervals_are_a_usage_error()
    {
        using var tmp = new TempFolder();

        var (code, _, err) = CliFixture.Run("calibrate", AnalysisFixture.BassDocking, "--observed", data.Observed, "--fit", "imitation",
            "--out", tmp.Sub("out"), "--quiet", "--interval", "profile", "--bootstrap", "79");

        Assert.Equal(2, code);
        Assert.Contains("--bootstrap applies to --interval bootstrap only", err);
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void Help_lists_the_options_and_the_exit_codes()
    {
        var (code, stdout, _) = CliFixture.Run("calibrate", "--help");

        Assert.Equal(0, code);
        foreach (var option in new[] { "--observed", "--fit", "--ranges", "--reps", "--method", "--interval", "--bootstrap", "--observed-runs", "--out", "Exit codes" })
        {
            Assert.Contains(option, stdout);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
