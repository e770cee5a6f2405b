using System.CommandLine;
using MovementSim.Reporting;

namespace MovementSim.Cli.Commands;

/// <summary>
/// A command on one result folder (plot, report): its RESULTS_DIR argument, and the guard that turns what a user can
/// fix (a missing folder, a folder that is not a result folder, a malformed file, a file that cannot be written) into
/// "path: message" on stderr and exit code 1 (4 when a file cannot be read or written), without a stack trace.
/// </summary>
internal static class ResultFolderCommand
{
    /// <param name="action">Does the work on the folder's path and returns the exit code.</param>
    public static Command Create(string name, string description, TextWriter stderr, Func<string, int> action)
    {
        var folder = new Argument<string>("RESULTS_DIR")
        {
            Description = "A result folder written by run or batch (see results/README.md).",
        };
        var command = new Command(name, description);
        command.Arguments.Add(folder);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder) ?? "";
            return Guard(path, stderr, () => action(path));
        });
        return command;
    }

    public static int Guard(string path, TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ResultFolderException e)
        {
            stderr.WriteLine(e.Message);
            return Cli.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{path}: {e.Message}");
            return Cli.IoFailure;
        }
    }
}
