using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>The alternative a person ends up with: what suits their tolerance and group, and how hard the
/// institution steers them back to its default (ODD 7.6.4).</summary>
public class PersonChoiceTests
{
    private const int Cash = 0, Notional = 1;

    /// <summary>The council in 2005, defaulting to the notional budget and offering cash too, with the steering set
    /// by hand.</summary>
    private static World Council2005(double steering, IReadOnlyList<GroupSpec>? groups = null)
    {
        var w = RunTo(Scenario(groups: groups), 2005.25).World;
        w.Steering[FormWorlds.Council] = steering;
        return w;
    }

    [Theory]
    // Tolerance 0.2: the least demanding alternative meeting it is the notional budget, the default: always.
    [InlineData(0.2, 0.0, Notional)]
    [InlineData(0.2, 0.99, Notional)]
    // Tolerance 0.5: wants cash, and gets it with probability (1 - (0.4 - 0)) x (1 - 0.5 x (0.6 - 0)) = 0.42.
    [InlineData(0.5, 0.4199, Cash)]
    [InlineData(0.5, 0.4201, Notional)]
    // Tolerance 1: only cash meets it; the same 0.42.
    [InlineData(1.0, 0.41, Cash)]
    [InlineData(1.0, 0.43, Notional)]
    public void A_person_gets_the_least_demanding_alternative_meeting_their_tolerance_unless_effort_and_steering_turn_them_back(
        double tolerance, double draw, int expected)
    {
        var w = Council2005(steering: 0.5);
        Assert.Equal(expected, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 0, tolerance, draw));
    }

    [Fact]
    public void Without_steering_only_the_person_s_own_effort_turns_them_back()
    {
        var w = Council2005(steering: 0);
        // (1 - 0.4) x (1 - 0) = 0.6.
        Assert.Equal(Cash, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 0, 0.9, 0.59));
        Assert.Equal(Notional, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 0, 0.9, 0.61));
    }

    [Fact]
    public void When_no_offered_alternative_meets_the_tolerance_the_person_wants_the_most_faithful_one()
    {
        var w = Council2005(steering: 0);
        // Tolerance above every fidelity is impossible (at most 1), so lower cash's fidelity to 0.8 by hand.
        w.AlternativeFidelity[0][Cash] = 0.8;
        Assert.Equal(Cash, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 0, 0.95, 0.1));
    }

    [Fact]
    public void A_group_chooses_only_among_the_alternatives_that_suit_it()
    {
        GroupSpec[] groups =
        [
            new("managing", 0.5, 1, 0, 1),
            new("supported", 0.5, 1, 0, 1, Suits: ["payment/notional"]),
        ];
        var w = Council2005(steering: 0, groups);
        Assert.Equal(Cash, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 0, 0.9, 0.1));
        Assert.Equal(Notional, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 1, 0.9, 0.1));
    }

    [Fact]
    public void For_a_component_the_institution_chooses_everyone_gets_its_default()
    {
        var s = Scenario();
        s = s with { Components = [s.Components[0] with { ChosenBy = Chooser.Institution }] };
        var w = RunTo(s, 2005.25).World;
        Assert.Equal(Notional, Rules.ChooseAlternative(w, FormWorlds.Council, 0, 0, 1.0, 0.0));
    }

    [Fact]
    public void Steering_is_gatekeeping_by_profession_without_voice_plus_target_pressure()
    {
        var s = Scenario(p => p with { Gatekeeping = 0.5, TargetSteering = 2 });
        var sim = RunTo(s, 2001);
        var w = sim.World;
        // Staff (the practitioners) are moved by profession alone (weight 1); nobody is in the coalition, so no
        // voice: steering = 0.5 x 1 x (1 - 0) + 2 x 0 = 0.5.
        Assert.Equal(0.5, w.Steering[FormWorlds.Council], 12);
        // A target of everyone, pursued with compliance 0.1, while nobody is served yet: delivery pressure
        // 0.1 x (1 - 0) / 1 = 0.1, and steering 0.5 + 2 x 0.1 = 0.7.
        w.TargetShare[FormWorlds.Council] = 1;
        w.TargetYear[FormWorlds.Council] = 2010;
        w.Compliance[FormWorlds.Council] = 0.1;
        Rules.Adapt(w);
        Assert.Equal(0.1, w.DeliveryPressure[FormWorlds.Council], 12);
        Assert.Equal(0.7, w.Steering[FormWorlds.Council], 12);
    }
}
