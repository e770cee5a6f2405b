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

    // Margins of the direction checks. Each is the size of the effect the counterfactual is there to show, stated in
    // scenarios/README.md and docs/model-odd.md; each is several times the Monte Carlo error of a mean of 4 runs of
    // 5,000 people (about 0.01 for reach and fidelity at the end of a run).

    /// <summary>The movement alone reaches less than this share of the people direct payments reach.</summary>
    private const double MovementReachShare = 1.0 / 3;

    /// <summary>The movement's own form keeps at least this much more fidelity than what institutions deliver.</summary>
    private const double MovementFidelityGain = 0.3;

    /// <summary>Strong co-production keeps at least this much more fidelity.</summary>
    private const double CoproductionFidelityGain = 0.1;

    /// <summary>An austerity shock cuts final reach by at least this much.</summary>
    private const double AusterityReachCut = 0.05;

    /// <summary>Under an early mandate, more than this share of councils end up having adopted under coercion.</summary>
    private const double EarlyMandateCoercedShare = 0.5;

    /// <summary>Asserts <paramref name="higher"/> &gt; <paramref name="lower"/> + <paramref name="margin"/>, printing both values when it is not.</summary>
    private static void Exceeds(string what, double higher, double lower, double margin = 0) =>
        Assert.True(higher > lower + margin, FormattableString.Invariant($"{what}: {higher:F4} does not exceed {lower:F4} by more than {margin:F4}"));

    [Fact]
    public void The_movement_alone_reaches_fewer_people_at_higher_fidelity_than_direct_payments_did()
    {
        Exceeds("reach: a third of direct payments' against the movement alone's",
            MovementReachShare * Final("direct-payments", MeasureSet.Reach), Final("movement-only", MeasureSet.Reach));
        Exceeds("fidelity: the movement alone's against direct payments'",
            Final("movement-only", MeasureSet.Fidelity), Final("direct-payments", MeasureSet.Fidelity), MovementFidelityGain);
    }

    [Fact]
    public void Institutional_take_up_of_direct_payments_makes_things_a_bit_better_for_more_people()
    {
        // The source's test of appropriation: more net benefit than the movement alone, despite dilution.
        Exceeds("net benefit: direct payments' against the movement alone's",
            Final("direct-payments", MeasureSet.NetBenefit), Final("movement-only", MeasureSet.NetBenefit));
    }

    [Fact]
    public void A_narrow_coalition_gets_fewer_councils_to_adopt_on_their_own_than_a_broad_one()
    {
        var narrow = Final("narrow-coalition", MeasureSet.AdoptedTechnical) + Final("narrow-coalition", MeasureSet.AdoptedLegitimacy);
        var broad = Final("broad-coalition", MeasureSet.AdoptedTechnical) + Final("broad-coalition", MeasureSet.AdoptedLegitimacy);
        Exceeds("uncoerced adoption: the broad coalition's against the narrow one's", broad, narrow);
    }

    [Fact]
    public void Strong_co_production_keeps_more_of_the_original()
    {
        Exceeds("fidelity: strong co-production's against direct payments'",
            Final("strong-coproduction", MeasureSet.Fidelity), Final("direct-payments", MeasureSet.Fidelity), CoproductionFidelityGain);
    }

    [Fact]
    public void An_austerity_shock_cuts_reach()
    {
        Exceeds("reach: direct payments' against the austerity shock's",
            Final("direct-payments", MeasureSet.Reach), Final("austerity-shock", MeasureSet.Reach), AusterityReachCut);
    }

    [Fact]
    public void An_early_mandate_leaves_more_councils_adopting_under_coercion()
    {
        var early = Final("early-mandate", MeasureSet.AdoptedCoerced);
        Exceeds("coerced adoption: the early mandate's against direct payments'", early, Final("direct-payments", MeasureSet.AdoptedCoerced));
        Exceeds("coerced adoption under the early mandate against its threshold", early, EarlyMandateCoercedShare);
    }
}
