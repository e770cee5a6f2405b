using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>An institution under a coverage target first builds the means to move people onto its forms (systems,
/// then capacity, each with mean time target_build_up); until then it moves fewer people than its compliance
/// allows.</summary>
public class TargetBuildUpTests
{
    /// <summary>Tolerance of a reach against its expected value: 2,000 people, so a binomial standard deviation of at
    /// most 0.011; four of them.</summary>
    private const double ReachTolerance = 0.045;

    private static ScenarioDefinition BuildingUp(double buildUp, params EventSpec[] events) =>
        Scenario(p => p with { TargetCompliance = 1, TargetComplianceSpread = 0, TargetBuildUp = buildUp }, events: events);

    /// <summary>A fresh world whose council is under a target of <paramref name="share"/> by <paramref name="byYear"/>,
    /// pursued with <paramref name="compliance"/>, nothing built yet.</summary>
    private static World UnderTarget(double buildUp, double share, double byYear, double compliance)
    {
        var w = Build(BuildingUp(buildUp));
        w.TargetShare[Council] = share;
        w.TargetYear[Council] = byYear;
        w.Compliance[Council] = compliance;
        return w;
    }

    /// <summary>From nothing, capacity after t years of a target is 1 - (1 + t/tau) exp(-t/tau), exactly at every
    /// step: the rule applies the two stages' exact solution.</summary>
    private static double FromNothing(double t, double tau) => 1 - (1 + t / tau) * Math.Exp(-t / tau);

    [Fact]
    public void Capacity_builds_in_two_stages_slowly_at_first_and_exactly_as_the_closed_form_says()
    {
        var w = Build(BuildingUp(1));
        w.TargetShare[Council] = 1;
        w.TargetYear[Council] = 2010;
        for (var step = 1; step <= 8; step++)
        {
            Rules.BuildTargetCapacity(w);
            var t = 0.25 * step;
            Assert.Equal(FromNothing(t, 1), w.TargetCapacity[Council], 12);
            Assert.Equal(1 - Math.Exp(-t), w.TargetSystems[Council], 12);
        }
        // 1 - 3 exp(-2) after two years; after the first quarter the systems were 22% built but capacity only 2.6%:
        // the second stage waits for the first.
        Assert.Equal(0.5940, w.TargetCapacity[Council], 4);
    }

    [Fact]
    public void The_conversion_hazard_is_capped_at_compliance_times_capacity_times_the_review_rate()
    {
        var w = UnderTarget(1, 0.7, 2002, 0.5);
        w.Served[Council] = 400; // 20%: the needed rate is (0.7 - 0.2) / (0.8 x 2 years) = 0.3125 a year
        Assert.Equal(0.0, Rules.ConversionHazard(w, Council)); // nothing built yet
        w.TargetCapacity[Council] = 0.4;
        Assert.Equal(0.5 * 0.4 * 1, Rules.ConversionHazard(w, Council), 12);
        w.TargetCapacity[Council] = 0.9; // 0.45 a year allowed: the needed rate binds again
        Assert.Equal(0.3125, Rules.ConversionHazard(w, Council), 12);
    }

    [Fact]
    public void Nothing_is_built_before_adoption_or_without_a_target_and_what_was_built_stays_when_a_target_ends()
    {
        var w = Build(BuildingUp(1));
        Rules.BuildTargetCapacity(w); // adopted, no target
        Assert.Equal(0.0, w.TargetCapacity[Council]);
        w.TargetShare[Council] = 0.5;
        w.Adopted[Council] = false;
        Rules.BuildTargetCapacity(w);
        Assert.Equal(0.0, w.TargetCapacity[Council]);
        w.Adopted[Council] = true;
        Rules.BuildTargetCapacity(w);
        var built = w.TargetCapacity[Council];
        Assert.Equal(FromNothing(0.25, 1), built, 12);
        w.TargetShare[Council] = 0;
        Rules.BuildTargetCapacity(w);
        Assert.Equal(built, w.TargetCapacity[Council]);
    }

    [Fact]
    public void Without_a_build_up_time_capacity_is_full_at_once_as_before()
    {
        var w = UnderTarget(0, 0.7, 2002, 0.2);
        Rules.BuildTargetCapacity(w);
        Assert.Equal(0.0, w.TargetCapacity[Council]); // not used: the hazard takes full capacity
        Assert.Equal(0.2, Rules.ConversionHazard(w, Council), 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    public void A_target_met_by_a_building_institution_moves_people_as_its_capacity_allows(double buildUp)
    {
        // A target of everyone by 2001.25 set in 2001: the needed rate (4 a year and more) is always above what
        // full compliance with capacity c allows, so each quarter moves a share 1 - exp(-c dt) of the unreached,
        // with c the capacity built by that quarter. After two years, unreached = prod exp(-c_k dt).
        var target = new EventSpec(2001, EventKind.CoverageTarget, "council", 1) { By = 2001.25 };
        var sim = RunTo(BuildingUp(buildUp, target), 2003);
        var expected = 1 - Math.Exp(-Enumerable.Range(1, 8).Sum(k => FromNothing(0.25 * k, buildUp) * 0.25));
        var reach = Measure(sim, MeasureSet.Reach);
        Assert.True(Math.Abs(reach - expected) < ReachTolerance,
            $"reach {reach:F4} two years after the target, expected {expected:F4} within {ReachTolerance}");
        var immediate = Measure(RunTo(BuildingUp(0, target), 2003), MeasureSet.Reach);
        Assert.True(reach < immediate - 0.1, $"reach {reach:F4} with a build-up of {buildUp} years, {immediate:F4} without");
    }

    /// <summary>The money-minded council prefers the notional budget; here it exists from the start but needs the
    /// council's systems, half of which it builds in ln 2 / (1 / target_build_up) years: with target_build_up 1, in the
    /// third quarter under a target (1 - exp(-0.5) = 0.39 after two, 1 - exp(-0.75) = 0.53 after three).</summary>
    private static ScenarioDefinition NeedingSystems(double systemsNeeded) =>
        Scenario(p => p with { TargetCompliance = 1, TargetComplianceSpread = 0, TargetBuildUp = 1, SystemsNeeded = systemsNeeded },
            payment: [Cash, Notional with { AvailableFrom = null, NeedsSystems = true }],
            events: new EventSpec(2001, EventKind.CoverageTarget, "council", 0.5) { By = 2010 });

    private static int Default(Simulation sim) => sim.World.Form[sim.World.InstOrg[Council] * sim.World.ComponentCount];

    private static bool Offers(Simulation sim, int alternative) => (sim.World.Menu[Council * sim.World.ComponentCount] & Bit(alternative)) != 0;

    [Fact]
    public void An_alternative_that_needs_systems_is_neither_offered_nor_the_default_until_the_systems_are_built_that_far()
    {
        var sim = RunTo(NeedingSystems(0.5), 2001.5);
        Assert.Equal(1 - Math.Exp(-0.5), sim.World.TargetSystems[Council], 12);
        Assert.False(Rules.HasSystems(sim.World, Council));
        Assert.Equal(0, Default(sim)); // cash, though the council would rather have the notional budget
        Assert.False(Offers(sim, 1));
        sim.Step();
        Assert.True(Rules.HasSystems(sim.World, Council));
        Assert.Equal(1, Default(sim));
        Assert.True(Offers(sim, 1));
        Assert.True(Offers(sim, 0)); // cash stays on the menu: it is a right
    }

    [Fact]
    public void With_no_systems_needed_the_alternative_is_there_from_the_start_as_before()
    {
        var sim = RunTo(NeedingSystems(0), 2000.25);
        Assert.True(Rules.HasSystems(sim.World, Council));
        Assert.Equal(1, Default(sim));
        Assert.True(Offers(sim, 1));
    }
}
