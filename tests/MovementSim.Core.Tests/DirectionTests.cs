using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Fixtures;

namespace MovementSim.Core.Tests;

/// <summary>All else equal, the model must move in the directions the brief names. Each comparison uses the same
/// seeds on both sides (common random numbers) and the mean over replicates.</summary>
public class DirectionTests
{
    private const int Replicates = 6;

    private static double FinalMean(ScenarioDefinition s, string measure)
    {
        double sum = 0;
        for (var seed = 1; seed <= Replicates; seed++)
        {
            var sim = new Simulation(s, seed);
            while (!sim.Finished)
            {
                sim.Step();
            }
            sum += sim.Current[sim.Measures.IndexOf(measure)];
        }
        return sum / Replicates;
    }

    private static ScenarioDefinition Base => Case(people: 10_000, steps: 60);

    [Fact]
    public void A_mandate_raises_reach()
    {
        // A higher adoption threshold makes coalition pressure alone insufficient, so the mandate has room to act.
        var hard = Base with { Organisations = [.. CaseOrganisations.Select(o => o with { AdoptionThreshold = o.AdoptionThreshold > 0 ? 0.9 : 0 })] };
        var mandated = hard with { Events = [new EventSpec(2000, EventKind.Mandate, "council", 1)] };
        var without = FinalMean(hard, MeasureSet.Reach);
        var with = FinalMean(mandated, MeasureSet.Reach);
        Assert.True(with > without + 0.02, $"reach with a mandate {with:F3} should exceed reach without {without:F3}");
        Assert.True(FinalMean(mandated, MeasureSet.AdoptedCoerced) > 0);
    }

    [Fact]
    public void A_money_heavy_motive_mix_lowers_fidelity()
    {
        static ArchetypeSpec MoneyHeavy(ArchetypeSpec a) => a.Organisation == "council"
            ? a with { MotiveWeights = Motives((Motive.Money, 0.8), (Motive.Rights, 0.2)) }
            : a;
        static ArchetypeSpec RightsHeavy(ArchetypeSpec a) => a.Organisation == "council"
            ? a with { MotiveWeights = Motives((Motive.Money, 0.2), (Motive.Rights, 0.8)) }
            : a;
        var money = FinalMean(Base with { Archetypes = [.. CaseArchetypes.Select(MoneyHeavy)] }, MeasureSet.Fidelity);
        var rights = FinalMean(Base with { Archetypes = [.. CaseArchetypes.Select(RightsHeavy)] }, MeasureSet.Fidelity);
        Assert.True(money < rights - 0.1, $"fidelity with money-heavy councils {money:F3} should be below rights-heavy {rights:F3}");
    }

    [Fact]
    public void A_coalition_without_the_outside_positions_resources_stalls_adoption()
    {
        // Remove what only the outside brings (legitimacy of lived experience): no pressure can carry adoption.
        static ArchetypeSpec NoLegitimacy(ArchetypeSpec a)
        {
            var r = a.Resources.ToArray();
            r[(int)ResourceKind.Legitimacy] = 0;
            return a with { Resources = r };
        }
        var narrow = Base with { Archetypes = [.. CaseArchetypes.Select(NoLegitimacy)] };
        var adoptedNarrow = FinalMean(narrow, MeasureSet.InstitutionsAdopted);
        var adoptedBroad = FinalMean(Base, MeasureSet.InstitutionsAdopted);
        Assert.Equal(0.0, adoptedNarrow);
        Assert.True(adoptedBroad > 0.5, $"the broad coalition should carry most councils ({adoptedBroad:F2})");
    }

    [Fact]
    public void The_movement_alone_reaches_fewer_people_with_higher_fidelity_than_institutional_take_up()
    {
        var alone = Base with { Parameters = Base.Parameters with { InstitutionalAdoption = 0 } };
        Assert.True(FinalMean(alone, MeasureSet.Reach) < FinalMean(Base, MeasureSet.Reach));
        Assert.True(FinalMean(alone, MeasureSet.Fidelity) > FinalMean(Base, MeasureSet.Fidelity));
    }

    [Fact]
    public void Constructive_conversation_raises_the_pressure_a_coalition_puts_on_institutions()
    {
        // Same seed, so the same actors, ties and initial support: only who is heard across positions differs.
        double MeanPressure(double conversation)
        {
            var sim = new Simulation(Base with { Parameters = Base.Parameters with { Conversation = conversation } }, 11);
            sim.Step();
            return sim.World.Pressure.Average();
        }
        var closed = MeanPressure(0.05);
        var open = MeanPressure(1);
        Assert.True(open > closed, $"mean pressure with open conversation {open:F3} should exceed closed {closed:F3}");
    }
}
