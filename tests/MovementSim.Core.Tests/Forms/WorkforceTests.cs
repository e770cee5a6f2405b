using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>A workforce whose caseload sets an institution's capacity, episodes of support that end, and the pressure
/// of demand that finds no place.</summary>
public class WorkforceTests
{
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
    public void A_workforce_holds_caseload_people_a_year_in_places_held_for_an_episode_and_the_step_a_freed_place_waits()
    {
        var w = Build(Staffed());
        w.Workers[0] = 20; // the real posts of one simulated council (10 real ones)
        // An episode ends in a quarter with z = 1 - exp(-4 x 0.25) = 0.6321206: a place is held 1/z quarters and waits
        // one more, 0.25 x (1 + z) / z = 0.6454942 years per person supported. 20 posts x 200 a year x 0.6454942 years
        // = 2,581.98 real people at a time = 5.163953 simulated people (2,000 / 1,000,000).
        Assert.Equal(0.25 * (2 - Math.Exp(-1)) / (1 - Math.Exp(-1)), Rules.PlaceYears(w.P), 12);
        Assert.Equal(5.163953, Rules.WorkforceCapacity(w, 0, 1_000_000), 6);
        // Episodes that do not end: a worker supports the caseload at a time, 20 x 200 = 4,000 real = 8 simulated.
        var endless = Build(Staffed(p => p with { CompletionRate = 0 }));
        endless.Workers[0] = 20;
        Assert.Equal(8.0, Rules.WorkforceCapacity(endless, 0, 1_000_000), 12);
        Assert.Equal(0.0, Rules.WorkforceCapacity(Build(Staffed(p => p with { Caseload = 0 })), 0, 1_000_000));
    }

    /// <summary>Relative tolerance of the mean caseload per worker against the caseload: whole-person rounding keeps 51
    /// of each council's 51.6 places (1.2% fewer starts), plus 4 standard errors of a count of about 5,600 starts over
    /// 28 quarters (1.3% each, taking the count as Poisson; acceptance and completion make it less variable).</summary>
    private const double CaseloadTolerance = 0.065;

    [Fact]
    public void A_workforce_whose_places_are_all_taken_starts_caseload_people_a_year_per_worker()
    {
        // Everyone unreached is a candidate every quarter (p dt = 2), posts fill at once; 20,000 simulated people stand
        // for 1,000,000 real (50 each), so each council's 20 posts hold 20 x 200 x 0.6455 / 50 = 51.6 places.
        var s = Staffed(p => p with
        {
            People = 20_000, Steps = 40, EligiblePopulation = 1_000_000, RecruitmentRate = 100, ExternalInfluence = 8,
        });
        var sim = RunTo(s, 2003);
        double sum = 0;
        var n = 0;
        while (!sim.Finished)
        {
            sim.Step();
            sum += Measure(sim, MeasureSet.CaseloadPerWorker);
            n++;
            Assert.True(Measure(sim, MeasureSet.UnmetDemand) > 0.9, "every place should be wanted");
        }
        var mean = sum / n;
        Assert.True(Math.Abs(mean / 200 - 1) < CaseloadTolerance,
            $"{mean:F1} people a year per worker over {n} quarters; expected 200 within {CaseloadTolerance:P0}");
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
