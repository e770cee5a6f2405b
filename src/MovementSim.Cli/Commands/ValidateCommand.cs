using System.CommandLine;
using MovementSim.Analysis.Model;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary><c>validate SCENARIO</c>: checks every file (its ranges.csv too) and reports every problem; runs nothing.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "Scenario folder, e.g. scenarios/direct-payments." };
        var sets = new Option<string[]>("--set")
        {
            Description = "Override a scalar parameter: --set name=value (repeatable); checked like the files.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("validate", "Check every file of a scenario and report all problems (exit 1 if any).") { scenario, sets };
        command.SetAction(parse =>
        {
            var overrides = SetOption.Parse(parse.GetValue(sets) ?? [], stderr);
            if (overrides is null)
            {
                return Cli.UsageError;
            }
            var folder = parse.GetValue(scenario)!;
            var loaded = ScenarioLoader.Load(folder, overrides);
            var errors = loaded.Errors.Concat(PlausibleRanges.LoadScenarioFile(loaded)?.Errors ?? []).ToList();
            if (!loaded.IsValid || errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    stderr.WriteLine(e);
                }
                stderr.WriteLine($"{folder}: {errors.Count} problem{(errors.Count == 1 ? "" : "s")} found");
                return Cli.InvalidInput;
            }
            var s = loaded.Scenario!;
            stdout.WriteLine($"{folder}: valid ({s.Organisations.Sum(o => (long)o.Count)} organisations, " +
                             $"{s.Archetypes.Count} archetypes, {s.Components.Count} components, {s.Events.Count} events; " +
                             $"{s.Parameters.People} people, {s.Parameters.StartYear}-{s.Parameters.EndYear}; " +
                             $"a run needs about {ScenarioSize.Of(s).Bytes >> 20} MB of memory)");
            return Cli.Ok;
        });
        return command;
    }
}
