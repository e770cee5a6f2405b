using BenchmarkDotNet.Attributes;
using MovementSim.Core;
using MovementSim.Reporting;
using MovementSim.Scenarios;

namespace MovementSim.Benchmarks;

/// <summary>Where the shipped scenarios are: BenchmarkDotNet runs each benchmark from a folder under bin/, so the
/// repository is found by walking up to <c>MovementSim.sln</c>.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string ScenariosFolder => Path.Join(Root, "scenarios");

    public static string Scenario(string name) => Path.Join(ScenariosFolder, name);

    /// <summary>The shipped scenarios (every folder of scenarios/ with a parameters.csv), by name.</summary>
    public static IReadOnlyList<string> ScenarioNames() =>
        Directory.EnumerateDirectories(ScenariosFolder)
            .Where(d => File.Exists(Path.Join(d, ScenarioFormat.ParametersFile)) || File.Exists(Path.Join(d, ScenarioFormat.OrganisationsFile)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Join(d.FullName, "MovementSim.sln")) && Directory.Exists(Path.Join(d.FullName, "scenarios")))
                {
                    return d.FullName;
                }
            }
        }
        throw new InvalidOperationException("MovementSim.sln not found above " + AppContext.BaseDirectory);
    }

    public static ScenarioDefinition Load(string name)
    {
        var result = ScenarioLoader.Load(Scenario(name));
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{name}: " + string.Join("; ", result.Errors));
        }
        return result.Scenario!;
    }
}

/// <summary>One full run of each shipped scenario at its default size, seed 1, one thread: building the world
/// (network included) and every step. Loading the scenario files is done once in the global setup and not timed.</summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class ScenarioRunBenchmarks
{
    private ScenarioDefinition _scenario = null!;

    public static IEnumerable<string> ScenarioNames() => Repo.ScenarioNames();

    [ParamsSource(nameof(ScenarioNames))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Load() => _scenario = Repo.Load(Scenario);

    [Benchmark(Description = "full run (build + all steps)")]
    public double FullRun()
    {
        var sim = new Simulation(_scenario, seed: 1);
        while (!sim.Finished)
        {
            sim.Step();
        }
        return sim.Current[0];
    }
}

/// <summary>Start-up costs: loading and validating a scenario folder (direct-payments, six CSV files) and drawing
/// every chart of a small result folder (direct-payments at 2,000 people, its default 100 steps, 5 replicates) made once by
/// <c>movementsim batch</c> in this process.</summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private string _results = "";

    [GlobalSetup(Target = nameof(DrawCharts))]
    public void MakeResults()
    {
        _results = Path.Join(Path.GetTempPath(), "movementsim-bench-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();
        var code = Cli.Cli.Run(
            ["batch", Repo.Scenario("direct-payments"), "--reps", "5", "--jobs", "1", "--set", "people=2000",
             "--quiet", "--out", _results], log, log);
        if (code != Cli.Cli.Ok)
        {
            throw new InvalidOperationException($"movementsim batch exited {code}: {log}");
        }
    }

    [GlobalCleanup(Target = nameof(DrawCharts))]
    public void RemoveResults()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    [Benchmark(Description = "ScenarioLoader.Load(direct-payments)")]
    public object LoadScenario() => ScenarioLoader.Load(Repo.Scenario("direct-payments"));

    [Benchmark(Description = "ChartSet.DrawAll (batch of 5 runs)")]
    public int DrawCharts() => ChartSet.DrawAll(_results).Count;
}
