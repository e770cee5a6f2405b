using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>Net benefit as a gain over the status quo, and shares turned into counts of real people.</summary>
public class StatusQuoAndCountTests
{
    /// <summary>Everyone on the notional budget (fidelity 0.3) from 2005: the only alternative offered then.</summary>
    private static Simulation Notional(Func<ModelParameters, ModelParameters> tweak) =>
        RunTo(Scenario(p => tweak(p with { ExternalInfluence = 40 }),
            [FormWorlds.Cash with { Right = false, AvailableFrom = null }, FormWorlds.Notional],
            groups: [new("all", 1, 1, 0, 1, EligibleFrom: 2005)]), 2006);

    [Fact]
    public void Net_benefit_is_the_gain_over_the_status_quo_and_is_negative_when_people_get_less_than_it()
    {
        Assert.Equal(1.0, Measure(Notional(p => p), MeasureSet.Reach));
        Assert.Equal(0.3, Measure(Notional(p => p), MeasureSet.NetBenefit), 12);
        Assert.Equal(0.3 - 0.5, Measure(Notional(p => p with { StatusQuoFidelity = 0.5 }), MeasureSet.NetBenefit), 12);
        // The status quo goes through the same benefit function: with the threshold function (0.7, keeping 0.2 below
        // it) the notional budget gives 0.2 x 0.3 = 0.06 and a status quo of fidelity 0.4 gives 0.2 x 0.4 = 0.08.
        var threshold = Notional(p => p with { StatusQuoFidelity = 0.4, BenefitFunction = BenefitFunction.Threshold });
        Assert.Equal(0.06 - 0.08, Measure(threshold, MeasureSet.NetBenefit), 12);
    }

    [Fact]
    public void Counts_of_people_are_shares_of_the_eligible_population_in_the_year()
    {
        var sim = Notional(p => p with { EligiblePopulation = 1_500_000 });
        Assert.Equal(1_500_000, Measure(sim, MeasureSet.EligiblePeople));
        Assert.Equal(1_500_000, Measure(sim, MeasureSet.PeopleReached), 6);
        Assert.Equal(1_500_000, Measure(sim, MeasureSet.AlternativePeople("payment", "notional")), 6);
        Assert.Equal(0, Measure(sim, MeasureSet.AlternativePeople("payment", "cash")));
        // Without a real population the counts are of simulated people.
        Assert.Equal(2_000, Measure(Notional(p => p), MeasureSet.PeopleReached), 9);
    }

    [Fact]
    public void A_population_series_is_interpolated_linearly_and_held_constant_beyond_its_ends()
    {
        var s = Scenario() with { EligiblePopulation = [new(2002, 1_000_000), new(2004, 2_000_000)] };
        var sim = new Simulation(s, 1);
        double At(double year)
        {
            while (sim.Year < year - 1e-9)
            {
                sim.Step();
            }
            return Measure(sim, MeasureSet.EligiblePeople);
        }
        Assert.Equal(1_000_000, At(2000));
        Assert.Equal(1_000_000, At(2002));
        Assert.Equal(1_500_000, At(2003), 6);
        Assert.Equal(2_000_000, At(2005));
    }

    [Fact]
    public void The_take_up_rate_counts_people_starting_in_the_step_per_year()
    {
        var s = Scenario(p => p with { ExternalInfluence = 40, EligiblePopulation = 1_000_000 });
        var sim = new Simulation(s, 1);
        Assert.Equal(0.0, Measure(sim, MeasureSet.TakeUpRate));
        sim.Step();
        // Everyone starts in the first quarter: a rate of 1 / 0.25 = 4 of the population a year.
        Assert.Equal(4.0, Measure(sim, MeasureSet.TakeUpRate), 12);
        Assert.Equal(4_000_000, Measure(sim, MeasureSet.PeopleTakingUp), 6);
        sim.Step();
        Assert.Equal(0.0, Measure(sim, MeasureSet.TakeUpRate));
    }
}
