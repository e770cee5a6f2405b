using System.CommandLine;
using MovementSim.Batch;
using MovementSim.Reporting;

namespace MovementSim.Cli.Commands;

/// <summary><c>plot RESULTS_DIR</c>: redraws a result folder's charts from its CSV files alone, without rerunning anything.</summary>
public static class PlotCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        ResultFolderCommand.Create("plot", "Redraw the charts of a result folder from its CSV files alone (no rerun): PNG and SVG in RESULTS_DIR/charts.",
            stderr, path =>
            {
                var charts = ChartSet.DrawAll(path);
                foreach (var c in charts)
                {
                    stdout.WriteLine($"{c.PngPath}  {c.Title}");
                }
                stdout.WriteLine($"{charts.Count} charts (PNG and SVG) in {Path.Combine(Path.GetFullPath(path), ResultFiles.Charts)}");
                return Cli.Ok;
            });
}
