using MovementSim.Explore;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Explore;

/// <summary>"Save as scenario": a variant folder beside the scenario, with its base and only what changed; never a path, never over a folder.</summary>
public sealed class SaveAsScenarioTests
{
    [Fact]
    public async Task Saving_writes_a_variant_with_the_base_row_and_only_the_changed_parameters_and_gives_the_batch_command()
    {
        using var workspace = new ExploreWorkspace();
        var log = new StringWriter();
        var (session, _) = await workspace.StartAsync(log);
        using (session)
        {
            session.SetParameter("conversation", "0.9");
            session.SetParameter("network", "Random");

            var result = session.SaveAs("open-conversation");

            var folder = Path.Combine(workspace.Scenarios, "open-conversation");
            Assert.True(result.Saved, result.Message);
            Assert.Equal(folder, result.Folder);
            Assert.Equal($"./run.sh batch {folder} --counterfactual", result.Command);
            Assert.Contains(result.Command!, log.ToString());
            Assert.Equal([ScenarioFormat.ParametersFile], Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.Equal("parameter,value\nbase,direct-payments\nnetwork,random\nconversation,0.9\n", File.ReadAllText(Path.Combine(folder, ScenarioFormat.ParametersFile)));
            // At full size: the preview's smaller population is not saved.
            var saved = ScenarioLoader.Load(folder);
            Assert.True(saved.IsValid, string.Join("\n", saved.Errors));
            Assert.Equal((20_000, 0.9), (saved.Scenario!.Parameters.People, saved.Scenario.Parameters.Conversation));
        }
    }

    [Theory]
    [InlineData("../outside")] // a relative path out of the scenarios folder
    [InlineData("nested/inside")] // a path below it
    [InlineData("back\\slash")] // a Windows path
    [InlineData("/tmp/absolute")] // an absolute path
    [InlineData("..")] // the parent itself
    [InlineData(".hidden")] // not a plain name
    [InlineData("with space")] // not a plain name
    [InlineData("")] // nothing
    [InlineData("   ")] // blank
    public async Task A_name_that_is_not_a_plain_folder_name_is_refused_and_nothing_is_written(string name)
    {
        using var workspace = new ExploreWorkspace();
        var before = Directory.GetFileSystemEntries(workspace.Root, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(workspace.Results, StringComparison.Ordinal)).Order().ToList();
        var (session, _) = await workspace.StartAsync();
        using (session)
        {
            session.SetParameter("conversation", "0.9");

            var result = session.SaveAs(name);

            Assert.False(result.Saved);
            Assert.Null(result.Command);
            var after = Directory.GetFileSystemEntries(workspace.Root, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(workspace.Results, StringComparison.Ordinal)).Order().ToList();
            Assert.Equal(before, after);
        }
    }

    [Theory]
    [InlineData("direct-payments")] // the scenario explored itself
    [InlineData("taken")] // another folder
    public async Task Saving_never_overwrites_an_existing_folder(string existing)
    {
        using var workspace = new ExploreWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.Scenarios, "taken"));
        File.WriteAllText(Path.Combine(workspace.Scenarios, "taken", "notes.txt"), "mine");
        var (session, _) = await workspace.StartAsync();
        using (session)
        {
            var parameters = File.ReadAllText(Path.Combine(workspace.Scenario, ScenarioFormat.ParametersFile));
            session.SetParameter("conversation", "0.9");

            var result = session.SaveAs(existing);

            Assert.False(result.Saved);
            Assert.Contains("already exists: explore never overwrites a folder", result.Message);
            Assert.Equal(parameters, File.ReadAllText(Path.Combine(workspace.Scenario, ScenarioFormat.ParametersFile)));
            Assert.Equal(["notes.txt"], Directory.GetFiles(Path.Combine(workspace.Scenarios, "taken")).Select(Path.GetFileName));
            Assert.Equal(["direct-payments", "taken"], Directory.GetDirectories(workspace.Scenarios).Select(Path.GetFileName).Order());
        }
    }

    [Fact]
    public async Task A_scenario_that_does_not_load_as_changed_is_not_saved()
    {
        using var workspace = new ExploreWorkspace();
        var (session, _) = await workspace.StartAsync();
        using (session)
        {
            session.SetParameter("conversation", "lots");

            var result = session.SaveAs("broken");

            Assert.False(result.Saved);
            Assert.Contains("does not load", result.Message);
            Assert.False(Directory.Exists(Path.Combine(workspace.Scenarios, "broken")));
        }
    }

    [Theory]
    [InlineData("my-case", null)] // letters and a dash
    [InlineData("case_2", null)] // digits and an underscore
    [InlineData("a/b", "is a path")] // a separator
    [InlineData("a\\b", "is a path")] // the other separator
    [InlineData("a.b", "other than letters, digits, - and _")] // a dot (so never "..")
    public void The_name_check_says_what_is_wrong(string name, string? problem)
    {
        var found = VariantSaver.NameProblem(name);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }
}
