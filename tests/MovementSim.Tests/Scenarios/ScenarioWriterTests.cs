using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Scenarios;

public sealed class ScenarioWriterTests : IDisposable
{
    private readonly ScenarioFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    /// <summary>A valid scenario full of numbers whose shortest text has an exponent or many digits.</summary>
    private static ScenarioDefinition Awkward(string name) => new(
        name,
        new ModelParameters
        {
            Imitation = 1.0 / 3,
            ExternalInfluence = 1e-7,
            ResultsVisibility = 0.0001,
            MeanDegree = 123.456789012345,
            StartYear = 2000.1,
            Network = NetworkKind.ScaleFree,
            BenefitFunction = BenefitFunction.Threshold,
        },
        [
            new OrganisationSpec("nhs-trust", Position.Inside, OrganisationRole.Institution, 42, 2.0 / 3, 1e-9, true),
            new OrganisationSpec("vcs", Position.Grey, OrganisationRole.Intermediary, 3, 0, 0.25, false),
        ],
        [
            new ArchetypeSpec("link_worker", "vcs", 0, [1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0, 0, 0], [1e20, 5e-324, 0, 0.1, 7], 0.7, 0.05, false, true),
        ],
        [
            new ComponentSpec("referral", 1e-3,
            [
                new AlternativeSpec("community", 1, 1, [1, 0, 0, 0, 0, 0, 0.5]),
                new AlternativeSpec("signposting", 0.1 + 0.2, 1e-5, [0.3, 0.9, 0.1, 0.8, 0.6, 0.4, 0.123456789]),
            ]),
        ],
        [
            new EventSpec(2003.25, EventKind.Mandate, "nhs-trust", 0.999999999),
            new EventSpec(2010, EventKind.MovementFunding, ScenarioDefinition.AllTargets, 1),
        ]);

    [Fact]
    public void Loading_a_written_scenario_gives_back_the_same_scenario()
    {
        var original = ScenarioLoader.Load(_folders.WriteExample()).Scenario!;
        var folder = _folders.PathOf("out/example");

        ScenarioWriter.WriteFolder(original, folder);
        var loaded = ScenarioLoader.Load(folder);

        Assert.Empty(loaded.Errors);
        Assert.Empty(ScenarioComparison.Differences(original, loaded.Scenario!));
    }

    [Fact]
    public void Numbers_that_need_exponents_or_many_digits_round_trip_exactly()
    {
        var original = Awkward("awkward");
        var folder = _folders.PathOf("awkward");

        ScenarioWriter.WriteFolder(original, folder);
        var loaded = ScenarioLoader.Load(folder);

        Assert.Empty(loaded.Errors);
        Assert.Empty(ScenarioComparison.Differences(original, loaded.Scenario!));
    }

    [Fact]
    public void Written_files_use_lf_line_ends_plain_decimals_and_every_parameter()
    {
        var folder = _folders.PathOf("awkward");

        var written = ScenarioWriter.WriteFolder(Awkward("awkward"), folder);

        Assert.Equal(ScenarioFormat.Files.Select(f => Path.Combine(folder, f.Name)), written);
        foreach (var path in written)
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain("E-", text);
            Assert.DoesNotContain("E+", text);
            Assert.EndsWith("\n", text);
        }
        var parameters = File.ReadAllLines(Path.Combine(folder, ScenarioFormat.ParametersFile));
        Assert.Equal("parameter,value", parameters[0]);
        Assert.Equal(ParameterCatalog.All.Count + 1, parameters.Length);
        Assert.Contains("external_influence,0.0000001", parameters);
        Assert.Contains("network,scale_free", parameters);
        Assert.Contains("imitation,0.3333333333333333", parameters);
        Assert.Equal("nhs-trust,inside,institution,42,0.6666666666666666,0.000000001,1",
            File.ReadAllLines(Path.Combine(folder, ScenarioFormat.OrganisationsFile))[1]);
    }

    [Fact]
    public void A_variant_is_written_as_the_base_row_the_changed_parameters_and_the_changed_files_only()
    {
        var original = ScenarioLoader.Load(_folders.WriteExample("direct-payments")).Scenario!;
        var changed = original with
        {
            Name = "dp-fast",
            Parameters = original.Parameters with { Imitation = 0.9, Steps = 60 },
            Events = [],
        };
        var folder = _folders.PathOf("dp-fast");

        var written = ScenarioWriter.WriteFolder(changed, folder, "direct-payments");

        Assert.Equal([Path.Combine(folder, "parameters.csv"), Path.Combine(folder, "events.csv")], written);
        Assert.Equal("parameter,value\nbase,direct-payments\nsteps,60\nimitation,0.9\n", File.ReadAllText(written[0]));
        Assert.Equal("year,event,target,value,by,label\n", File.ReadAllText(written[1]));
        var loaded = ScenarioLoader.Load(folder);
        Assert.Empty(loaded.Errors);
        Assert.Empty(ScenarioComparison.Differences(changed, loaded.Scenario!));
    }

    [Fact]
    public void Writing_a_variant_deletes_scenario_files_it_does_not_write_and_keeps_other_files()
    {
        var original = ScenarioLoader.Load(_folders.WriteExample("base")).Scenario!;
        var folder = _folders.Write("variant", new Dictionary<string, string>
        {
            [ScenarioFormat.ActorsFile] = "stale",
            ["sweep.csv"] = "parameter,values\n",
        });

        ScenarioWriter.WriteFolder(original with { Name = "variant" }, folder, "base");

        Assert.False(File.Exists(Path.Combine(folder, ScenarioFormat.ActorsFile)));
        Assert.True(File.Exists(Path.Combine(folder, "sweep.csv")));
        Assert.Equal("parameter,value\nbase,base\n", File.ReadAllText(Path.Combine(folder, ScenarioFormat.ParametersFile)));
        Assert.Empty(ScenarioComparison.Differences(original with { Name = "variant" }, ScenarioLoader.Load(folder).Scenario!));
    }

    [Fact]
    public void Writing_a_variant_of_a_base_that_does_not_load_throws_with_its_errors()
    {
        var original = ScenarioLoader.Load(_folders.WriteExample()).Scenario!;

        var e = Assert.Throws<InvalidOperationException>(() => ScenarioWriter.WriteFolder(original, _folders.PathOf("v"), "missing"));

        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Comparison_names_each_difference()
    {
        var a = Awkward("a");
        var b = a with
        {
            Parameters = a.Parameters with { People = 7 },
            Organisations = [a.Organisations[0], a.Organisations[1] with { Count = 4 }],
        };

        Assert.Equal(
            [
                "parameter people: 10000 vs 7",
                "organisation 2: OrganisationSpec { Name = vcs, Position = Grey, Role = Intermediary, Count = 3, Capacity = 0, AdoptionThreshold = 0.25, AdoptedAtStart = False } "
                    + "vs OrganisationSpec { Name = vcs, Position = Grey, Role = Intermediary, Count = 4, Capacity = 0, AdoptionThreshold = 0.25, AdoptedAtStart = False }",
            ],
            ScenarioComparison.Differences(a, b));
    }
}
