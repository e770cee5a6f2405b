using System.CommandLine;

namespace MovementSim.Cli;

/// <summary>Builds the movementsim command line; each subcommand lives in its own file.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;
    /// <summary>run, batch, merge: the result is complete but some runs threw (see failures.csv).</summary>
    public const int SomeRunsFailed = 3;
    /// <summary>A file could not be read or written: disk full, read-only file system, permission denied (the reason is printed).</summary>
    public const int IoFailure = 4;
    /// <summary>An error the program did not expect: a bug, reported as one.</summary>
    public const int InternalError = 5;

    /// <param name="terminal">Where the progress bar goes: stderr as an interactive terminal, or null for plain lines on <paramref name="stderr"/>.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Spectre.Console.IAnsiConsole? terminal = null)
    {
        var root = new RootCommand("MovementSim: how a social movement's innovation is taken up by institutions, and what that does to its reach and fidelity.");
        root.Subcommands.Add(Commands.ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.DescribeCommand.Create(stdout, stderr));
        var report = ReportAfter(stdout, stderr);
        root.Subcommands.Add(Commands.RunCommand.Create(report, terminal));
        root.Subcommands.Add(Commands.BatchCommand.Create(report, terminal));
        root.Subcommands.Add(Commands.MergeCommand.Create(report));
        root.Subcommands.Add(Commands.PlotCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.SuiteCommand.Create(report, terminal));
        root.Subcommands.Add(Commands.SensitivityCommand.Create(report, terminal));
        root.Subcommands.Add(Commands.CalibrateCommand.Create(report));
        root.Subcommands.Add(Commands.RobustnessCommand.Create(report, terminal));
        root.Subcommands.Add(Commands.ExploreCommand.Create(stdout, stderr));
        NumberOptions.Apply(root);
        // Exceptions reach Failures.Report rather than System.CommandLine's handler, which prints a stack trace and exits 1.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
            }
            return UsageError;
        }
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e)
        {
            return Failures.Report(e, stderr);
        }
    }

    /// <summary>Charts and report for a finished result folder. The results are already complete on disk, so a
    /// failure here is reported but does not undo them; `report DIR` can be run again later.</summary>
    private static Action<string> ReportAfter(TextWriter stdout, TextWriter stderr) => dir =>
    {
        try
        {
            // The batch is over: give its memory back before drawing, so that the peak of a command does not add the
            // report's to what a long batch left committed (batch memory stays flat in the number of runs).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var written = Reporting.Report.Write(dir);
            stdout.WriteLine($"report: {written.ReportPath}");
        }
        catch (Exception e) when (e is Reporting.ResultFolderException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"movementsim: results are complete in {dir}, but the report could not be written: {e.Message}");
        }
    };
}
