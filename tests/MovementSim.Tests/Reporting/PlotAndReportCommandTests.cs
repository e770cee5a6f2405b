using System.CommandLine;
using MovementSim.Cli.Commands;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>The <c>plot</c> and <c>report</c> commands: exit codes, messages, and redrawing from files alone.</summary>
[Collection(ReportingCollection.Name)]
public sealed class PlotAndReportCommandTests(ReportingFixture fixture)
{
    /// <summary>Runs one command the way Cli.Run does: parse errors are usage errors (exit 2), otherwise the action's code.</summary>
    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, Command> create, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand("test");
        root.Subcommands.Add(create(stdout, stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
            }
            return (MovementSim.Cli.Cli.UsageError, stdout.ToString(), stderr.ToString());
        }
        var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, byte[]> ChartBytes(string root) =>
        Directory.GetFiles(Path.Combine(root, "charts")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void Plot_on_results_from_an_earlier_run_redraws_the_same_charts_and_removes_stale_ones()
    {
        var root = fixture.Single.Root;
        var before = ChartBytes(root);
        File.WriteAllText(Path.Combine(root, "charts", "from_an_older_version.png"), "stale");

        var (code, stdout, stderr) = Run(PlotCommand.Create, "plot", root);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("12 charts (PNG and SVG)", stdout);
        var after = ChartBytes(root);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.True(kv.Value.SequenceEqual(after[kv.Key]), $"{kv.Key} changed when redrawn"));
    }

    [Fact]
    public void Report_rewrites_the_same_report_from_the_same_files()
    {
        var before = File.ReadAllText(fixture.SingleReport.ReportPath);

        var (code, stdout, stderr) = Run(ReportCommand.Create, "report", fixture.Single.Root);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("report.html (12 charts)", stdout);
        Assert.Equal(before, File.ReadAllText(fixture.SingleReport.ReportPath));
    }

    [Theory]
    [InlineData("plot")] // redrawing charts
    [InlineData("report")] // writing the report
    public void A_missing_folder_is_invalid_input_named_without_a_stack_trace(string command)
    {
        var path = Path.Combine(fixture.Root, "no_such_results");

        var (code, stdout, stderr) = Run(command == "plot" ? PlotCommand.Create : ReportCommand.Create, command, path);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"{path}: no such folder{Environment.NewLine}", stderr);
    }

    [Fact]
    public void A_folder_that_is_not_a_result_folder_is_invalid_input()
    {
        var path = Path.Combine(fixture.Root, "not_results");
        Directory.CreateDirectory(path);

        var (code, _, stderr) = Run(ReportCommand.Create, "report", path);

        Assert.Equal(1, code);
        Assert.StartsWith($"{path}: not a result folder", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_malformed_file_is_invalid_input_naming_the_file_and_line()
    {
        var path = Path.Combine(fixture.Root, "malformed");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "timeseries.csv"), "run_id,design_point,replicate,seed,step,year,reach\n0,0,0,1,0,2000,0.1\n0,0,0,1,1,2000.25,lots\n");

        var (code, _, stderr) = Run(PlotCommand.Create, "plot", path);

        Assert.Equal(1, code);
        Assert.Equal($"{Path.Combine(path, "timeseries.csv")}: line 3, column 'reach': 'lots' is not a number{Environment.NewLine}", stderr);
    }

    [Theory]
    [InlineData("plot")] // no folder given
    [InlineData("report")] // no folder given
    public void Leaving_out_the_folder_is_a_usage_error(string command)
    {
        var (code, _, stderr) = Run(command == "plot" ? PlotCommand.Create : ReportCommand.Create, command);

        Assert.Equal(2, code);
        Assert.Contains($"Required argument missing for command: '{command}'", stderr);
    }
}
