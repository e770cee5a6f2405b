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

    /// <summary>Margins of the per-person-form direction checks: differences of replicate means of at least this much
    /// count as a move in the stated direction.</summary>
    private const double ReachMargin = 0.05, ShareMargin = 0.05, FidelityMargin = 0.02;

    [Fact]
    public void A_coverage_target_raises_reach_after_adoption_and_lowers_fidelity()
    {
        var targeted = Base with { Events = [new EventSpec(2003, EventKind.CoverageTarget, "council", 1) { By = 2008 }] };
        var (reach, reachTargeted) = (FinalMean(Base, MeasureSet.Reach), FinalMean(targeted, MeasureSet.Reach));
        var (fidelity, fidelityTargeted) = (FinalMean(Base, MeasureSet.Fidelity), FinalMean(targeted, MeasureSet.Fidelity));
        Assert.True(reachTargeted > reach + ReachMargin, $"reach with a target {reachTargeted:F3} should exceed {reach:F3} by {ReachMargin}");
        Assert.True(fidelityTargeted < fidelity - FidelityMargin, $"fidelity with a target {fidelityTargeted:F3} should be below {fidelity:F3} by {FidelityMargin}");
    }

    /// <summary>The case's payment component with cash a right (asking effort of the person and of staff).</summary>
    private static ScenarioDefinition WithCashRight(double gatekeeping, bool right = true) => Base with
    {
        Parameters = Base.Parameters with { Gatekeeping = gatekeeping },
        Components =
        [
            DirectPaymentComponents[0] with
            {
                Alternatives =
                [
                    DirectPaymentComponents[0].Alternatives[0] with { Right = right, PersonEffort = 0.2, StaffEffort = 0.6 },
                    .. DirectPaymentComponents[0].Alternatives.Skip(1),
                ],
            },
            .. DirectPaymentComponents.Skip(1),
        ],
    };

    [Fact]
    public void Professional_gatekeeping_keeps_people_from_the_original_it_must_still_offer()
    {
        var cash = MeasureSet.AlternativeShare("payment", "cash");
        var (open, gatekept) = (FinalMean(WithCashRight(0), cash), FinalMean(WithCashRight(4), cash));
        Assert.True(gatekept < open - ShareMargin, $"share on cash with gatekeeping {gatekept:F3} should be below {open:F3} by {ShareMargin}");
    }

    [Fact]
    public void Making_the_original_a_right_keeps_more_people_on_it()
    {
        var cash = MeasureSet.AlternativeShare("payment", "cash");
        var (right, noRight) = (FinalMean(WithCashRight(1), cash), FinalMean(WithCashRight(1, right: false), cash));
        Assert.True(right > noRight + ShareMargin, $"share on cash as a right {right:F3} should exceed {noRight:F3} by {ShareMargin}");
    }
}
