using MovementSim.Reporting;

namespace MovementSim.Cli.Commands;

/// <summary>Runs an action on a result folder and turns what a user can fix (a missing folder, a folder that is
/// not a result folder, a malformed file, a file that cannot be written) into "path: message" on stderr and exit
/// code 1, without a stack trace.</summary>
internal static class ResultFolderCommand
{
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
            return Cli.InvalidInput;
        }
    }
}
