using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

public sealed class ScenarioDescriberTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void Without_a_scenario_every_parameter_is_described_at_its_default()
    {
        var described = ScenarioDescriber.Parameters();

        Assert.Equal(ParameterCatalog.All.Select(s => s.Name), described.Select(d => d.Name));
        Assert.All(described, d => Assert.True(d.IsDefault));
        Assert.All(described, d => Assert.Equal(d.Default, d.Value));
        Assert.All(described, d => Assert.Null(d.SetBy));
        var imitation = described.Single(d => d.Name == "imitation");
        Assert.Equal(("0.38", "a number from 0 to 10", "per year"), (imitation.Value, imitation.Range, imitation.Unit));
        Assert.StartsWith("Bass q", imitation.Meaning);
    }

    [Fact]
    public void For_a_loaded_scenario_each_value_says_where_it_was_set()
    {
        var folder = _folders.WriteExample();
        var loaded = ScenarioLoader.Load(folder, [("dropout_rate", "0.5")]);

        var described = ScenarioDescriber.Parameters(loaded).ToDictionary(d => d.Name);

        Assert.Equal(("0.4", "0.38", false, $"{Path.Join(folder, "parameters.csv")}:5"),
            (described["imitation"].Value, described["imitation"].Default, described["imitation"].IsDefault, described["imitation"].SetBy));
        Assert.Equal(("0.5", "--set"), (described["dropout_rate"].Value, described["dropout_rate"].SetBy));
        Assert.Equal(("small_world", "random"), (described["network"].Value, described["network"].Default));
        Assert.Null(described["crowd_out"].SetBy);
    }

    [Fact]
    public void Every_column_of_every_file_has_a_meaning_and_says_what_is_allowed()
    {
        Assert.All(ScenarioDescriber.Files.SelectMany(f => f.Columns), c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Meaning), c.Name);
            Assert.False(string.IsNullOrWhiteSpace(c.Allowed), c.Name);
        });
    }

    [Fact]
    public void Motive_and_resource_columns_follow_the_core_vocabulary()
    {
        Assert.Equal(Names.Motives.Select(m => "w_" + m), ScenarioFormat.Actors.Columns.Select(c => c.Name).Where(n => n.StartsWith("w_")));
        Assert.Equal(Names.Resources.Select(r => "r_" + r), ScenarioFormat.Actors.Columns.Select(c => c.Name).Where(n => n.StartsWith("r_")));
        Assert.Equal(Names.Motives.Select(m => "appeal_" + m), ScenarioFormat.Alternatives.Columns.Select(c => c.Name).Where(n => n.StartsWith("appeal_")));
        Assert.Equal(Enum.GetValues<EventKind>(), ScenarioFormat.EventKinds.Select(e => e.Kind));
    }

    [Fact]
    public void The_readme_holds_the_generated_reference_of_files_columns_and_parameters()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "MovementSim.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("MovementSim.sln not found above the test binaries");
        }
        var path = Path.Combine(root, "scenarios", "README.md");
        var readme = File.ReadAllText(path);
        var begin = readme.IndexOf(ScenarioDescriber.GeneratedBegin, StringComparison.Ordinal);
        var end = readme.IndexOf(ScenarioDescriber.GeneratedEnd, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{path} must contain the generated markers");
        var start = begin + ScenarioDescriber.GeneratedBegin.Length + 1;
        var expected = ScenarioDescriber.ReferenceMarkdown();

        if (Environment.GetEnvironmentVariable("MOVEMENTSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, readme[..start] + expected + readme[end..]);
            readme = File.ReadAllText(path);
            end = readme.IndexOf(ScenarioDescriber.GeneratedEnd, StringComparison.Ordinal);
        }

        Assert.True(readme[start..end] == expected,
            $"{path} is out of date with ScenarioFormat/ParameterCatalog; regenerate it with "
            + "MOVEMENTSIM_UPDATE_DOCS=1 dotnet test tests/MovementSim.Tests --filter The_readme_holds_the_generated_reference");
    }
}
