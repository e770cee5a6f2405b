using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>Measures are declared as (name, compute) pairs: one name each, computed in order.</summary>
public class MeasureSetTests
{
    [Fact]
    public void Every_alternative_has_a_share_a_reach_and_a_count_and_every_group_five_measures()
    {
        var s = Scenario(groups: [new("a", 0.5, 1, 0, 1), new("b", 0.5, 1, 0, 1)]);
        var names = new MeasureSet(s).Names;
        Assert.Equal(MeasureSet.Fixed, names.Take(MeasureSet.Fixed.Count));
        Assert.Equal(
        [
            "share_payment_cash", "reach_payment_cash", "people_payment_cash",
            "share_payment_notional", "reach_payment_notional", "people_payment_notional",
            "group_a_reach", "group_a_fidelity", "group_a_net_benefit", "group_a_lost", "group_a_people_reached",
            "group_b_reach", "group_b_fidelity", "group_b_net_benefit", "group_b_lost", "group_b_people_reached",
        ], names.Skip(MeasureSet.Fixed.Count));
    }

    [Fact]
    public void Two_measures_of_the_same_name_are_refused_naming_it()
    {
        // Components "x_y" with alternative "z" and "x" with alternative "y_z" both give share_x_y_z.
        var s = Scenario() with
        {
            Components =
            [
                new ComponentSpec("x_y", 1, [Fixtures.Alternative("z", 1, 1)]),
                new ComponentSpec("x", 1, [Fixtures.Alternative("y_z", 1, 1)]),
            ],
        };
        var e = Assert.Throws<ArgumentException>(() => new MeasureSet(s));
        Assert.Contains("share_x_y_z", e.Message);
    }

    [Theory]
    [InlineData("people_reached", true)]
    [InlineData("people_payment_cash", true)]
    [InlineData("eligible_people", true)]
    [InlineData("group_older_people_reached", true)]
    [InlineData("reach", false)]
    [InlineData("reach_payment_cash", false)]
    [InlineData("net_benefit", false)]
    public void Counts_of_people_are_told_apart_from_shares(string name, bool isCount) =>
        Assert.Equal(isCount, MeasureSet.IsCount(name));
}
