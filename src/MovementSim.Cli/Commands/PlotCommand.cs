using System.CommandLine;
using MovementSim.Batch;
using MovementSim.Reporting;

namespace MovementSim.Cli.Commands;

/// <summary><c>plot RESULTS_DIR</c>: redraws a result folder's charts from its CSV files alone, without rerunning anything.</summary>
public static class PlotCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("RESULTS_DIR")
        {
            Description = "A result folder written by run or batch (see results/README.md).",
        };
        var command = new Command("plot", "Redraw the charts of a result folder from its CSV files alone (no rerun): PNG and SVG in RESULTS_DIR/charts.");
        command.Arguments.Add(folder);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder) ?? "";
            return ResultFolderCommand.Guard(path, stderr, () =>
            {
                var charts = ChartSet.DrawAll(path);
                foreach (var c in charts)
                {
                    stdout.WriteLine($"{c.PngPath}  {c.Title}");
                }
                stdout.WriteLine($"{charts.Count} charts (PNG and SVG) in {Path.Combine(Path.GetFullPath(path), ResultFiles.Charts)}");
                return Cli.Ok;
            });
        });
        return command;
    }
}
