using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

public sealed class ScenarioFilesTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void The_hash_depends_on_file_names_and_contents_not_on_where_the_folder_is_or_the_list_order()
    {
        var a = ScenarioLoader.Load(_folders.WriteExample("a")).Files;
        var b = ScenarioLoader.Load(_folders.WriteExample("elsewhere/b")).Files;

        var hash = ScenarioFiles.Hash(a);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ScenarioFiles.Hash(b));
        Assert.Equal(hash, ScenarioFiles.Hash(a.Reverse()));
    }

    [Fact]
    public void The_hash_changes_when_one_byte_of_one_file_changes()
    {
        var files = ScenarioLoader.Load(_folders.WriteExample("a")).Files;
        var before = ScenarioFiles.Hash(files);

        File.AppendAllText(files.Single(f => f.Name == ScenarioFormat.ComponentsFile).FullPath, "\n");

        Assert.NotEqual(before, ScenarioFiles.Hash(files));
    }

    [Fact]
    public void The_hash_of_a_variant_covers_its_bases_files()
    {
        _folders.WriteExample("base");
        var variant = _folders.Write("variant", new Dictionary<string, string> { ["parameters.csv"] = "parameter,value\nbase,base\n" });
        var files = ScenarioLoader.Load(variant).Files;
        var before = ScenarioFiles.Hash(files);

        File.AppendAllText(Path.Combine(_folders.PathOf("base"), ScenarioFormat.ActorsFile), "# a comment\n");

        Assert.Equal(7, files.Count);
        Assert.NotEqual(before, ScenarioFiles.Hash(files));
    }

    [Fact]
    public void A_scenario_without_base_or_overrides_is_copied_byte_for_byte()
    {
        var source = _folders.WriteExample("example");
        var loaded = ScenarioLoader.Load(source);
        var destination = _folders.PathOf("result/scenario");

        var written = ScenarioFiles.Copy(loaded, destination);

        Assert.Equal(6, written.Count);
        foreach (var file in loaded.Files)
        {
            Assert.Equal(File.ReadAllBytes(file.FullPath), File.ReadAllBytes(Path.Combine(destination, file.Name)));
        }
    }

    [Fact]
    public void A_copied_variant_with_overrides_loads_alone_as_the_scenario_that_ran()
    {
        _folders.WriteExample("base");
        var variant = _folders.Write("variant", new Dictionary<string, string>
        {
            ["parameters.csv"] = "parameter,value\nbase,base\nimitation,0.6\n",
            ["events.csv"] = "year,event,target,value\n2002,mandate,all,1\n",
        });
        var loaded = ScenarioLoader.Load(variant, [("people", "3000")]);
        var destination = _folders.PathOf("result/variant");

        ScenarioFiles.Copy(loaded, destination);
        var copy = ScenarioLoader.Load(destination);

        Assert.Empty(copy.Errors);
        Assert.Empty(ScenarioComparison.Differences(loaded.Scenario!, copy.Scenario!));
        Assert.All(copy.Files, f => Assert.Equal(0, f.Depth));
        Assert.Equal(File.ReadAllText(Path.Combine(variant, "events.csv")), File.ReadAllText(Path.Combine(destination, "events.csv")));
        Assert.Equal(
            $"# Parameters in effect, merged from {Path.Join(variant, "parameters.csv")}, {Path.Join(_folders.PathOf("base"), "parameters.csv")}, --set.\n"
            + "parameter,value\npeople,3000\nsteps,40\nstart_year,1997\nnetwork,small_world\nimitation,0.6\n",
            File.ReadAllText(Path.Combine(destination, "parameters.csv")));
    }

    [Fact]
    public void Copying_a_scenario_that_did_not_load_throws()
    {
        var loaded = ScenarioLoader.Load(_folders.PathOf("missing"));

        Assert.Throws<InvalidOperationException>(() => ScenarioFiles.Copy(loaded, _folders.PathOf("out")));
    }
}
