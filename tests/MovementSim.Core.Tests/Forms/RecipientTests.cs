using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>What happens to people already receiving a form when the institution's offer changes.</summary>
public class RecipientTests
{
    /// <summary>Four standard errors of a share estimated from 2,000 people (0.5 x 0.5 / 2,000 at worst).</summary>
    private static readonly double FourStandardErrors = 4 * Math.Sqrt(0.25 / 2_000);

    /// <summary>A push so strong that everyone takes up in the first step.</summary>
    private static ModelParameters Everyone(ModelParameters p) => p with { ExternalInfluence = 40 };

    [Fact]
    public void People_keep_their_form_when_the_default_changes_but_still_offers_it()
    {
        var sim = RunTo(Scenario(Everyone), 2004);
        Assert.Equal(1.0, Measure(sim, MeasureSet.Reach));
        Assert.Equal(1.0, Measure(sim, MeasureSet.AlternativeShare("payment", "cash")));
        while (sim.Year < 2008)
        {
            sim.Step();
        }
        // From 2005 the council defaults to the notional budget, but cash is a right and nobody is new: all keep cash.
        const int Notional = 1;
        Assert.Equal(Notional, sim.World.Form[sim.World.InstOrg[Council]]);
        Assert.Equal(1.0, Measure(sim, MeasureSet.AlternativeShare("payment", "cash")));
        Assert.Equal(0.0, Measure(sim, MeasureSet.Lost));
    }

    /// <summary>Cash (no right), a managed account that exists until 2005 and which the money-minded council
    /// offers alone, and the notional budget from 2005.</summary>
    private static ScenarioDefinition Withdrawn() => Scenario(Everyone,
    [
        FormWorlds.Cash with { Right = false },
        Fixtures.Alternative("managed", 0.6, 1, (Motive.Money, 0.6)) with { AvailableTo = 2005 },
        FormWorlds.Notional,
    ]);

    [Fact]
    public void Holders_of_a_withdrawn_alternative_re_choose_at_their_review_and_those_moved_down_have_lost()
    {
        var sim = RunTo(Withdrawn(), 2005);
        Assert.Equal(1.0, Measure(sim, MeasureSet.AlternativeShare("payment", "managed")));
        for (var k = 1; k <= 4; k++)
        {
            sim.Step();
            // Reviews at rate 1 a year: a holder is still waiting after k quarters with probability exp(-k / 4).
            var expected = Math.Exp(-0.25 * k);
            var still = Measure(sim, MeasureSet.AlternativeShare("payment", "managed"));
            Assert.True(Math.Abs(still - expected) < FourStandardErrors,
                $"after {k} quarters {still:F4} still hold the withdrawn form; expected {expected:F4} within {FourStandardErrors:F4}");
            // Re-chosen onto the notional budget only (the one offered): fidelity 0.3 below the 0.6 they had.
            Assert.Equal(1 - still, Measure(sim, MeasureSet.AlternativeShare("payment", "notional")), 12);
            Assert.Equal(1 - still, Measure(sim, MeasureSet.Lost), 12);
        }
        Assert.Equal(Measure(sim, MeasureSet.Lost) * 2_000, sim.World.GroupLost[0]);
    }

    [Fact]
    public void Nobody_can_take_up_an_alternative_that_no_longer_exists()
    {
        // Everyone is eligible only from 2006, after the managed account ceased to exist.
        var s = Withdrawn() with { Groups = [new GroupSpec("late", 1, 1, 0, 1, EligibleFrom: 2006)] };
        var sim = RunTo(s, 2006);
        Assert.Equal(0.0, Measure(sim, MeasureSet.Reach));
        sim.Step();
        Assert.Equal(1.0, Measure(sim, MeasureSet.Reach));
        Assert.Equal(0.0, Measure(sim, MeasureSet.AlternativeShare("payment", "managed")));
        Assert.Equal(1.0, Measure(sim, MeasureSet.AlternativeShare("payment", "notional")));
    }
}
