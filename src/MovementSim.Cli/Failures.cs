using MovementSim.Batch;

namespace MovementSim.Cli;

/// <summary>
/// What an exception that reached the top of a command means, as an exit code and one line on stderr. The commands map
/// the failures they expect themselves; this is the last net, so that no failure ends in a stack trace and exit codes
/// keep the meaning the README gives them.
/// </summary>
public static class Failures
{
    public static int Report(Exception e, TextWriter stderr)
    {
        switch (e)
        {
            case OutputFolderException:
                stderr.WriteLine($"movementsim: {e.Message}");
                return Cli.UsageError;
            case MergeException or InvalidDataException or Reporting.ResultFolderException:
                stderr.WriteLine($"movementsim: {e.Message}");
                return Cli.InvalidInput;
            case IOException or UnauthorizedAccessException:
                stderr.WriteLine(IoMessage(e));
                return Cli.IoFailure;
            case OutOfMemoryException or InsufficientMemoryException:
                stderr.WriteLine($"movementsim: out of memory ({e.Message}): make the scenario smaller (people, organisations, actors) or run fewer jobs at once (--jobs)");
                return Cli.IoFailure;
            default:
                stderr.WriteLine($"movementsim: internal error, a bug in movementsim ({e.GetType().FullName}: {e.Message.ReplaceLineEndings(" ")}). " +
                    "Please report it with the command line that caused it.");
                return Cli.InternalError;
        }
    }

    /// <summary>An I/O failure with the real reason, and what is left: finished runs stay and a repeated command resumes.</summary>
    public static string IoMessage(Exception e) =>
        $"movementsim: input/output failed: {e.Message} (nothing half-written is left; finished runs are kept, so the same command resumes once the cause is fixed)";
}
