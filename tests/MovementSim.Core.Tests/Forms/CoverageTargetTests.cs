using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Forms.FormWorlds;

namespace MovementSim.Core.Tests.Forms;

/// <summary>Coverage targets act after adoption, on how fast an institution moves people onto its forms and on how
/// it steers them.</summary>
public class CoverageTargetTests
{
    [Fact]
    public void The_conversion_hazard_closes_the_shortfall_by_the_target_year_no_faster_than_the_reviews_compliance_allows()
    {
        var w = Build(Scenario());
        w.TargetShare[Council] = 0.7;
        w.TargetYear[Council] = 2002;
        w.Compliance[Council] = 0.5;
        w.Served[Council] = 400; // 20% of the 2,000 people of its locality
        // In 2000: (0.7 - 0.2) / ((1 - 0.2) x 2 years) = 0.3125 a year, below compliance x review rate = 0.5.
        Assert.Equal(0.3125, Rules.ConversionHazard(w, Council), 12);
        // Half a year before the deadline the needed rate, 0.5 / (0.8 x 0.5) = 1.25, is capped at 0.5 x 1.
        w.StepIndex = 6;
        Assert.Equal(0.5, Rules.ConversionHazard(w, Council), 12);
        // Met targets, and institutions that have not adopted, convert nobody.
        w.Served[Council] = 1_500;
        Assert.Equal(0.0, Rules.ConversionHazard(w, Council));
        w.Served[Council] = 400;
        w.Adopted[Council] = false;
        Assert.Equal(0.0, Rules.ConversionHazard(w, Council));
    }

    [Fact]
    public void Delivery_pressure_is_the_relative_shortfall_times_compliance()
    {
        var w = Build(Scenario());
        w.TargetShare[Council] = 0.5;
        w.Compliance[Council] = 0.8;
        w.Served[Council] = 500; // 25%
        Rules.UpdateDeliveryPressure(w);
        Assert.Equal(0.8 * (0.5 - 0.25) / 0.5, w.DeliveryPressure[Council], 12);
    }

    /// <summary>Nobody takes anything up of their own accord (no push, no imitation): only a target moves people.</summary>
    private static ScenarioDefinition Targeted(double compliance, params EventSpec[] events) =>
        Scenario(p => p with { TargetCompliance = compliance, TargetComplianceSpread = 0 }, events: events);

    [Fact]
    public void A_target_moves_people_onto_the_institution_s_forms_and_reaches_its_share_by_the_year_with_full_compliance()
    {
        var target = new EventSpec(2001, EventKind.CoverageTarget, "council", 0.6) { By = 2004 };
        var sim = RunTo(Targeted(1, target), 2001);
        Assert.Equal(0.0, Measure(sim, MeasureSet.Reach));
        Assert.Equal(0.0, Measure(sim, MeasureSet.TargetShare));
        sim.Step();
        Assert.Equal(0.6, Measure(sim, MeasureSet.TargetShare), 12);
        sim = RunTo(Targeted(1, target), 2004);
        // The needed rate is recomputed every quarter from the shortfall left, so the target is approached from
        // below (Euler steps of an exponential): within 0.05 of it by the year, never above it by more than noise.
        var reach = Measure(sim, MeasureSet.Reach);
        Assert.True(reach is > 0.55 and < 0.62, $"reach {reach:F3} by the target year; the target is 0.6");
    }

    [Fact]
    public void Without_compliance_a_target_moves_nobody()
    {
        var target = new EventSpec(2001, EventKind.CoverageTarget, "council", 0.6) { By = 2004 };
        Assert.Equal(0.0, Measure(RunTo(Targeted(0, target), 2006), MeasureSet.Reach));
    }

    [Fact]
    public void A_later_target_replaces_an_earlier_one_and_a_target_of_zero_lifts_it()
    {
        var sim = RunTo(Targeted(1,
            new EventSpec(2001, EventKind.CoverageTarget, "council", 1) { By = 2010 },
            new EventSpec(2002, EventKind.CoverageTarget, "council", 0.7) { By = 2003 },
            new EventSpec(2004, EventKind.CoverageTarget, "council", 0) { By = 2004 }), 2002.25);
        Assert.Equal(0.7, sim.World.TargetShare[Council]);
        Assert.Equal(2003, sim.World.TargetYear[Council]);
        while (sim.Year < 2004.25)
        {
            sim.Step();
        }
        var lifted = Measure(sim, MeasureSet.Reach);
        Assert.Equal(0.0, sim.World.TargetShare[Council]);
        while (sim.Year < 2006)
        {
            sim.Step();
        }
        Assert.Equal(lifted, Measure(sim, MeasureSet.Reach));
    }

    [Fact]
    public void A_target_acts_only_on_institutions_that_have_adopted()
    {
        var s = Targeted(1, new EventSpec(2001, EventKind.CoverageTarget, "council", 0.6) { By = 2004 });
        s = s with { Organisations = [s.Organisations[0] with { AdoptedAtStart = false }] };
        var sim = RunTo(s, 2006);
        Assert.Equal(0.0, Measure(sim, MeasureSet.InstitutionsAdopted));
        Assert.Equal(0.0, Measure(sim, MeasureSet.Reach));
    }

    [Fact]
    public void Compliance_varies_uniformly_around_its_mean_across_institutions()
    {
        var s = Scenario(p => p with { TargetCompliance = 0.6, TargetComplianceSpread = 0.3 });
        s = s with { Organisations = [s.Organisations[0] with { Count = 2_000 }] };
        var c = Build(s).Compliance;
        // Uniform on [0.3, 0.9]: mean 0.6, standard deviation 0.6 / sqrt(12); four standard errors of the mean.
        var tolerance = 4 * 0.6 / Math.Sqrt(12) / Math.Sqrt(c.Length);
        Assert.InRange(c.Min(), 0.3, 0.35);
        Assert.InRange(c.Max(), 0.85, 0.9);
        Assert.True(Math.Abs(c.Average() - 0.6) < tolerance, $"mean compliance {c.Average():F4}, expected 0.6 within {tolerance:F4}");
    }
}
