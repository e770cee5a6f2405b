using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

/// <summary>Variants (base rows) and --set overrides.</summary>
public sealed class ScenarioVariantTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    private static Dictionary<string, string> Parameters(string text) => new() { [ScenarioFormat.ParametersFile] = text };

    [Fact]
    public void A_variant_takes_its_bases_files_and_parameter_rows_and_overrides_the_rows_it_repeats()
    {
        var basePath = _folders.WriteExample("direct-payments");
        var variant = _folders.Write("dp-fast", Parameters("parameter,value\nbase,direct-payments\nimitation,0.6\n"));

        var loaded = ScenarioLoader.Load(variant);

        Assert.Empty(loaded.Errors);
        var s = loaded.Scenario!;
        Assert.Equal("dp-fast", s.Name);
        Assert.Equal(0.6, s.Parameters.Imitation);
        Assert.Equal((2000, 40, 1997.0), (s.Parameters.People, s.Parameters.Steps, s.Parameters.StartYear));
        Assert.Equal(3, s.Organisations.Count);
        Assert.Equal(3, s.Events.Count);
        Assert.Equal([variant, basePath], loaded.Chain);
        Assert.Equal(
            [
                ("parameters.csv", 0, Path.Join(variant, "parameters.csv")),
                ("parameters.csv", 1, Path.Join(basePath, "parameters.csv")),
                ("organisations.csv", 1, Path.Join(basePath, "organisations.csv")),
                ("actors.csv", 1, Path.Join(basePath, "actors.csv")),
                ("components.csv", 1, Path.Join(basePath, "components.csv")),
                ("alternatives.csv", 1, Path.Join(basePath, "alternatives.csv")),
                ("events.csv", 1, Path.Join(basePath, "events.csv")),
            ],
            loaded.Files.Select(f => (f.Name, f.Depth, f.DisplayPath)));
    }

    [Fact]
    public void A_file_in_the_variant_replaces_the_bases_file_wholesale()
    {
        _folders.WriteExample("direct-payments");
        var variant = _folders.Write("dp-no-events", new Dictionary<string, string>
        {
            [ScenarioFormat.ParametersFile] = "parameter,value\nbase,direct-payments\n",
            [ScenarioFormat.EventsFile] = "year,event,target,value\n",
            [ScenarioFormat.ComponentsFile] = "component,importance\npayment,1\nplanning,3\n",
        });

        var loaded = ScenarioLoader.Load(variant);

        Assert.Empty(loaded.Errors);
        Assert.Empty(loaded.Scenario!.Events);
        Assert.Equal([1.0, 3.0], loaded.Scenario.Components.Select(c => c.Importance));
        Assert.Equal(0, loaded.Files.Single(f => f.Name == ScenarioFormat.EventsFile).Depth);
        Assert.Equal(1, loaded.Files.Single(f => f.Name == ScenarioFormat.AlternativesFile).Depth);
    }

    [Fact]
    public void Bases_chain_and_the_nearest_folder_wins()
    {
        _folders.WriteExample("a");
        _folders.Write("b", Parameters("parameter,value\nbase,a\nimitation,0.6\npeople,3000\n"));
        var c = _folders.Write("c", Parameters("parameter,value\npeople,4000\nbase,b\n"));

        var loaded = ScenarioLoader.Load(c);

        Assert.Empty(loaded.Errors);
        var p = loaded.Scenario!.Parameters;
        Assert.Equal((4000, 0.6, 40), (p.People, p.Imitation, p.Steps));
        Assert.Equal([0, 1, 2], loaded.Files.Where(f => f.Name == ScenarioFormat.ParametersFile).Select(f => f.Depth));
    }

    [Fact]
    public void A_cycle_of_bases_is_an_error_showing_the_cycle()
    {
        var a = _folders.Write("a", Parameters("parameter,value\nbase,b\n"));
        var b = _folders.Write("b", Parameters("parameter,value\nbase,a\n"));

        var loaded = ScenarioLoader.Load(a);

        var cycle = Assert.Single(loaded.Errors);
        Assert.Equal(new ScenarioError(Path.Join(b, "parameters.csv"), 2, 2, $"base 'a' makes a cycle of bases: {a} -> {b} -> {a}"), cycle);
        Assert.Null(loaded.Scenario);
    }

    [Fact]
    public void A_folder_that_is_its_own_base_is_a_cycle()
    {
        var self = _folders.Write("self", Parameters("parameter,value\nbase,self\n"));

        var loaded = ScenarioLoader.Load(self);

        Assert.Equal([new ScenarioError(Path.Join(self, "parameters.csv"), 2, 2, $"base 'self' makes a cycle of bases: {self} -> {self}")], loaded.Errors);
    }

    [Fact]
    public void A_missing_base_is_an_error_on_the_base_row_saying_where_it_was_looked_for()
    {
        var variant = _folders.Write("variant", Parameters("parameter,value\nimitation,0.5\nbase,direct-paymnts\n"));

        var loaded = ScenarioLoader.Load(variant);

        var e = Assert.Single(loaded.Errors);
        Assert.Equal(new ScenarioError(Path.Join(variant, "parameters.csv"), 3, 2,
            $"base folder 'direct-paymnts' does not exist (looked for {_folders.PathOf("direct-paymnts")}; "
            + "a base is found relative to the parent of the folder that names it)"), e);
    }

    [Fact]
    public void An_empty_base_is_an_error()
    {
        var variant = _folders.Write("variant", Parameters("parameter,value\nbase,\n"));

        var loaded = ScenarioLoader.Load(variant);

        Assert.Equal([new ScenarioError(Path.Join(variant, "parameters.csv"), 2, 2,
            "base is empty: expected the folder of the base scenario, relative to this folder's parent")], loaded.Errors);
    }

    [Fact]
    public void Problems_in_a_base_are_reported_against_the_bases_own_files()
    {
        var basePath = _folders.WriteExample("base", (ScenarioFormat.ComponentsFile, Example.WithField(ScenarioFormat.ComponentsFile, 2, 2, "-2")));
        var variant = _folders.Write("variant", Parameters("parameter,value\nbase,base\n"));

        var e = Assert.Single(ScenarioLoader.Load(variant).Errors);

        Assert.Equal((Path.Join(basePath, ScenarioFormat.ComponentsFile), 2, 2), (e.File, e.Line, e.Column));
    }

    [Fact]
    public void A_variant_that_shortens_the_run_makes_the_bases_late_events_errors_in_the_bases_events_file()
    {
        var basePath = _folders.WriteExample("base");
        var variant = _folders.Write("variant", Parameters("parameter,value\nbase,base\nsteps,30\n"));

        var e = Assert.Single(ScenarioLoader.Load(variant).Errors);

        Assert.Equal((Path.Join(basePath, ScenarioFormat.EventsFile), 3, 1), (e.File, e.Line, e.Column));
        Assert.StartsWith("year 2005.5 is outside the run's horizon [1997, 2004.5)", e.Message);
    }

    [Fact]
    public void Overrides_apply_after_every_parameters_file()
    {
        _folders.WriteExample("base");
        var variant = _folders.Write("variant", Parameters("parameter,value\nbase,base\nimitation,0.6\n"));

        var loaded = ScenarioLoader.Load(variant, [("imitation", "0.7"), ("network", "complete")]);

        Assert.Empty(loaded.Errors);
        Assert.Equal(0.7, loaded.Scenario!.Parameters.Imitation);
        Assert.Equal(NetworkKind.Complete, loaded.Scenario.Parameters.Network);
        var imitation = loaded.Settings.Single(s => s.Spec.Name == "imitation");
        Assert.Equal(("0.7", "--set", 0, 1), (imitation.Text, imitation.Source, imitation.Line, imitation.Column));
    }

    [Theory]
    // unknown name, with a suggestion
    [InlineData("imitaton", "0.5", "unknown parameter 'imitaton'; did you mean 'imitation'?")]
    // value out of range
    [InlineData("imitation", "-1", "imitation = -1 is out of range: it must be a number from 0 to 10")]
    // a decimal comma
    [InlineData("imitation", "0,5", "'0,5' is not a number (it has a comma: write decimals with a point, as in 0.5, and no thousands separators): imitation must be a number from 0 to 10")]
    // the base belongs to the folder
    [InlineData("base", "other", "base cannot be set with --set: name the base in the scenario's parameters.csv")]
    // no name at all
    [InlineData(" ", "3", "--set needs name=value: the parameter name is empty (value '3')")]
    // the same parameter as the first override
    [InlineData("people", "10", "parameter 'people' is set twice with --set (first in --set number 1)")]
    public void A_bad_override_is_reported_as_set_with_its_position(string name, string value, string message)
    {
        var folder = _folders.WriteExample();

        var loaded = ScenarioLoader.Load(folder, [("people", "5000"), (name, value)]);

        Assert.Equal([new ScenarioError("--set", 0, 2, message)], loaded.Errors);
    }

    [Fact]
    public void A_cross_check_broken_by_an_override_is_reported_against_the_override()
    {
        var folder = _folders.WriteExample();

        var loaded = ScenarioLoader.Load(folder, [("imitation", "0.5"), ("movement_capacity", "0.5")]);

        Assert.Equal([new ScenarioError("--set", 0, 2, "movement_capacity (0.5) must not exceed movement_capacity_max (0.05)")], loaded.Errors);
    }

    [Fact]
    public void An_override_that_moves_the_horizon_is_checked_against_the_events()
    {
        var folder = _folders.WriteExample();

        var loaded = ScenarioLoader.Load(folder, [("start_year", "2004")]);

        Assert.Equal(
            [
                (Path.Join(folder, ScenarioFormat.EventsFile), 2, 1),
                (Path.Join(folder, ScenarioFormat.EventsFile), 4, 1),
            ],
            loaded.Errors.Select(e => (e.File, e.Line, e.Column)));
        Assert.All(loaded.Errors, e => Assert.Contains("[2004, 2014)", e.Message));
    }

    [Fact]
    public void Given_a_relative_folder_paths_in_errors_and_files_are_relative_to_the_current_directory()
    {
        var basePath = _folders.WriteExample("base", (ScenarioFormat.ComponentsFile, Example.WithField(ScenarioFormat.ComponentsFile, 2, 2, "0")));
        var variant = _folders.Write("variant", Parameters("parameter,value\nbase,base\n"));
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), variant);
        var relativeBase = Path.GetRelativePath(Directory.GetCurrentDirectory(), basePath);

        var loaded = ScenarioLoader.Load(relative);

        Assert.Equal(Path.Join(relative, "parameters.csv"), loaded.Files[0].DisplayPath);
        Assert.Equal(Path.Join(relativeBase, "parameters.csv"), loaded.Files[1].DisplayPath);
        Assert.Equal(Path.Join(basePath, "parameters.csv"), loaded.Files[1].FullPath);
        Assert.Equal($"{Path.Join(relativeBase, "components.csv")}:2:2: importance = 0 is out of range: it must be a number greater than 0",
            Assert.Single(loaded.Errors).ToString());
    }
}
