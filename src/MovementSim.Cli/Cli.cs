using System.CommandLine;

namespace MovementSim.Cli;

/// <summary>Builds the movementsim command line; each subcommand lives in its own file.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("MovementSim: how a social movement's innovation is taken up by institutions, and what that does to its reach and fidelity.");
        root.Subcommands.Add(Commands.ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(Commands.DescribeCommand.Create(stdout, stderr));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"movementsim: {e.Message}");
            }
            return UsageError;
        }
        return parse.Invoke(config);
    }
}
