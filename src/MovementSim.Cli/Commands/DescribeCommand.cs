using System.CommandLine;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary><c>describe [SCENARIO]</c>: every parameter (value, default, range, unit, meaning) and every file's columns.</summary>
public static class DescribeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario folder; without it, the defaults are shown.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("describe", "List every parameter with its value (or default), range, unit and meaning, and every scenario file's columns.") { scenario };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(scenario);
            IReadOnlyList<ParameterDescription> parameters;
            if (folder is null)
            {
                parameters = ScenarioDescriber.Parameters();
                stdout.WriteLine("Parameters (defaults):");
            }
            else
            {
                var loaded = ScenarioLoader.Load(folder);
                if (!loaded.IsValid)
                {
                    foreach (var e in loaded.Errors)
                    {
                        stderr.WriteLine(e);
                    }
                    return Cli.InvalidInput;
                }
                parameters = ScenarioDescriber.Parameters(loaded);
                stdout.WriteLine($"Parameters of {folder} (* = differs from the default):");
            }
            var nameWidth = parameters.Max(p => p.Name.Length) + 2;
            var valueWidth = Math.Max(8, parameters.Max(p => p.Value.Length)) + 2;
            foreach (var p in parameters)
            {
                var mark = p.IsDefault ? " " : "*";
                var unit = p.Unit.Length > 0 ? $" [{p.Unit}]" : "";
                stdout.WriteLine($"{mark} {p.Name.PadRight(nameWidth)}{p.Value.PadRight(valueWidth)}{p.Meaning}{unit}");
                var origin = p.SetBy is null ? "" : $"; set in {p.SetBy}";
                stdout.WriteLine($"  {"".PadRight(nameWidth)}{"".PadRight(valueWidth)}default {p.Default}; {p.Range}; source: {p.Source}{origin}");
            }
            stdout.WriteLine();
            stdout.WriteLine("Scenario files (see scenarios/README.md):");
            foreach (var file in ScenarioDescriber.Files)
            {
                stdout.WriteLine($"  {file.Name} ({(file.Required ? "required" : "optional")}): {file.Meaning}");
                var width = file.Columns.Max(c => c.Name.Length) + 2;
                foreach (var c in file.Columns)
                {
                    var unit = c.Unit.Length > 0 ? $" [{c.Unit}]" : "";
                    stdout.WriteLine($"    {c.Name.PadRight(width)}{c.Meaning}{unit}; {c.Allowed}{(c.Optional ? " (optional column)" : "")}");
                }
            }
            return Cli.Ok;
        });
        return command;
    }
}
