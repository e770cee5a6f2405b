using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>Client groups: their shares of the population, when they become eligible, how readily they take up, and
/// their tolerance.</summary>
public class ClientGroupTests
{
    [Fact]
    public void People_are_drawn_into_groups_in_proportion_to_the_groups_shares()
    {
        var s = Scenario(p => p with { People = 20_000 }, groups: [new("younger", 0.3, 1, 0, 1), new("older", 0.7, 1, 0, 1)]);
        var w = Build(s);
        var younger = w.PersonGroup.Count(g => g == 0) / 20_000.0;
        var tolerance = 4 * Math.Sqrt(0.3 * 0.7 / 20_000);
        Assert.True(Math.Abs(younger - 0.3) < tolerance, $"share in the first group {younger:F4}, expected 0.3 within {tolerance:F4}");
    }

    [Fact]
    public void A_group_takes_nothing_up_before_it_is_eligible()
    {
        var s = Scenario(p => p with { ExternalInfluence = 40 },
            groups: [new("younger", 0.5, 1, 0, 1), new("older", 0.5, 1, 0, 1, EligibleFrom: 2004)]);
        var sim = RunTo(s, 2004);
        Assert.Equal(1.0, Measure(sim, MeasureSet.OfGroup("younger", MeasureSet.Reach)));
        Assert.Equal(0.0, Measure(sim, MeasureSet.OfGroup("older", MeasureSet.Reach)));
        sim.Step();
        Assert.Equal(1.0, Measure(sim, MeasureSet.OfGroup("older", MeasureSet.Reach)));
    }

    [Fact]
    public void A_group_s_propensity_scales_its_members_take_up()
    {
        // One quarter at p = 0.8 a year: probability 0.2 for propensity 1, 0.1 for propensity 0.5.
        var s = Scenario(p => p with { ExternalInfluence = 0.8, People = 20_000 },
            groups: [new("keen", 0.5, 1, 0, 1), new("reluctant", 0.5, 0.5, 0, 1)]);
        var sim = new Simulation(s, 3);
        sim.Step();
        var tolerance = 4 * Math.Sqrt(0.2 * 0.8 / 10_000);
        var keen = Measure(sim, MeasureSet.OfGroup("keen", MeasureSet.Reach));
        var reluctant = Measure(sim, MeasureSet.OfGroup("reluctant", MeasureSet.Reach));
        Assert.True(Math.Abs(keen - 0.2) < tolerance, $"keen group reached {keen:F4}, expected 0.2 within {tolerance:F4}");
        Assert.True(Math.Abs(reluctant - 0.1) < tolerance, $"reluctant group reached {reluctant:F4}, expected 0.1 within {tolerance:F4}");
    }

    [Fact]
    public void One_group_with_a_propensity_takes_up_as_two_groups_with_that_propensity_do_under_a_target_too()
    {
        // The same propensity, once as the only group and once split into two groups: every person's draws are keyed
        // alike, so the runs must agree exactly. Under a target (people moved onto the institution's forms) the
        // propensity once scaled a single group's take-up twice.
        var target = new EventSpec(2001, EventKind.CoverageTarget, "council", 0.6) { By = 2004 };
        ScenarioDefinition With(IReadOnlyList<GroupSpec> groups) =>
            Scenario(p => p with { ExternalInfluence = 0.8, TargetCompliance = 1, TargetComplianceSpread = 0 }, groups: groups, events: target);
        var one = RunTo(With([new("everyone", 1, 0.5, 0, 1)]), 2003);
        var two = RunTo(With([new("first", 0.5, 0.5, 0, 1), new("second", 0.5, 0.5, 0, 1)]), 2003);

        Assert.Equal(Measure(two, MeasureSet.Reach), Measure(one, MeasureSet.Reach));
        Assert.Equal(Measure(two, MeasureSet.PeopleReached), Measure(one, MeasureSet.PeopleReached));
    }

    [Fact]
    public void Each_person_s_tolerance_lies_in_their_group_s_range()
    {
        var w = Build(Scenario(groups: [new("low", 0.5, 1, 0.1, 0.2), new("high", 0.5, 1, 0.8, 0.9)]));
        for (var i = 0; i < w.People; i++)
        {
            var (low, high) = w.PersonGroup[i] == 0 ? (0.1, 0.2) : (0.8, 0.9);
            Assert.InRange(w.Tolerance(i), low, high);
        }
    }

    [Fact]
    public void A_scenario_without_groups_has_one_group_with_the_person_tolerance_parameters_and_no_group_measures()
    {
        var s = Scenario(p => p with { PersonToleranceMin = 0.3, PersonToleranceMax = 0.4 });
        var w = Build(s);
        Assert.Equal([GroupSpec.Everyone], w.Groups.Select(g => g.Name));
        Assert.Equal((0.3, 0.1), (w.ToleranceMin[0], Math.Round(w.ToleranceSpan[0], 12)));
        Assert.DoesNotContain(new MeasureSet(s).Names, n => n.StartsWith("group_", StringComparison.Ordinal));
    }
}
