using System.CommandLine;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary><c>describe [SCENARIO]</c>: every parameter (value, default, range, plausible range, unit, meaning), a scenario's innovation (with the
/// years each alternative exists), groups, population, events and observations, and every file's columns.</summary>
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
                var ranges = ScenarioRangesFile.Read(loaded);
                if (ranges.Problems.Count > 0)
                {
                    foreach (var e in ranges.Problems)
                    {
                        stderr.WriteLine(e);
                    }
                    return Cli.InvalidInput;
                }
                parameters = ScenarioDescriber.Parameters(loaded, ranges.Ranges);
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
                Innovation(stdout, scenarioLoad!.Scenario!);
                Groups(stdout, scenarioLoad.Scenario!);
                Events(stdout, scenarioLoad);
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

    /// <summary>The innovation: each component (who chooses it) and its alternatives, with their fidelity, cost, the years
    /// they exist, whether they are a right and the effort they ask.</summary>
    private static void Innovation(TextWriter stdout, ScenarioDefinition scenario)
    {
        stdout.WriteLine();
        stdout.WriteLine("Innovation (component: alternative, fidelity, cost, years it exists, right, effort asked of the person / of staff):");
        foreach (var c in scenario.Components)
        {
            stdout.WriteLine($"  {c.Name} (importance {PlainNumber.Format(c.Importance)}, chosen by the {Names.Of(c.ChosenBy)})");
            var width = c.Alternatives.Max(a => a.Name.Length) + 2;
            foreach (var a in c.Alternatives)
            {
                var from = a.AvailableFrom is { } f ? PlainNumber.Format(f) : "always";
                var to = a.AvailableTo is { } t ? $" to {PlainNumber.Format(t)}" : "";
                stdout.WriteLine($"    {a.Name.PadRight(width)}fidelity {PlainNumber.Format(a.Fidelity),-5} cost {PlainNumber.Format(a.Cost),-5} "
                    + $"{(a.AvailableFrom is null && a.AvailableTo is null ? "always" : $"from {from}{to}"),-18}{(a.Right ? " right" : "      ")}{(a.NeedsSystems ? " needs systems" : "")} "
                    + $"effort {PlainNumber.Format(a.PersonEffort)} / {PlainNumber.Format(a.StaffEffort)}");
            }
        }
    }

    /// <summary>The client groups and the eligible population series, when the scenario has them.</summary>
    private static void Groups(TextWriter stdout, ScenarioDefinition scenario)
    {
        if (scenario.Groups.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Client groups (share, propensity, tolerance range, eligible from, suited alternatives):");
            foreach (var g in scenario.Groups)
            {
                stdout.WriteLine($"  {g.Name,-20} {PlainNumber.Format(g.Share),-6} {PlainNumber.Format(g.Propensity),-6} "
                    + $"{PlainNumber.Format(g.ToleranceMin)}-{PlainNumber.Format(g.ToleranceMax),-6} {(g.EligibleFrom is { } y ? PlainNumber.Format(y) : "start"),-9} "
                    + (g.Suits is null ? "all" : string.Join("; ", g.Suits)));
            }
        }
        if (scenario.EligiblePopulation.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Eligible population ({ScenarioFormat.PopulationFile}): "
                + string.Join(", ", scenario.EligiblePopulation.Select(p => $"{PlainNumber.Format(p.Year)}: {PlainNumber.Format(p.People)}"))
                + " (linear between, constant beyond)");
        }
    }

    /// <summary>The scenario's events, each with what happened (its label, else its kind), and its observations.</summary>
    private static void Events(TextWriter stdout, ScenarioLoadResult loaded)
    {
        var events = loaded.Scenario!.Events;
        stdout.WriteLine();
        stdout.WriteLine(events.Count == 0 ? "Events: none." : "Events (year, event, target, value: what happened):");
        foreach (var e in events.OrderBy(e => e.Year))
        {
            var by = e.By is { } b ? $" by {PlainNumber.Format(b)}" : "";
            stdout.WriteLine($"  {PlainNumber.Format(e.Year),-9} {Names.Of(e.Kind),-17} {e.Target,-20} {PlainNumber.Format(e.Value) + by,-14} {e.Label ?? "(no label: charts name the kind of event)"}");
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
