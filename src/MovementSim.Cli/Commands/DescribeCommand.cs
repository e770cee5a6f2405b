using System.CommandLine;
using System.Globalization;
using MovementSim.Analysis.Model;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary><c>describe [SCENARIO]</c>: every parameter (value, default, range, plausible range, unit, meaning) and every file's columns.</summary>
public static class DescribeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = "Scenario folder; without it, the defaults are shown.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("describe", "List every parameter with its value (or default), range, plausible range (the scenario's ranges.csv, else the catalog's), unit and meaning, and every scenario file's columns.") { scenario };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(scenario);
            ScenarioLoadResult? scenarioLoad = null;
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
                var ranges = PlausibleRanges.LoadScenarioFile(loaded);
                if (ranges is { IsValid: false })
                {
                    foreach (var e in ranges.Errors)
                    {
                        stderr.WriteLine(e);
                    }
                    return Cli.InvalidInput;
                }
                parameters = ScenarioDescriber.Parameters(loaded, ranges?.Ranges.ToDictionary(r => r.Key,
                    r => new ScenarioRange(r.Value.Min, r.Value.Max, string.Create(CultureInfo.InvariantCulture, $"{r.Value.Where.File}:{r.Value.Where.Line}"))));
                scenarioLoad = loaded;
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
                var plausible = p.Plausible.Length == 0 ? "" : $"; plausible {p.Plausible} ({p.PlausibleSource})";
                stdout.WriteLine($"  {"".PadRight(nameWidth)}{"".PadRight(valueWidth)}default {p.Default}; {p.Range}{plausible}; source: {p.Source}{origin}");
            }
            if (folder is not null)
            {
                Events(stdout, scenarioLoad!);
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

    /// <summary>The scenario's events, each with what happened (its label, else its kind), and its observations.</summary>
    private static void Events(TextWriter stdout, ScenarioLoadResult loaded)
    {
        var events = loaded.Scenario!.Events;
        stdout.WriteLine();
        stdout.WriteLine(events.Count == 0 ? "Events: none." : "Events (year, event, target, value: what happened):");
        foreach (var e in events.OrderBy(e => e.Year))
        {
            stdout.WriteLine($"  {PlainNumber.Format(e.Year),-9} {Names.Of(e.Kind),-17} {e.Target,-20} {PlainNumber.Format(e.Value),-6} {e.Label ?? "(no label: charts name the kind of event)"}");
        }
        var observed = loaded.Observed;
        if (observed.Count > 0)
        {
            var measures = observed.Select(o => o.Observation.Measure).Distinct().ToList();
            stdout.WriteLine($"Observations ({ObservedFile.Name}): {observed.Count} of {string.Join(", ", measures)}, "
                + $"{PlainNumber.Format(observed.Min(o => o.Observation.Year))} to {PlainNumber.Format(observed.Max(o => o.Observation.Year))}; "
                + $"{observed.Count(o => o.Observation.Source.Length > 0)} name their source.");
        }
    }
}
