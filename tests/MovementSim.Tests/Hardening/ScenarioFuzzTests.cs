using System.Diagnostics;
using System.Text;
using MovementSim.Tests.Batch;
using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// Shipped scenarios mutated at random, as careless hands and hostile users would (lines deleted, doubled, swapped or cut,
/// fields replaced by extreme or malformed values, bytes flipped, files emptied, deleted or replaced by folders), each
/// validated and, when valid, run. Every command must exit 0 or 1, print no stack trace, end in time, and write nothing
/// when it exits 1. Bounded to about a minute; the seed is fixed, so a failure names a mutation that reproduces.
/// </summary>
public class ScenarioFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan PerCommand = TimeSpan.FromSeconds(60);
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("MOVEMENTSIM_FUZZ_SEED"), out var s) ? s : 16;
    private const int MostMutants = 2000;
    private const int FewestMutants = 30;
    private const int MostSteps = 2000;

    private static readonly string[] Hostile =
    [
        "", "-1", "0", "-0", "1", "0.5", "1.5", "1e309", "1e-3", "NaN", "-Infinity", "∞", "2147483647", "-2147483648", "2147483648",
        "99999999999999999999", "0.000000000000000000001", "1000000000", "1,5", "\"1,5\"", "\"", "\"\"", "a\"b", "all", "base",
        "\u001B[31mred", "x\ty", "é", "🙂", "..", "../..", "/etc/passwd", "$(touch PWNED)", new string('9', 100_000),
    ];

    [Fact]
    public async Task Mutated_shipped_scenarios_exit_0_or_1_without_a_stack_trace_or_a_hang_and_write_nothing_on_1()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var mutants = 0;
        var (valid, ran) = (0, 0);
        while (clock.Elapsed < Budget && mutants < MostMutants)
        {
            using var tmp = new TempFolder();
            var scenarios = tmp.Sub("scenarios");
            CopyShipped(scenarios);
            var scenario = Path.Combine(scenarios, RepoPaths.ShippedScenarios[random.Next(RepoPaths.ShippedScenarios.Length)]);
            var applied = new List<string>();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                applied.Add(Mutate(scenario, random));
            }
            var what = $"mutant {mutants} of {Path.GetFileName(scenario)}: {string.Join("; ", applied)}";
            mutants++;

            var validate = await Command(what, "validate", scenario);
            if (validate.Code != 0)
            {
                continue;
            }
            valid++;
            if (MovementSim.Scenarios.ScenarioLoader.Load(scenario).Scenario?.Parameters.Steps > MostSteps)
            {
                continue;
            }
            var outFolder = tmp.Sub("out");
            // Few people, so that a valid mutant runs in a moment; steps as the mutant says, unless there are very many.
            var run = await Command(what, "run", scenario, "--set", "people=300", "--threads", "1", "--out", outFolder, "--no-report", "--quiet");
            ran++;
            if (run.Code == 1)
            {
                Assert.False(Directory.Exists(outFolder), $"{what}: run exited 1 but wrote {outFolder}");
            }
            else
            {
                Assert.True(File.Exists(Path.Combine(outFolder, "manifest.json")), $"{what}: run exited 0 without a complete result");
            }
        }
        output.WriteLine($"{mutants} mutants in {clock.Elapsed.TotalSeconds:0} s: {valid} valid, {ran} run");
        Assert.True(mutants >= FewestMutants, $"only {mutants} mutants in {Budget}: the fuzz test did not get to test");
    }

    private async Task<(int Code, string Err)> Command(string what, params string[] args)
    {
        var task = Task.Run(() => CliFixture.Run(args));
        var finished = await Task.WhenAny(task, Task.Delay(PerCommand));
        Assert.True(finished == task, $"{what}: {args[0]} did not end within {PerCommand}");
        var (code, _, err) = await task;
        Assert.True(code is 0 or 1, $"{what}: {args[0]} exited {code}: {Cut(err)}");
        Assert.False(err.Contains("   at ", StringComparison.Ordinal), $"{what}: {args[0]} printed a stack trace: {Cut(err)}");
        Assert.False(err.Contains("internal error", StringComparison.Ordinal), $"{what}: {Cut(err)}");
        Assert.True(err.Length < 200_000, $"{what}: {args[0]} printed {err.Length} characters of errors");
        return (code, err);
    }

    private static string Cut(string text) => text.Length > 2000 ? text[..2000] + "…" : text;

    private static void CopyShipped(string into)
    {
        foreach (var name in RepoPaths.ShippedScenarios)
        {
            var folder = Path.Combine(into, name);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(RepoPaths.Scenario(name), "*.csv"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
    }

    /// <summary>Applies one random mutation to a random CSV file of the scenario (or of its base); returns what it did.</summary>
    private static string Mutate(string scenario, Random random)
    {
        var files = Directory.EnumerateFiles(scenario, "*.csv").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return "no file left to mutate";
        }
        var path = files[random.Next(files.Count)];
        var name = Path.GetFileName(path);
        var lines = File.ReadAllText(path).Split('\n').ToList();
        int Line() => random.Next(lines.Count);
        switch (random.Next(13))
        {
            case 0:
                var deleted = Line();
                lines.RemoveAt(deleted);
                Write(path, lines);
                return $"{name}: line {deleted + 1} deleted";
            case 1:
                var doubled = Line();
                lines.Insert(doubled, lines[doubled]);
                Write(path, lines);
                return $"{name}: line {doubled + 1} doubled";
            case 2:
                var (a, b) = (Line(), Line());
                (lines[a], lines[b]) = (lines[b], lines[a]);
                Write(path, lines);
                return $"{name}: lines {a + 1} and {b + 1} swapped";
            case 3:
                var bytes = File.ReadAllBytes(path);
                var cut = random.Next(bytes.Length + 1);
                File.WriteAllBytes(path, bytes[..cut]);
                return $"{name}: cut to {cut} bytes";
            case 4:
                File.WriteAllBytes(path, []);
                return $"{name}: emptied";
            case 5 or 6 or 7:
                var line = Line();
                var fields = lines[line].Split(',');
                var field = random.Next(fields.Length);
                var value = Hostile[random.Next(Hostile.Length)];
                fields[field] = value;
                lines[line] = string.Join(",", fields);
                Write(path, lines);
                return $"{name}: line {line + 1} field {field + 1} set to '{(value.Length > 20 ? value[..20] + "…" : value)}'";
            case 8:
                var commaLine = Line();
                var at = random.Next(lines[commaLine].Length + 1);
                lines[commaLine] = lines[commaLine].Insert(at, ",");
                Write(path, lines);
                return $"{name}: comma inserted in line {commaLine + 1}";
            case 9:
                var flipped = File.ReadAllBytes(path);
                if (flipped.Length == 0)
                {
                    return $"{name}: empty, not flipped";
                }
                var i = random.Next(flipped.Length);
                flipped[i] = (byte)random.Next(256);
                File.WriteAllBytes(path, flipped);
                return $"{name}: byte {i} set to {flipped[i]}";
            case 10:
                File.Delete(path);
                Directory.CreateDirectory(path);
                return $"{name}: replaced by a folder";
            case 11:
                File.Delete(path);
                return $"{name}: deleted";
            default:
                lines[0] += ",extra_column";
                Write(path, lines);
                return $"{name}: a column added to the header";
        }
    }

    private static void Write(string path, List<string> lines) => File.WriteAllText(path, string.Join("\n", lines), new UTF8Encoding(false));
}
