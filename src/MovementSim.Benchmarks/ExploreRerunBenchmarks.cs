using BenchmarkDotNet.Attributes;
using MovementSim.Core;
using MovementSim.Explore;
using MovementSim.Reporting;

namespace MovementSim.Benchmarks;

/// <summary>
/// The work of one rerun of <c>explore</c> at its default preview settings (5 replicates of direct-payments' 20,000
/// people, all cores): the preview batch into a fresh folder, loading it as the report does, and drawing every chart of
/// the change against the unchanged scenario's preview (made once in the setup). What the page waits for after a
/// change, less the debounce and the transfer of the images (<c>--explore</c> measures those too).
/// </summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class ExploreRerunBenchmarks
{
    private string _folder = "";
    private ExploreSettings _settings = null!;
    private ScenarioDefinition _changed = null!;
    private Preview _unchanged = null!;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Join(Path.GetTempPath(), "movementsim-bench-explore-" + Guid.NewGuid().ToString("N"));
        _settings = new ExploreSettings { ScenarioFolder = Repo.Scenario("direct-payments") };
        var scenario = Preview.Scaled(Repo.Load("direct-payments"), _settings.PreviewPeople);
        _changed = scenario with { Parameters = scenario.Parameters with { Conversation = 0.9 } };
        _unchanged = Preview.Run(scenario, _settings, Path.Join(_folder, "unchanged"), CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "explore rerun: preview of 5 x 20,000 people + charts")]
    public int Rerun()
    {
        var folder = Path.Join(_folder, $"changed-{_iteration++}");
        var changed = Preview.Run(_changed, _settings, folder, CancellationToken.None);
        var charts = ChangeCharts.Render(changed.Results, _unchanged.Results).Count();
        Directory.Delete(folder, recursive: true);
        return charts;
    }
}
