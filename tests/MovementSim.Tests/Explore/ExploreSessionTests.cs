using MovementSim.Explore;
using Xunit;

namespace MovementSim.Tests.Explore;

/// <summary>What a change does to the page's state, without a server or a browser: reruns, bad input, files edited on disk.</summary>
public sealed class ExploreSessionTests
{
    private static readonly string[] MainCharts = ["reach_fidelity", "reach_over_time", "fidelity_over_time", "net_benefit_over_time", "adoption_by_mode"];

    [Fact]
    public async Task At_the_start_the_changed_scenario_is_the_unchanged_one_with_every_main_chart_and_both_headlines()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            Assert.Equal(first.HeadlineUnchanged, first.HeadlineChanged);
            // The report's lede: the answer against the scenario's own counterfactual (the preview pairs every run), then what happened.
            Assert.StartsWith("Institutional take-up ", first.HeadlineChanged);
            Assert.Contains("2 replicates, each paired with its counterfactual by seed). By ", first.HeadlineChanged);
            Assert.All(MainCharts, name => Assert.Contains(first.Charts, c => c.Name == name));
            Assert.Contains(first.Charts, c => c.Name.StartsWith("innovation_", StringComparison.Ordinal));
            Assert.All(first.Charts, c => Assert.NotNull(session.Chart(first.ChartsVersion, c.Name)));
            Assert.DoesNotContain(first.Parameters, p => p.Changed);
            Assert.Equal("the scenario as it was when explore started", first.Baseline);
            Assert.Equal(Core.ParameterCatalog.All.Select(s => s.Name), first.Parameters.Select(p => p.Name));
            // As describe shows them: the catalog's unit, meaning, source and plausible range.
            var conversation = first.Parameters.Single(p => p.Name == "conversation");
            var spec = Core.ParameterCatalog.Find("conversation")!;
            Assert.Equal((spec.Unit, spec.Meaning, spec.Source, spec.PlausibleText, spec.Min, spec.Max), (conversation.Unit, conversation.Meaning, conversation.Source, conversation.Plausible, conversation.Min, conversation.Max));
            // Where the scenario's ranges.csv narrows the catalog's plausible range (the calibration's interval), that one, at its line.
            var push = first.Parameters.Single(p => p.Name == "external_influence");
            Assert.Equal("0.003657–0.04417", push.Plausible);
            Assert.EndsWith($"ranges.csv:{workspace.LineOf("external_influence", "ranges.csv")}", push.PlausibleSource);
            Assert.Equal(["complete", "random", "small_world", "scale_free"], first.Parameters.Single(p => p.Name == "network").Choices);
            Assert.Contains("2 replicates of 2,000 people", first.PreviewNote);
            Assert.Contains("20,000 people", first.PreviewNote); // the scenario's own size, said on the page
        }
    }

    [Fact]
    public async Task When_a_parameter_changes_the_rerun_gives_new_charts_and_headline_against_the_unchanged_ones()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            Assert.Null(session.SetParameter("external_influence", "0.2"));

            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > first.ChartsVersion, "the rerun");

            Assert.Equal(first.HeadlineUnchanged, after.HeadlineUnchanged);
            Assert.NotEqual(after.HeadlineUnchanged, after.HeadlineChanged);
            var row = after.Parameters.Single(p => p.Name == "external_influence");
            Assert.Equal(("0.2", workspace.InFile("external_influence"), true, true, ExploreSession.PageSource), (row.Value, row.Unchanged, row.Changed, row.OnPage, row.SetBy));
            Assert.Single(after.Parameters, p => p.Changed);
            Assert.NotEqual(session.Chart(first.ChartsVersion, "reach_over_time"), session.Chart(after.ChartsVersion, "reach_over_time"));
            Assert.NotEqual(first.Charts.Single(c => c.Name == "reach_over_time").Caption, after.Charts.Single(c => c.Name == "reach_over_time").Caption);
        }
    }

    [Theory]
    [InlineData("conversation", "abc", "this page (conversation): 'abc' is not a number: conversation must be a number from 0 to 1")] // not a number
    [InlineData("conversation", "2", "this page (conversation): conversation = 2 is out of range: it must be a number from 0 to 1")] // out of the catalog's range
    [InlineData("conversation", "0,5", "this page (conversation): '0,5' is not a number")] // a decimal comma
    [InlineData("network", "grid", "this page (network): 'grid' is not a valid network")] // not one of the choices
    public async Task When_a_value_is_bad_the_page_shows_the_loaders_message_and_keeps_the_last_good_charts(string parameter, string value, string message)
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            session.SetParameter(parameter, value);

            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Invalid, "the loader's messages");

            Assert.Contains(after.Errors, e => e.StartsWith(message, StringComparison.Ordinal));
            Assert.Equal(first.ChartsVersion, after.ChartsVersion);
            Assert.Equal(first.Charts, after.Charts);
            Assert.NotNull(session.Chart(first.ChartsVersion, "reach_over_time"));
            var row = after.Parameters.Single(p => p.Name == parameter);
            Assert.Equal((value, true), (row.Value, row.OnPage));
        }
    }

    [Fact]
    public async Task A_good_value_after_a_bad_one_clears_the_messages_and_reruns()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            session.SetParameter("conversation", "abc");
            await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Invalid, "the loader's messages");

            session.SetParameter("conversation", "0.9");
            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready, "the rerun");

            Assert.Empty(after.Errors);
            Assert.True(after.ChartsVersion > first.ChartsVersion);
        }
    }

    [Theory]
    [InlineData("no_such_parameter")] // not in the catalog
    [InlineData("base")] // names the base folder in a file; never a parameter of the page
    [InlineData("")] // nothing
    public async Task An_unknown_parameter_is_refused_and_nothing_reruns(string name)
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            var error = session.SetParameter(name, "1");

            Assert.Contains($"unknown parameter '{name}'", error);
            Assert.Equal(first.Version, session.State.Version);
        }
    }

    [Fact]
    public async Task A_newer_change_takes_over_from_the_rerun_in_progress()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            session.SetParameter("external_influence", "0.2");
            session.SetParameter("external_influence", "0.05");

            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > first.ChartsVersion, "the rerun");

            Assert.Equal("0.05", after.Parameters.Single(p => p.Name == "external_influence").Value);
            Assert.Equal(first.ChartsVersion + 2, after.ChartsVersion); // the second change's rerun; the first published nothing
            Assert.Equal(["changed-" + after.ChartsVersion, "unchanged"], Directory.GetDirectories(session.SessionFolder).Select(Path.GetFileName).Order());
        }
    }

    [Fact]
    public async Task When_a_csv_file_of_the_scenario_is_saved_the_page_reruns_and_marks_what_differs()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            var unchanged = workspace.InFile("external_influence");
            workspace.SetInFile("external_influence", "0.2");

            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > first.ChartsVersion, "the rerun after the file was saved");

            Assert.NotEqual(after.HeadlineUnchanged, after.HeadlineChanged);
            var row = after.Parameters.Single(p => p.Name == "external_influence");
            Assert.Equal(("0.2", unchanged, true, false), (row.Value, row.Unchanged, row.Changed, row.OnPage));
            Assert.EndsWith($"parameters.csv:{workspace.LineOf("external_influence")}", row.SetBy);
        }
    }

    [Fact]
    public async Task Making_the_scenario_shown_the_baseline_compares_later_changes_with_it()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            Assert.Equal("the scenario shown is already the baseline", session.MakeBaseline());
            Assert.Null(session.SetParameter("external_influence", "0.2"));
            Assert.StartsWith("wait until the charts show", session.MakeBaseline()); // a rerun is running
            var changed = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > first.ChartsVersion, "the rerun");

            Assert.Null(session.MakeBaseline());
            var rebased = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > changed.ChartsVersion, "the page with the new baseline");

            Assert.Contains("external_influence = 0.2", rebased.Baseline);
            Assert.Equal((changed.HeadlineChanged, changed.HeadlineChanged), (rebased.HeadlineChanged, rebased.HeadlineUnchanged));
            Assert.DoesNotContain(rebased.Parameters, p => p.Changed);
            Assert.Equal("0.2", rebased.Parameters.Single(p => p.Name == "external_influence").Unchanged);

            Assert.Null(session.SetParameter("conversation", "0.5"));
            var later = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > rebased.ChartsVersion, "the rerun after the new baseline");

            Assert.Equal(changed.HeadlineChanged, later.HeadlineUnchanged);
            Assert.NotEqual(later.HeadlineUnchanged, later.HeadlineChanged);
            Assert.Equal(["conversation"], later.Parameters.Where(p => p.Changed).Select(p => p.Name));
            // The baseline's preview (run for the change it was made from) outlives the reruns after it.
            Assert.Equal(["changed-" + changed.ChartsVersion, "changed-" + later.ChartsVersion, "unchanged"],
                Directory.GetDirectories(session.SessionFolder).Select(Path.GetFileName).Order());
        }
    }

    [Fact]
    public async Task When_the_scenarios_ranges_csv_is_saved_the_page_shows_its_new_plausible_range()
    {
        using var workspace = new ExploreWorkspace();
        var (session, _) = await workspace.StartAsync();
        using (session)
        {
            workspace.SetInFile("external_influence", "0.001,0.05", "ranges.csv");

            var after = await ExploreWorkspace.WaitFor(session, s => s.Parameters.Single(p => p.Name == "external_influence").Plausible == "0.001–0.05", "the new range on the page");

            Assert.EndsWith($"ranges.csv:{workspace.LineOf("external_influence", "ranges.csv")}", after.Parameters.Single(p => p.Name == "external_influence").PlausibleSource);
            Assert.Equal(Core.ParameterCatalog.Find("conversation")!.PlausibleText, after.Parameters.Single(p => p.Name == "conversation").Plausible); // no row: the catalog's
        }
    }

    [Fact]
    public async Task When_the_scenarios_ranges_csv_is_saved_broken_the_page_says_where_and_shows_the_catalogs_ranges()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            var path = Path.Combine(workspace.Scenario, "ranges.csv");
            var line = workspace.LineOf("external_influence", "ranges.csv");
            workspace.SetInFile("external_influence", "0.5,0.1", "ranges.csv");

            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.ChartsVersion > first.ChartsVersion && s.Errors.Count > 0, "the rerun with the file's problem");

            var error = Assert.Single(after.Errors);
            Assert.StartsWith($"{path}:{line}:", error);
            Assert.EndsWith("(the catalog's plausible ranges are shown)", error);
            Assert.Equal(Core.ParameterCatalog.Find("external_influence")!.PlausibleText, after.Parameters.Single(p => p.Name == "external_influence").Plausible);
        }
    }

    [Fact]
    public async Task When_a_csv_file_is_saved_broken_the_page_shows_file_line_and_column_and_keeps_the_last_good_charts()
    {
        using var workspace = new ExploreWorkspace();
        var (session, first) = await workspace.StartAsync();
        using (session)
        {
            workspace.SetInFile("imitation", "\"0,5\"");

            var after = await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Invalid, "the loader's messages");

            var file = Path.Combine(workspace.Scenario, "parameters.csv");
            Assert.Contains(after.Errors, e => e.StartsWith($"{file}:{workspace.LineOf("imitation")}:2: '0,5' is not a number", StringComparison.Ordinal));
            Assert.Equal(first.Charts, after.Charts);
        }
    }

    [Fact]
    public async Task Stopping_removes_the_sessions_previews_and_nothing_is_written_outside_scenarios_and_results()
    {
        using var workspace = new ExploreWorkspace();
        var (session, _) = await workspace.StartAsync();
        session.SetParameter("conversation", "0.9");
        await ExploreWorkspace.WaitFor(session, s => s.Status == PageStatus.Ready && s.Parameters.Any(p => p.Changed), "the rerun");
        Assert.True(session.SaveAs("my-case").Saved);

        session.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Results));
        Assert.Equal(["results", "scenarios"], Directory.EnumerateFileSystemEntries(workspace.Root).Select(Path.GetFileName).Order());
        Assert.Equal(["direct-payments", "my-case"], Directory.EnumerateFileSystemEntries(workspace.Scenarios).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_scenario_that_does_not_load_cannot_be_explored_and_says_why_at_file_line_and_column()
    {
        using var workspace = new ExploreWorkspace();
        workspace.SetInFile("imitation", "lots");

        var session = ExploreSession.Open(workspace.Settings, TextWriter.Null, out var errors);

        Assert.Null(session);
        Assert.Contains(errors, e => e.StartsWith($"{Path.Combine(workspace.Scenario, "parameters.csv")}:{workspace.LineOf("imitation")}:2: 'lots' is not a number", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Results));
    }
}
