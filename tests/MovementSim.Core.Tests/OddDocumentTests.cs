using System.Text.RegularExpressions;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests;

/// <summary>Keeps docs/model-odd.md, the authoritative model description, in step with the code it describes:
/// the parameter table with <see cref="ParameterCatalog.All"/>, the measures with <see cref="MeasureSet.Fixed"/>,
/// and the scheduling section with the calls in <see cref="Simulation.Step"/>.</summary>
public class OddDocumentTests
{
    private const string ParameterTableHeader = "| name | default | range | unit | meaning | source |";
    private const string PlausibleTableHeader = "| name | default | plausible range | unit | source |";
    private const string SchedulingHeadingPrefix = "## 3.";

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MovementSim.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no MovementSim.sln above {AppContext.BaseDirectory}");
    }

    private static string[] OddLines() =>
        File.ReadAllText(Path.Combine(RepoRoot.Value, "docs", "model-odd.md")).ReplaceLineEndings("\n").Split('\n');

    private static string Odd() => string.Join('\n', OddLines());

    /// <summary>The range as the ODD writes it: min–max (en dash), or the list of choices.</summary>
    private static string RangeOf(ParameterSpec spec) =>
        spec.Kind == ParameterKind.Choice ? string.Join(", ", spec.Choices!) : $"{spec.Format(spec.Min)}–{spec.Format(spec.Max)}";

    /// <summary>Rows of the parameter table as (name, default, range), backticks removed.</summary>
    private static List<(string Name, string Default, string Range)> ParameterRows() =>
        ParameterCells().Select(c => (c[0], c[1], c[2])).ToList();

    /// <summary>The six cells of every row of the parameter table, trimmed, backticks removed.</summary>
    private static List<string[]> ParameterCells() => TableCells(ParameterTableHeader, 6);

    /// <summary>The cells of every row of the table under <paramref name="headerLine"/>, trimmed, backticks removed.</summary>
    private static List<string[]> TableCells(string headerLine, int columns)
    {
        var lines = OddLines();
        var header = Array.FindIndex(lines, l => l.Trim() == headerLine);
        Assert.True(header >= 0, $"docs/model-odd.md has no line '{headerLine}'");
        var rows = new List<string[]>();
        // header + 1 is the | --- | separator.
        for (var i = header + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            Assert.True(cells.Length == columns, $"table row has {cells.Length} cells, not {columns}: {lines[i]}");
            rows.Add(cells);
        }
        return rows;
    }

    /// <summary>Text of section 3 (Process overview and scheduling), up to the next level-2 heading.</summary>
    private static string SchedulingSection()
    {
        var lines = OddLines();
        var start = Array.FindIndex(lines, l => l.StartsWith(SchedulingHeadingPrefix, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/model-odd.md has no heading starting '{SchedulingHeadingPrefix}'");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The static calls on Rules and Measurement in the body of Simulation.Step, in call order.</summary>
    private static List<string> CallsInStep()
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot.Value, "src", "MovementSim.Core", "Simulation.cs"));
        var signature = source.IndexOf("public void Step()", StringComparison.Ordinal);
        Assert.True(signature >= 0, "Simulation.cs has no 'public void Step()'");
        var open = source.IndexOf('{', signature);
        var depth = 0;
        var close = open;
        for (; close < source.Length; close++)
        {
            depth += source[close] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                break;
            }
        }
        var body = source[open..close];
        return Regex.Matches(body, @"\b(Rules|Measurement)\.(\w+)\s*\(").Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}").ToList();
    }

    [Fact]
    public void The_parameter_table_has_one_row_per_catalog_entry_in_catalog_order_with_its_default_and_range()
    {
        var rows = ParameterRows();
        var catalog = ParameterCatalog.All;
        Assert.True(rows.Count == catalog.Count,
            $"the table has {rows.Count} rows, the catalog {catalog.Count} entries");
        for (var i = 0; i < catalog.Count; i++)
        {
            var spec = catalog[i];
            Assert.True(rows[i].Name == spec.Name, $"row {i + 1} is '{rows[i].Name}', the catalog's entry {i + 1} is '{spec.Name}'");
            Assert.True(rows[i].Default == spec.Format(spec.Default),
                $"{spec.Name}: default '{rows[i].Default}' in the ODD, '{spec.Format(spec.Default)}' in the catalog");
            Assert.True(rows[i].Range == RangeOf(spec),
                $"{spec.Name}: range '{rows[i].Range}' in the ODD, '{RangeOf(spec)}' in the catalog");
        }
    }

    [Fact]
    public void The_parameter_table_gives_each_parameter_the_catalogs_unit_meaning_and_source()
    {
        // The document promises the catalog's own text, so a changed meaning cannot drift unnoticed.
        var rows = ParameterCells().ToDictionary(c => c[0], StringComparer.Ordinal);
        foreach (var spec in ParameterCatalog.All)
        {
            Assert.True(rows.TryGetValue(spec.Name, out var cells), $"no row for {spec.Name}");
            var unit = spec.Unit.Length == 0 ? "—" : spec.Unit;
            Assert.True(cells[3] == unit, $"{spec.Name}: unit '{cells[3]}' in the ODD, '{unit}' in the catalog");
            Assert.True(cells[4] == spec.Meaning, $"{spec.Name}: meaning '{cells[4]}' in the ODD, '{spec.Meaning}' in the catalog");
            Assert.True(cells[5] == spec.Source, $"{spec.Name}: source '{cells[5]}' in the ODD, '{spec.Source}' in the catalog");
        }
    }

    [Fact]
    public void The_plausible_range_table_has_one_row_per_uncertain_parameter_in_catalog_order_with_the_catalogs_range_and_source()
    {
        var rows = TableCells(PlausibleTableHeader, 5);
        var uncertain = ParameterCatalog.All.Where(s => s.IsUncertain).ToList();
        // The expected rows, so that a failing test shows what to paste into section 8.1.
        var expected = string.Join("\n", uncertain.Select(s =>
            $"| `{s.Name}` | {s.Format(s.Default)} | {s.PlausibleText} | {(s.Unit.Length == 0 ? "—" : s.Unit)} | {s.PlausibleSource} |"));
        var actual = string.Join("\n", rows.Select(c => $"| `{c[0]}` | {c[1]} | {c[2]} | {c[3]} | {c[4]} |"));
        Assert.True(expected == actual, "section 8.1 of docs/model-odd.md differs from the catalog's plausible ranges; it should read:\n" + expected);
    }

    [Fact]
    public void Every_fixed_measure_is_named_in_the_document()
    {
        var odd = Odd();
        var missing = MeasureSet.Fixed.Where(m => !odd.Contains($"`{m}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "measures not named (in backticks) in docs/model-odd.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_scheduling_section_names_every_rule_the_step_calls_in_the_order_it_calls_them()
    {
        var calls = CallsInStep();
        Assert.Contains("Rules.ApplyEvents", calls);
        Assert.Contains("Measurement.Collect", calls);
        var section = SchedulingSection();
        var positions = new List<int>();
        foreach (var call in calls)
        {
            var found = Regex.Match(section, $@"\b{Regex.Escape(call)}\b");
            Assert.True(found.Success, $"section 3 of docs/model-odd.md does not name {call}");
            positions.Add(found.Index);
        }
        for (var k = 1; k < calls.Count; k++)
        {
            Assert.True(positions[k - 1] < positions[k],
                $"section 3 first names {calls[k]} before {calls[k - 1]}, but Simulation.Step calls {calls[k - 1]} first");
        }
    }
}
