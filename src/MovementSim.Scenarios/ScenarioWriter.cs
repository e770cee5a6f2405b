using CsvHelper;
using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Writes a scenario folder that <see cref="ScenarioLoader"/> reads back as the same scenario: numbers in
/// shortest round-trip form written out without exponents, invariant culture, LF line ends.
/// </summary>
public static class ScenarioWriter
{
    /// <summary>Scenario files may hold comment lines, so a first field that starts with '#' is quoted.</summary>
    internal static CsvWriterOptions Options { get; } = CsvOutput.Options with { CommentPrefix = '#' };

    /// <summary>
    /// Writes <paramref name="scenario"/> into <paramref name="folder"/> (created if needed) and returns the
    /// paths written. Without <paramref name="baseName"/>, writes every scenario file with every parameter.
    /// With it, writes a variant of that folder (found, as on loading, relative to the parent of
    /// <paramref name="folder"/>): a <c>base</c> row, the parameters whose value differs from the base's, and
    /// only the files whose content differs from the base's. Scenario files already in the folder that are
    /// not written are deleted, so that none is left to shadow the base; other files are left alone.
    /// The name of a loaded scenario is its folder's name, so <see cref="ScenarioDefinition.Name"/> is not written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The base does not load without errors.</exception>
    public static IReadOnlyList<string> WriteFolder(ScenarioDefinition scenario, string folder, string? baseName = null)
    {
        ScenarioDefinition? baseScenario = null;
        if (baseName is not null)
        {
            var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))!;
            var loaded = ScenarioLoader.Load(Path.Combine(parent, baseName));
            if (!loaded.IsValid)
            {
                throw new InvalidOperationException(
                    $"cannot write a variant of '{baseName}': the base does not load:\n" + string.Join("\n", loaded.Errors));
            }
            baseScenario = loaded.Scenario!;
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var file in ScenarioFormat.Files)
        {
            var path = Path.Combine(folder, file.Name);
            var write = file == ScenarioFormat.Parameters
                || baseScenario is null
                || ScenarioComparison.SectionDifferences(file.Name, scenario, baseScenario).Any();
            if (!write)
            {
                File.Delete(path);
                continue;
            }
            using (var writer = CsvOutput.ToFile(path, Options))
            {
                writer.WriteRecord(file.Columns.Select(c => c.Name).ToArray());
                foreach (var record in Records(file, scenario, baseName, baseScenario))
                {
                    writer.WriteRecord(record);
                }
            }
            written.Add(path);
        }
        return written;
    }

    private static IEnumerable<string[]> Records(FileFormat file, ScenarioDefinition s, string? baseName, ScenarioDefinition? baseScenario) =>
        file.Name switch
        {
            ScenarioFormat.ParametersFile => ParameterRecords(s.Parameters, baseName, baseScenario?.Parameters),
            ScenarioFormat.OrganisationsFile => s.Organisations.Select(o => new[]
            {
                o.Name, Names.Of(o.Position), Names.Of(o.Role), Int(o.Count), Num(o.Capacity), Num(o.AdoptionThreshold), Flag(o.AdoptedAtStart),
            }),
            ScenarioFormat.ActorsFile => s.Archetypes.Select(a => new[] { a.Name, a.Organisation, Int(a.CountPerOrganisation) }
                .Concat(a.MotiveWeights.Select(Num))
                .Concat(a.Resources.Select(Num))
                .Concat([Num(a.InitialSupport), Num(a.FidelityTolerance), Flag(a.DecisionMaker), Flag(a.Broker)])
                .ToArray()),
            ScenarioFormat.ComponentsFile => s.Components.Select(c => new[] { c.Name, Num(c.Importance), Names.Of(c.ChosenBy) }),
            ScenarioFormat.AlternativesFile => s.Components.SelectMany(c => c.Alternatives.Select(a =>
                new[] { c.Name, a.Name, Num(a.Fidelity), Num(a.Cost) }.Concat(a.Appeal.Select(Num))
                    .Concat([Num(a.AvailableFrom), Num(a.AvailableTo), Flag(a.Right), Flag(a.NeedsSystems), Num(a.PersonEffort), Num(a.StaffEffort)]).ToArray())),
            ScenarioFormat.EventsFile => s.Events.Select(e => new[] { Num(e.Year), Names.Of(e.Kind), e.Target, Num(e.Value), Num(e.By), e.Label ?? "" }),
            ScenarioFormat.GroupsFile => s.Groups.Select(g => new[]
            {
                g.Name, Num(g.Share), Num(g.Propensity), Num(g.ToleranceMin), Num(g.ToleranceMax), Num(g.EligibleFrom),
                g.Suits is null ? "" : string.Join(ScenarioFormat.ListSeparator, g.Suits),
            }),
            ScenarioFormat.PopulationFile => s.EligiblePopulation.Select(p => new[] { Num(p.Year), Num(p.People), p.Source, p.Note }),
            _ => throw new InvalidOperationException($"no writer for {file.Name}"),
        };

    private static IEnumerable<string[]> ParameterRecords(ModelParameters p, string? baseName, ModelParameters? baseParameters)
    {
        if (baseName is not null)
        {
            yield return [ScenarioFormat.BaseRow, baseName];
        }
        foreach (var spec in ParameterCatalog.All)
        {
            if (baseParameters is null || spec.Get(p) != spec.Get(baseParameters))
            {
                yield return [spec.Name, ScenarioFormat.FormatParameter(spec, p)];
            }
        }
    }

    private static string Num(double v) => PlainNumber.Format(v);

    /// <summary>An optional number: empty when absent.</summary>
    private static string Num(double? v) => v is { } x ? PlainNumber.Format(x) : "";

    private static string Int(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Flag(bool v) => v ? "1" : "0";
}
