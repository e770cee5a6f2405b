using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Shipped;

/// <summary>The scenarios shipped in scenarios/ load cleanly and tell the story they are there to tell.</summary>
public class ShippedScenarioTests
{
    public static TheoryData<string> Names => new(RepoPaths.ShippedScenarios);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_shipped_scenario_loads_without_a_problem(string name)
    {
        var loaded = ScenarioLoader.Load(RepoPaths.Scenario(name));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        Assert.Equal(name, loaded.Scenario!.Name);
    }

    [Fact]
    public void Every_scenario_folder_is_in_the_shipped_list()
    {
        var folders = Directory.GetDirectories(RepoPaths.Scenarios).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(RepoPaths.ShippedScenarios.Order().ToArray(), folders);
    }

    private const int Replicates = 4;

    /// <summary>Mean final value of a measure over replicates (seeds 1..4, common to every scenario), at 5,000 people.</summary>
    private static double Final(string scenario, string measure)
    {
        var loaded = ScenarioLoader.Load(RepoPaths.Scenario(scenario), [("people", "5000")]);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        double sum = 0;
        for (var seed = 1; seed <= Replicates; seed++)
        {
            var sim = new Simulation(loaded.Scenario!, seed);
            while (!sim.Finished)
            {
                sim.Step();
            }
            sum += sim.Current[sim.Measures.IndexOf(measure)];
        }
        return sum / Replicates;
    }

    [Fact]
    public void The_movement_alone_reaches_fewer_people_at_higher_fidelity_than_direct_payments_did()
    {
        Assert.True(Final("movement-only", MeasureSet.Reach) < Final("direct-payments", MeasureSet.Reach) / 3);
        Assert.True(Final("movement-only", MeasureSet.Fidelity) > Final("direct-payments", MeasureSet.Fidelity) + 0.3);
    }

    [Fact]
    public void Institutional_take_up_of_direct_payments_makes_things_a_bit_better_for_more_people()
    {
        // The source's test of appropriation: more net benefit than the movement alone, despite dilution.
        Assert.True(Final("direct-payments", MeasureSet.NetBenefit) > Final("movement-only", MeasureSet.NetBenefit));
    }

    [Fact]
    public void A_narrow_coalition_gets_fewer_councils_to_adopt_on_their_own_than_a_broad_one()
    {
        var narrow = Final("narrow-coalition", MeasureSet.AdoptedTechnical) + Final("narrow-coalition", MeasureSet.AdoptedLegitimacy);
        var broad = Final("broad-coalition", MeasureSet.AdoptedTechnical) + Final("broad-coalition", MeasureSet.AdoptedLegitimacy);
        Assert.True(narrow < broad, $"uncoerced adoption: narrow {narrow:F2}, broad {broad:F2}");
    }

    [Fact]
    public void Strong_co_production_keeps_more_of_the_original()
    {
        Assert.True(Final("strong-coproduction", MeasureSet.Fidelity) > Final("direct-payments", MeasureSet.Fidelity) + 0.1);
    }

    [Fact]
    public void An_austerity_shock_cuts_reach()
    {
        Assert.True(Final("austerity-shock", MeasureSet.Reach) < Final("direct-payments", MeasureSet.Reach) - 0.05);
    }

    [Fact]
    public void An_early_mandate_leaves_more_councils_adopting_under_coercion()
    {
        Assert.True(Final("early-mandate", MeasureSet.AdoptedCoerced) > Final("direct-payments", MeasureSet.AdoptedCoerced));
        Assert.True(Final("early-mandate", MeasureSet.AdoptedCoerced) > 0.5);
    }
}
