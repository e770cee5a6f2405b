using System.Text;
using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>One parameter as `describe` shows it.</summary>
/// <param name="Value">Its value in the scenario described (the default when there is none), as files write it.</param>
/// <param name="SetBy">Where the value was set ("file:line", or "--set"); null when it keeps its default.</param>
/// <param name="Plausible">The plausible range ("0.005–0.1", "linear or threshold"); "" when the parameter is not uncertain.</param>
/// <param name="PlausibleSource">Where the plausible range comes from: the catalog's source, or the scenario's ranges.csv row.</param>
public sealed record ParameterDescription(
    string Name,
    string Value,
    string Default,
    bool IsDefault,
    string Range,
    string Unit,
    string Meaning,
    string Source,
    string? SetBy,
    string Plausible = "",
    string PlausibleSource = "");

/// <summary>What `describe` shows: every parameter, and every file's columns (from <see cref="ScenarioFormat"/>).</summary>
public static class ScenarioDescriber
{
    public const string GeneratedBegin = "<!-- BEGIN GENERATED: ScenarioDescriber.ReferenceMarkdown(); edit ScenarioFormat.cs, not this part -->";
    public const string GeneratedEnd = "<!-- END GENERATED -->";

    /// <summary>The scenario files and their columns.</summary>
    public static IReadOnlyList<FileFormat> Files => ScenarioFormat.Documented;

    /// <summary>Every parameter, with its value in <paramref name="parameters"/> (defaults when null).</summary>
    public static IReadOnlyList<ParameterDescription> Parameters(ModelParameters? parameters = null) =>
        Describe(parameters ?? new ModelParameters(), []);

    /// <summary>
    /// Every parameter of a loaded scenario, with where each value that is not a default was set, and its plausible
    /// range: the scenario's own (<paramref name="scenarioRanges"/>, its ranges.csv) where it gives one, else the catalog's.
    /// </summary>
    public static IReadOnlyList<ParameterDescription> Parameters(ScenarioLoadResult loaded, IReadOnlyDictionary<string, ScenarioRange>? scenarioRanges = null) =>
        Describe(loaded.Scenario?.Parameters ?? new ModelParameters(), loaded.Settings, scenarioRanges);

    private static ParameterDescription[] Describe(ModelParameters p, IReadOnlyList<ParameterSetting> settings,
        IReadOnlyDictionary<string, ScenarioRange>? scenarioRanges = null)
    {
        var defaults = new ModelParameters();
        return ParameterCatalog.All.Select(s =>
        {
            var set = settings.FirstOrDefault(x => x.Spec.Name == s.Name);
            var own = scenarioRanges?.GetValueOrDefault(s.Name);
            return new ParameterDescription(
                s.Name,
                ScenarioFormat.FormatParameter(s, p),
                ScenarioFormat.FormatParameter(s, defaults),
                s.Get(p) == s.Get(defaults),
                s.RangeText,
                s.Unit,
                s.Meaning,
                s.Source,
                set is null ? null : set.Line > 0 ? $"{set.Source}:{set.Line}" : set.Source,
                own is null ? s.PlausibleText : $"{s.Format(own.Min)}–{s.Format(own.Max)}",
                own?.Where ?? s.PlausibleSource ?? "");
        }).ToArray();
    }

    /// <summary>
    /// The reference part of scenarios/README.md: every file with its columns, the events, and the
    /// parameters. A test checks that the README holds exactly this between its generated markers.
    /// </summary>
    public static string ReferenceMarkdown()
    {
        var md = new StringBuilder();
        md.Append("## Files and columns\n\n");
        md.Append("Every listed column is required in the header unless marked optional, in any order; no other column is allowed "
            + "unless the file says so. A cell may be quoted (\"...\", a doubled quote inside), and a quoted cell may hold commas and line breaks.\n");
        foreach (var file in ScenarioFormat.Documented)
        {
            md.Append($"\n### `{file.Name}` ({(file.Required ? "required" : "optional")})\n\n");
            md.Append(file.Meaning).Append("\n\n");
            md.Append($"Header: `{file.HeaderLine}`{(file.OtherColumnsAllowed ? "; other columns are allowed and ignored" : "")}\n\n");
            md.Append("| column | meaning | unit | valid values |\n| --- | --- | --- | --- |\n");
            foreach (var c in file.Columns)
            {
                md.Append($"| `{c.Name}`{(c.Optional ? " (optional)" : "")} | {Cell(c.Meaning)} | {Cell(c.Unit)} | {Cell(c.Allowed)} |\n");
            }
        }
        md.Append("\n### Events\n\n");
        md.Append("| event | value | valid values | target |\n| --- | --- | --- | --- |\n");
        foreach (var e in ScenarioFormat.EventKinds)
        {
            var range = new ColumnFormat("value", ColumnKind.Real, "", Min: e.Min, Max: e.Max, MaxExclusive: e.MaxExclusive).Allowed;
            md.Append($"| `{e.Name}` | {Cell(e.ValueMeaning)} | {Cell(range)} | {(e.TargetsAll ? "`all` only" : "an organisation or `all`")} |\n");
        }
        md.Append("\n## Limits\n\n");
        md.Append("Checked by `validate`, `run`, `batch` and the analyses before anything runs; each is an error naming the file and the count.\n\n");
        md.Append($"- Every input file (scenario files, `sweep.csv`, `--ranges`, `--observed`) must be a regular file (not a folder, FIFO, device "
            + $"or socket; a link to a regular file is fine) of at most {BoundedInput.MaxText}, counted on the bytes read, and text: a file with a NUL byte is refused without being repeated.\n");
        md.Append($"- Organisations, summed over the `count` column of `{ScenarioFormat.OrganisationsFile}`: at most {ScenarioSize.MaxOrganisations:N0}.\n");
        md.Append($"- Actors, each archetype's `count` times the count of its organisation: at most {ScenarioSize.MaxActors:N0}.\n");
        md.Append($"- Ties among actors (everyone within an organisation, the `actor_network`, the brokers' `broker_ties`) and among people "
            + $"(`people` × `mean_degree` / 2): at most {ScenarioSize.MaxTies:N0} each.\n");
        md.Append("- Memory: a run's peak is estimated from its people, ties, actors, organisations, forms, steps and measures, on the high side; "
            + "a scenario one run of which needs more than the machine (or its container) has is refused with the estimate, and `batch` refuses "
            + "more runs at once (`--jobs`) than fit, saying how many would. `validate` prints the estimate of a valid scenario.\n");
        md.Append($"- Values repeated in error messages are cut to {Echo.MaxLength} characters, with control characters written out (`\\n`, `\\0`).\n");
        md.Append("\n## Parameters (rows of `parameters.csv`)\n\n");
        md.Append("The plausible range is what `robustness` samples (docs/analysis.md); \"—\" marks a parameter that is not uncertain "
            + "(docs/model-odd.md, section 8.1). A scenario's `ranges.csv` replaces it.\n\n");
        md.Append("| parameter | default | valid values | plausible range | unit | meaning | source |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        var defaults = new ModelParameters();
        foreach (var s in ParameterCatalog.All)
        {
            var plausible = s.IsUncertain ? $"{s.PlausibleText} ({s.PlausibleSource})" : "—";
            md.Append($"| `{s.Name}` | {ScenarioFormat.FormatParameter(s, defaults)} | {Cell(s.RangeText)} | {Cell(plausible)} | {Cell(s.Unit)} | {Cell(s.Meaning)} | {Cell(s.Source)} |\n");
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
