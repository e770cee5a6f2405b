using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>What an adopted institution offers: its default, the rights, and only what exists in the year.</summary>
public class MenuTests
{
    private const int Cash = 0, Notional = 1;

    [Fact]
    public void An_alternative_that_does_not_exist_yet_is_neither_the_default_nor_offered()
    {
        var w = Build(Scenario());
        // The money-minded council would rather have the notional budget (money appeal 0.9 against 0.2), but it
        // exists only from 2005: in 2000 the council offers and defaults to cash.
        Assert.False(w.Available[0][Notional]);
        Assert.Equal(Cash, w.Form[w.InstOrg[Council]]);
        Assert.Equal(Bit(Cash), w.Menu[Council]);
    }

    [Fact]
    public void Once_it_exists_the_preferred_alternative_becomes_the_default_and_a_right_stays_on_the_menu()
    {
        var w = RunTo(Scenario(), 2005.25).World;
        Assert.True(w.Available[0][Notional]);
        Assert.Equal(Notional, w.Form[w.InstOrg[Council]]);
        // Cash is a right: the council steers away from it but must keep offering it.
        Assert.Equal(Bit(Cash) | Bit(Notional), w.Menu[Council]);
    }

    [Fact]
    public void An_alternative_that_is_no_right_and_scores_below_the_default_by_more_than_the_margin_is_not_offered()
    {
        AlternativeSpec[] noRight = [FormWorlds.Cash with { Right = false }, FormWorlds.Notional];
        // Scores for a money-only mix: notional 0.9, cash 0.2; a margin of 0.5 leaves cash out, 0.8 takes it in.
        Assert.Equal(Bit(Notional), RunTo(Scenario(p => p with { OfferMargin = 0.5 }, noRight), 2005.25).World.Menu[Council]);
        Assert.Equal(Bit(Cash) | Bit(Notional), RunTo(Scenario(p => p with { OfferMargin = 0.8 }, noRight), 2005.25).World.Menu[Council]);
    }

    [Fact]
    public void An_institution_not_yet_adopted_offers_nothing()
    {
        var s = Scenario();
        var w = Build(s with { Organisations = [s.Organisations[0] with { AdoptedAtStart = false }] });
        Assert.Equal(0u, w.Menu[Council]);
    }

    [Fact]
    public void A_form_is_offered_only_when_every_component_s_alternative_is_on_the_menu()
    {
        var s = Scenario() with
        {
            Components =
            [
                new ComponentSpec("payment", 1, [FormWorlds.Cash, FormWorlds.Notional]),
                new ComponentSpec("planning", 1, [Fixtures.Alternative("person_led", 1, 1, (Motive.Rights, 1)),
                    Fixtures.Alternative("allocation", 0.4, 1, (Motive.Money, 1))]),
            ],
        };
        var w = RunTo(s, 2005.25).World;
        // Payment: cash and notional offered; planning: the allocation system only (person-led is no right).
        Assert.Equal(Bit(0) | Bit(1), w.Menu[0]);
        Assert.Equal(Bit(1), w.Menu[1]);
        // Codes: component 0 varies fastest, so form 2 + a is (alternative a, allocation).
        Assert.Equal([false, false, true, true], w.FormOffered);
    }
}
