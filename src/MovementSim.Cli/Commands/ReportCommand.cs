using System.CommandLine;
using MovementSim.Reporting;

namespace MovementSim.Cli.Commands;

/// <summary><c>report RESULTS_DIR</c>: redraws the charts and writes the self-contained report.html of a result folder.</summary>
public static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        ResultFolderCommand.Create("report",
            "Write RESULTS_DIR/report.html: what was run, the headline numbers with their intervals, every chart with a caption computed from the results, "
            + "and, when there are observations, the model against the record. Opens offline in any browser.",
            stderr, path =>
            {
                var result = Report.Write(path);
                stdout.WriteLine($"{result.ReportPath} ({result.Charts.Count} charts)");
                return Cli.Ok;
            });
}
