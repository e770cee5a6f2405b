using System.Text;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>The names of everything MovementSim writes into a result folder (see results/README.md).</summary>
public static class ResultFiles
{
    public const string Timeseries = "timeseries.csv";
    public const string Runs = "runs.csv";
    public const string Summary = "summary.csv";
    public const string Design = "design.csv";
    public const string Failures = "failures.csv";
    public const string Timing = "timing.csv";
    public const string Manifest = "manifest.json";
    public const string ScenarioSnapshot = "scenario";

    // Written by Reporting (plot, report), named here with the rest so that every reader and writer agrees.
    public const string Charts = "charts";
    public const string Report = "report.html";

    // Written by the analyses (sensitivity, calibrate, robustness), read by the report: one name for writer and reader.
    public const string Indices = "indices.csv";
    public const string Fit = "fit.csv";
    public const string Observed = ObservedFile.Name;
    public const string Calibration = "calibration.json";
    public const string Points = "points.csv";
    public const string Evaluations = "evaluations.csv";
    public const string Profiles = "profiles.csv";
    public const string AbcSamples = "abc-samples.csv";
    public const string Bootstrap = "bootstrap.csv";
    public const string BootstrapData = "bootstrap-data.csv";
    public const string Robustness = "robustness.csv";
    public const string RobustnessRanking = "robustness-ranking.csv";
    public const string RobustnessSummary = "robustness.json";

    /// <summary>A batch's robustness analysis, as suite --robust places it inside the batch's folder (the report reads it there too).</summary>
    public const string RobustnessFolder = "robustness";

    /// <summary>The copy of calibrate's --observed file among the inputs of scenario/ (the scenario's own observed.csv keeps its name).</summary>
    public const string ObservedInput = "observed-input.csv";

    /// <summary>The copy of robustness' --ranges file among the inputs of scenario/ (the scenario's own ranges.csv keeps its name).</summary>
    public const string RangesInput = "ranges-input.csv";

    /// <summary>The page comparing every scenario, in the root of a suite's results.</summary>
    public const string Index = "index.html";

    /// <summary>Finished runs waiting to be assembled: one small file per run (see <see cref="BatchRunner"/>).</summary>
    public const string Parts = ".parts";

    /// <summary>Held with an exclusive OS lock for the life of a batch; the OS drops it when the process dies.</summary>
    public const string Lock = ".lock";

    /// <summary>What batch this folder holds, so that a repeated command resumes it and a different one is refused.</summary>
    public const string Plan = ".plan.json";

    /// <summary>The files of a batch's result that its manifest lists with length and SHA-256 (besides the scenario snapshot's).</summary>
    public static readonly IReadOnlyList<string> Verified = [Design, Timeseries, Runs, Timing, Failures, Summary];

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
