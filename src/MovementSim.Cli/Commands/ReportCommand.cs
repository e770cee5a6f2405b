using System.CommandLine;
using MovementSim.Reporting;

namespace MovementSim.Cli.Commands;

/// <summary><c>report RESULTS_DIR</c>: redraws the charts and writes the self-contained report.html of a result folder.</summary>
public static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("RESULTS_DIR")
        {
            Description = "A result folder written by run or batch (see results/README.md).",
        };
        var command = new Command("report", "Write RESULTS_DIR/report.html: what was run, the headline numbers with their intervals, and every chart with a caption computed from the results. Opens offline in any browser.");
        command.Arguments.Add(folder);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder) ?? "";
            return ResultFolderCommand.Guard(path, stderr, () =>
            {
                var result = Report.Write(path);
                stdout.WriteLine($"{result.ReportPath} ({result.Charts.Count} charts)");
                return Cli.Ok;
            });
        });
        return command;
    }
}
