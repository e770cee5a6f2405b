using System.CommandLine;
using MovementSim.Batch;

namespace MovementSim.Cli.Commands;

/// <summary><c>merge DIR... --out DIR</c>: joins the shard folders of one batch into one result.</summary>
public static class MergeCommand
{
    /// <param name="afterMerge">Called with the merged result folder once it is complete (charts and report).</param>
    public static Command Create(Action<string>? afterMerge = null)
    {
        var folders = new Argument<string[]>("DIR") { Description = "The shard folders (all N shards of one batch, any order).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the merged result.", Required = true, HelpName = "DIR" };
        var quiet = BatchOptions.Quiet();
        var noReport = BatchOptions.NoReport();
        var command = new Command("merge", "Join the outputs of batch --shard K/N into one result, identical to the unsharded batch; refuses shards of different batches "
            + "and shards whose files do not match the lengths and SHA-256 in their manifest.json, writing nothing. "
            + "Exit codes: 0 merged, 1 invalid or damaged shards, 2 usage error or output folder in use, 3 some runs failed, 4 input/output failure.")
        {
            folders, output, quiet, noReport,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var outcome = ResultMerger.Merge(parse.GetRequiredValue(folders), parse.GetRequiredValue(output), BatchInvocation.CommandLineOf(parse));
                if (!parse.GetValue(quiet))
                {
                    stderr.WriteLine(outcome.WasAlreadyComplete
                        ? $"movementsim: {outcome.OutputDirectory} already holds this merged batch; nothing to do"
                        : $"movementsim: merged {outcome.Runs} runs{(outcome.RunsFailed > 0 ? $" ({outcome.RunsFailed} failed, see {ResultFiles.Failures})" : "")} into {outcome.OutputDirectory}");
                }
                stdout.WriteLine(outcome.OutputDirectory);
                if (!parse.GetValue(noReport))
                {
                    afterMerge?.Invoke(outcome.OutputDirectory);
                }
                return outcome.AllSucceeded ? Cli.Ok : Cli.SomeRunsFailed;
            }
            catch (MergeException e)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
                return Cli.InvalidInput;
            }
            catch (OutputFolderException e)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
                return Cli.UsageError;
            }
            catch (InvalidDataException e)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
                return Cli.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(Failures.IoMessage(e));
                return Cli.IoFailure;
            }
        });
        return command;
    }
}
