using System.CommandLine;
using MovementSim.Explore;

namespace MovementSim.Cli.Commands;

/// <summary>
/// <c>explore SCENARIO [--port N] [--reps N] [--people N]</c>: serves a page on 127.0.0.1 where every parameter can be
/// changed and every CSV file of the scenario edited, each change rerunning a preview against the scenario as it was at
/// the start (MovementSim.Explore). Runs until Ctrl-C. Exit codes: 0 stopped, 1 the scenario does not load,
/// 2 usage error (also: the port is in use), 4 the previews cannot be written under results/.
/// </summary>
public static class ExploreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = BatchOptions.Scenario();
        var port = new Option<int>("--port")
        {
            Description = "Port of the page on 127.0.0.1.",
            DefaultValueFactory = _ => ExploreSettings.DefaultPort,
            HelpName = "N",
        };
        var reps = new Option<int>("--reps")
        {
            Description = "Replicates of each preview.",
            DefaultValueFactory = _ => ExploreSettings.DefaultReplicates,
            HelpName = "N",
        };
        var people = new Option<int>("--people")
        {
            Description = "Previews run at most N people; a scenario saved from the page keeps its own size.",
            DefaultValueFactory = _ => ExploreSettings.DefaultPreviewPeople,
            HelpName = "N",
        };
        var command = new Command("explore", "Serve a page on 127.0.0.1 to change a scenario's parameters (or save its CSV files) and see within seconds " +
            "what each change does against the scenario unchanged; save the result as a variant scenario. Ctrl-C stops it.")
        {
            scenario, port, reps, people,
        };
        command.SetAction(parse => Run(new ExploreSettings
        {
            ScenarioFolder = parse.GetRequiredValue(scenario),
            Port = parse.GetValue(port),
            Replicates = parse.GetValue(reps),
            PreviewPeople = parse.GetValue(people),
            ScenarioRanges = ScenarioRangesFile.Read,
        }, stdout, stderr));
        return command;
    }

    private static int Run(ExploreSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                stderr.WriteLine($"movementsim: {p}");
            }
            return Cli.UsageError;
        }
        using var session = ExploreSession.Open(settings, stdout, out var errors);
        if (session is null)
        {
            foreach (var e in errors)
            {
                stderr.WriteLine(e);
            }
            stderr.WriteLine($"movementsim: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}; the scenario must load before it can be explored");
            return Cli.InvalidInput;
        }
        ExploreServer server;
        try
        {
            server = ExploreServer.StartAsync(session, settings.Port, stopOnCtrlC: true, stderr).GetAwaiter().GetResult();
        }
        catch (PortInUseException e)
        {
            stderr.WriteLine($"movementsim: {e.Message}");
            return Cli.UsageError;
        }
        try
        {
            session.Start();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"movementsim: cannot write the previews under {session.SessionFolder}: {e.Message}");
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Cli.IoFailure;
        }
        stdout.WriteLine($"explore: open {server.Url} in a browser (Ctrl-C stops)");
        stdout.WriteLine($"explore: {session.State.PreviewNote}");
        stdout.WriteLine($"explore: previews are written under {session.SessionFolder} and removed when explore stops");
        server.WaitForShutdownAsync().GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stdout.WriteLine("explore: stopped");
        return Cli.Ok;
    }
}
