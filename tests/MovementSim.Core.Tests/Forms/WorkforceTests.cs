using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>A workforce whose caseload sets an institution's capacity, episodes of support that end, and the pressure
/// of demand that finds no place.</summary>
public class WorkforceTests
{
    private static double Measure(Simulation sim, string name) => sim.Current[sim.Measures.IndexOf(name)];

    /// <summary>Ten simulated councils standing for 100 real ones; 2,000 simulated people for 1,000,000 real; funding of
    /// 2 posts per real institution in 2001; caseload 200 people a year; episodes of a quarter of a year on average.</summary>
    private static ScenarioDefinition Staffed(Func<ModelParameters, ModelParameters>? tweak = null)
    {
        var s = Scenario(p => (tweak ?? (x => x))(p with
        {
            Caseload = 200, RecruitmentRate = 2, RealInstitutions = 100, CompletionRate = 4, EligiblePopulation = 1_000_000,
        }), events: [new EventSpec(2001, EventKind.WorkforceFunding, "council", 2)]);
        return s with { Organisations = [s.Organisations[0] with { Count = 10, Capacity = 0 }] };
    }

    [Fact]
    public void Funded_posts_are_filled_at_the_recruitment_rate()
    {
        var sim = RunTo(Staffed(), 2001);
        Assert.Equal(0.0, Measure(sim, MeasureSet.WorkforceFunded));
        sim.Step();
        // 2 posts x 100 real institutions; the first quarter fills 1 - exp(-2 x 0.25) of them.
        Assert.Equal(200, Measure(sim, MeasureSet.WorkforceFunded), 9);
        Assert.Equal(200 * (1 - Math.Exp(-0.5)), Measure(sim, MeasureSet.Workforce), 9);
        sim.Step();
        Assert.Equal(200 * (1 - Math.Exp(-1.0)), Measure(sim, MeasureSet.Workforce), 9);
    }

    [Fact]
    public void A_workforce_supports_caseload_times_the_mean_episode_people_at_a_time_in_simulated_people()
    {
        var w = Build(Staffed());
        w.Workers[0] = 20; // the real posts of one simulated council (10 real ones)
        // 20 x 200 a year x 0.25 years = 1,000 real people at a time = 2 simulated people (2,000 / 1,000,000).
        Assert.Equal(2.0, Rules.WorkforceCapacity(w, 0, 1_000_000), 12);
        Assert.Equal(0.0, Rules.WorkforceCapacity(Build(Staffed(p => p with { Caseload = 0 })), 0, 1_000_000));
    }

    [Fact]
    public void Episodes_end_at_the_completion_rate()
    {
        // Everyone starts with the movement (unlimited capacity, no institution) and nobody takes up again (no push, no
        // imitation): at completion rate 4 a year, a share 1 - exp(-4 x 0.25) leaves in the first quarter.
        var s = Scenario(p => p with { ExternalInfluence = 0, MovementCapacity = 1, MovementCapacityMax = 1, InitialReach = 1, CompletionRate = 4 });
        s = s with { Organisations = [s.Organisations[0] with { AdoptedAtStart = false }] };
        var sim = new Simulation(s, 5);
        Assert.Equal(1.0, Measure(sim, MeasureSet.Reach));
        sim.Step();
        var left = 1 - Measure(sim, MeasureSet.Reach);
        var expected = 1 - Math.Exp(-1);
        var tolerance = 4 * Math.Sqrt(expected * (1 - expected) / 2_000);
        Assert.True(Math.Abs(left - expected) < tolerance, $"{left:F4} left after a quarter; expected {expected:F4} within {tolerance:F4}");
    }

    [Fact]
    public void Demand_that_finds_no_place_is_delivery_pressure()
    {
        var w = Build(Staffed());
        w.LastDemand[0] = 40;
        w.LastSpare[0] = 10;
        Rules.UpdateDeliveryPressure(w);
        // 30 of 40 candidates found no place.
        Assert.Equal(0.75, w.DeliveryPressure[0], 12);
        w.LastSpare[0] = 50;
        Rules.UpdateDeliveryPressure(w);
        Assert.Equal(0.0, w.DeliveryPressure[0]);
    }
}
