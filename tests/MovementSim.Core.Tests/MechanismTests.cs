using MovementSim.Core;
using Xunit;
using static MovementSim.Core.Tests.Fixtures;

namespace MovementSim.Core.Tests;

/// <summary>Each rule on its own, in small hand-built situations whose result can be worked out by hand.</summary>
public class MechanismTests
{
    private const int Minister = 0, Commissioner = 1, Campaigner = 2;

    /// <summary>One government (a minister), one council (a commissioner), one user-led organisation (a campaigner);
    /// everyone tied to everyone, no noise, so every number below can be computed by hand.</summary>
    private static World Tiny(Func<ModelParameters, ModelParameters>? tweak = null, double[]? commissionerMotives = null)
    {
        var p = new ModelParameters
        {
            People = 1000, Steps = 10, DtYears = 0.25, StartYear = 2000, ActorNetwork = NetworkKind.Complete,
            MotiveNoise = 0, SupportNoise = 0, ThresholdSpread = 0, ResourceNeed = 1, Coproduction = 0,
            Conversation = 1, VoiceNeed = 3,
        };
        p = tweak?.Invoke(p) ?? p;
        var scenario = new ScenarioDefinition("tiny", p,
        [
            new OrganisationSpec("government", Position.Inside, OrganisationRole.Government, 1, 0, 0, false),
            new OrganisationSpec("council", Position.Inside, OrganisationRole.Institution, 1, 0.5, 0.6, false),
            new OrganisationSpec("user_led_org", Position.Outside, OrganisationRole.Movement, 1, 0, 0, false),
        ],
        [
            new ArchetypeSpec("minister", "government", 1, Motives((Motive.Career, 1)),
                Resources((ResourceKind.Authority, 1), (ResourceKind.Budget, 1)), 0.8, 0, true, false),
            new ArchetypeSpec("commissioner", "council", 1, commissionerMotives ?? Motives((Motive.Money, 1)),
                Resources((ResourceKind.Delivery, 1)), 0.8, 0, true, false),
            new ArchetypeSpec("campaigner", "user_led_org", 1, Motives((Motive.Rights, 1)),
                Resources((ResourceKind.Legitimacy, 1), (ResourceKind.Knowledge, 1)), 0.8, 0.7, false, false),
        ],
        [
            new ComponentSpec("payment", 1,
            [
                Alternative("cash", 1, 1, (Motive.Rights, 1), (Motive.Money, 0.2), (Motive.Career, 0.5)),
                Alternative("notional", 0.3, 0.5, (Motive.Rights, 0.2), (Motive.Money, 0.9), (Motive.Career, 0.5)),
            ]),
        ],
        []);
        return WorldBuilder.Build(scenario, new RunRandom(1));
    }

    [Fact]
    public void Appraisal_is_the_actors_motive_weights_applied_to_its_organisations_form()
    {
        var w = Tiny();
        Rules.Appraise(w);
        // The campaigner's organisation delivers the original (cash): rights appeal 1, weight 1.
        Assert.Equal(1.0, w.Appraisal[Campaigner], 12);
        // The council's form is chosen by a money-only commissioner: notional, money appeal 0.9.
        Assert.Equal(0.9, w.Appraisal[Commissioner], 12);
        // The government chooses by career: both alternatives 0.5, so it keeps the original (first best).
        Assert.Equal(0.5, w.Appraisal[Minister], 12);
    }

    [Fact]
    public void Pressure_is_the_geometric_mean_of_resource_coverage()
    {
        var w = Tiny();
        // All three are members with support 0.8, one unit of every kind between them: coverage 0.8 each.
        Assert.Equal(0.8, Rules.CoalitionPressure(w, w.InstOrg[0]), 12);
        w.Support[Commissioner] = 0.6;
        // Delivery coverage falls to 0.6: (0.8^4 x 0.6)^(1/5).
        Assert.Equal(Math.Pow(Math.Pow(0.8, 4) * 0.6, 0.2), Rules.CoalitionPressure(w, w.InstOrg[0]), 12);
    }

    [Fact]
    public void Pressure_from_another_position_counts_only_at_the_conversation_level()
    {
        var w = Tiny(p => p with { Conversation = 0.25 });
        // The campaigner (outside) brings legitimacy and knowledge to an inside council, heard at 0.25: coverage 0.2 each.
        Assert.Equal(Math.Pow(Math.Pow(0.8, 3) * 0.2 * 0.2, 0.2), Rules.CoalitionPressure(w, w.InstOrg[0]), 12);
        w.Broker[Campaigner] = true;
        Assert.Equal(0.8, Rules.CoalitionPressure(w, w.InstOrg[0]), 12);
    }

    [Fact]
    public void A_coalition_missing_one_kind_of_resource_exerts_no_pressure_however_large()
    {
        var w = Tiny();
        w.Member[Commissioner] = false; // the only holder of delivery capacity
        w.Resources[Campaigner * Names.ResourceCount + (int)ResourceKind.Legitimacy] = 1000;
        Assert.Equal(0.0, Rules.CoalitionPressure(w, w.InstOrg[0]));
    }

    [Fact]
    public void An_institution_under_enough_pressure_adopts_for_technical_reasons_when_no_peer_has()
    {
        var w = Tiny();
        Rules.Adopt(w);
        Assert.True(w.Adopted[0]);
        Assert.Equal(AdoptionMode.Technical, w.Mode[0]);
        Assert.Equal(1, w.AdoptedStep[0]);
    }

    [Fact]
    public void Below_its_threshold_and_without_mandate_or_peers_an_institution_does_not_adopt()
    {
        var w = Tiny();
        w.Threshold[0] = 0.81;
        for (var step = 0; step < 50; step++)
        {
            Rules.Adopt(w);
            w.StepIndex++;
        }
        Assert.False(w.Adopted[0]);
    }

    [Fact]
    public void A_mandate_makes_an_institution_adopt_under_coercion()
    {
        var w = Tiny(p => p with { MandateComplianceRate = 1000 });
        w.Threshold[0] = 1;
        Rules.ApplyEvent(w, new EventSpec(2000, EventKind.Mandate, "council", 1));
        Rules.Adopt(w);
        Assert.True(w.Adopted[0]);
        Assert.Equal(AdoptionMode.Coerced, w.Mode[0]);
    }

    [Fact]
    public void With_institutional_adoption_switched_off_nothing_adopts()
    {
        var w = Tiny(p => p with { InstitutionalAdoption = 0 });
        Rules.Adopt(w);
        Assert.False(w.Adopted[0]);
    }

    [Fact]
    public void A_money_minded_decision_maker_chooses_the_cheap_diluted_alternative()
    {
        var w = Tiny();
        Rules.Adapt(w);
        Assert.Equal(1, w.Form[w.InstOrg[0] * w.ComponentCount]);
        Assert.Equal(0.3, w.FormFidelity[w.InstOrg[0]], 12);
        Assert.Equal(0.5, w.FormCost[w.InstOrg[0]], 12);
    }

    [Fact]
    public void A_rights_minded_decision_maker_keeps_the_original()
    {
        var w = Tiny(commissionerMotives: Motives((Motive.Rights, 1)));
        Rules.Adapt(w);
        Assert.Equal(0, w.Form[w.InstOrg[0] * w.ComponentCount]);
        Assert.Equal(1.0, w.FormFidelity[w.InstOrg[0]], 12);
    }

    [Fact]
    public void Co_production_pulls_the_choice_back_towards_the_original()
    {
        // Score gap for the money-only commissioner: notional 0.9 vs cash 0.2, i.e. 0.7 of fidelity-weighted pull
        // is needed; voice is min(1, (0.8 + 0.8 + 0.8) / voice_need 3) = 0.8, fidelity gap 0.7, so coproduction > 1.25 flips it.
        var low = Tiny(p => p with { Coproduction = 1.2 });
        Rules.Adapt(low);
        Assert.Equal(0.8, low.Voice[low.InstOrg[0]], 12);
        Assert.Equal(1, low.Form[low.InstOrg[0] * low.ComponentCount]);
        var high = Tiny(p => p with { Coproduction = 1.3 });
        Rules.Adapt(high);
        Assert.Equal(0, high.Form[high.InstOrg[0] * high.ComponentCount]);
    }

    [Fact]
    public void An_adopted_institution_keeps_its_form_unless_the_gain_exceeds_the_inertia()
    {
        var w = Tiny(p => p with { AdaptationInertia = 0.5 });
        w.Adopted[0] = true;
        w.Mode[0] = AdoptionMode.Technical;
        w.AdoptedStep[0] = 0;
        // Original in place; notional scores 0.7 better for a money-only mix: above 0.5 inertia, so it switches.
        Rules.Adapt(w);
        Assert.Equal(1, w.Form[w.InstOrg[0] * w.ComponentCount]);
        var sticky = Tiny(p => p with { AdaptationInertia = 0.8 });
        sticky.Adopted[0] = true;
        sticky.AdoptedStep[0] = 0;
        sticky.Mode[0] = AdoptionMode.Technical;
        sticky.Form[sticky.InstOrg[0] * sticky.ComponentCount] = 0;
        Rules.Adapt(sticky);
        Assert.Equal(0, sticky.Form[sticky.InstOrg[0] * sticky.ComponentCount]);
    }

    [Fact]
    public void Adoption_for_legitimacy_or_under_coercion_weakens_the_voice_of_co_production()
    {
        var w = Tiny(p => p with { LegitimacyCoproductionFactor = 0.5, CoercedCoproductionFactor = 0.25 });
        w.Adopted[0] = true;
        w.AdoptedStep[0] = 0;
        w.Mode[0] = AdoptionMode.Legitimacy;
        Rules.Adapt(w);
        Assert.Equal(0.4, w.Voice[w.InstOrg[0]], 12);
        w.Mode[0] = AdoptionMode.Coerced;
        Rules.Adapt(w);
        Assert.Equal(0.2, w.Voice[w.InstOrg[0]], 12);
    }

    [Fact]
    public void Actors_listen_fully_within_their_position_and_at_the_conversation_level_across()
    {
        var w = Tiny(p => p with { Conversation = 0.3 });
        Assert.Equal(1.0, Rules.ListeningWeight(w, Minister, Commissioner, Position.Inside));
        Assert.Equal(0.3, Rules.ListeningWeight(w, Minister, Campaigner, Position.Inside));
        w.Broker[Campaigner] = true;
        Assert.Equal(1.0, Rules.ListeningWeight(w, Minister, Campaigner, Position.Inside));
    }

    [Fact]
    public void Support_moves_towards_the_mix_of_core_belief_and_target_at_the_update_rate()
    {
        var w = Tiny(p => p with
        {
            BeliefUpdateRate = 2, DtYears = 0.25, CoreBeliefWeight = 0.5, SocialWeight = 1, AppraisalWeight = 1,
            ResultsWeight = 0, Conversation = 1,
        });
        w.Support[Campaigner] = 0.2;
        Rules.Appraise(w);
        var before = w.Support.ToArray();
        Rules.Influence(w);
        // Minister: neighbours' support (0.8 + 0.2) / 2 = 0.5, appraisal 0.5 -> target 0.5; goal 0.5 * 0.8 + 0.5 * 0.5 = 0.65;
        // rate x dt = 0.5, so 0.8 + 0.5 * (0.65 - 0.8) = 0.725.
        Assert.Equal(0.725, w.Support[Minister], 12);
        // Campaigner: neighbours 0.8, appraisal 1 -> target 0.9; goal 0.5 * 0.8 + 0.5 * 0.9 = 0.85; 0.2 + 0.5 * 0.65 = 0.525.
        Assert.Equal(0.525, w.Support[Campaigner], 12);
        Assert.Equal(0.8, before[Minister]);
    }

    [Fact]
    public void Dissatisfied_outside_actors_voice_then_exit_and_return_when_fidelity_recovers()
    {
        var w = Tiny(p => p with { ExitRate = 1e6, ReentryRate = 1e6 });
        w.Adopted[0] = true;
        w.FormFidelity[w.InstOrg[0]] = 0.3; // below the campaigner's 0.7 tolerance
        Rules.RespondMovement(w);
        Assert.Equal(Stance.Voice, w.Stance[Campaigner]);
        Rules.RespondMovement(w);
        Assert.Equal(Stance.Exit, w.Stance[Campaigner]);
        Assert.False(w.Member[Campaigner]);
        w.FormFidelity[w.InstOrg[0]] = 0.9;
        Rules.RespondMovement(w);
        Assert.Equal(Stance.Loyalty, w.Stance[Campaigner]);
        Assert.Equal(Stance.Loyalty, w.Stance[Minister]); // inside actors do not respond this way
    }

    [Fact]
    public void Movement_capacity_grows_logistically_with_engaged_outside_support()
    {
        var w = Tiny(p => p with { MovementGrowth = 1, MovementCapacityMax = 0.1, CrowdOut = 0, Commissioning = 0, DtYears = 0.25 });
        w.MovementCapacity = 0.02;
        Rules.UpdateMovementCapacity(w);
        // dM = dt * growth * support * M * (1 - M / Mmax) = 0.25 * 1 * 0.8 * 0.02 * 0.8
        Assert.Equal(0.02 + 0.25 * 0.8 * 0.02 * 0.8, w.MovementCapacity, 12);
    }

    [Fact]
    public void Events_apply_in_the_step_whose_interval_contains_their_year()
    {
        var w = Tiny();
        var scenario = w.Scenario with { Events = [new EventSpec(2000.5, EventKind.Forum, "all", 0.25)] };
        var sim = new Simulation(scenario with { Parameters = scenario.Parameters with { Conversation = 0.3 } }, 1);
        sim.Step(); // [2000, 2000.25)
        sim.Step(); // [2000.25, 2000.5)
        Assert.Equal(0.3, sim.World.Conversation, 12);
        sim.Step(); // [2000.5, 2000.75)
        Assert.Equal(0.55, sim.World.Conversation, 12);
    }

    [Fact]
    public void A_budget_shock_cuts_capacity_and_raises_decision_makers_money_weight()
    {
        var w = Tiny(commissionerMotives: Motives((Motive.Rights, 1)));
        Rules.ApplyEvent(w, new EventSpec(2000, EventKind.BudgetShock, "council", 0.25));
        Assert.Equal(0.75, w.BudgetFactor[0], 12);
        // Rights 1, money 0.25 -> renormalised 0.8 and 0.2.
        Assert.Equal(0.2, w.Weights[Commissioner * Names.MotiveCount + (int)Motive.Money], 12);
        Assert.Equal(0.8, w.Weights[Commissioner * Names.MotiveCount + (int)Motive.Rights], 12);
        Assert.Equal(1.0, w.Weights[Minister * Names.MotiveCount + (int)Motive.Career], 12); // not targeted
    }

    [Fact]
    public void A_leadership_change_resets_replaced_decision_makers_to_their_archetype()
    {
        var w = Tiny();
        w.Support[Commissioner] = 0.1;
        Rules.ApplyEvent(w, new EventSpec(2000, EventKind.LeadershipChange, "council", 1));
        Assert.Equal(0.8, w.Support[Commissioner], 12);
        Assert.Equal(0.8, w.Support[Minister], 12);
    }

    [Theory]
    [InlineData(BenefitFunction.Linear, 0.5, 0.5)]     // linear: benefit equals fidelity
    [InlineData(BenefitFunction.Threshold, 0.8, 0.8)]  // above the 0.7 threshold: full benefit
    [InlineData(BenefitFunction.Threshold, 0.5, 0.1)]  // below: 0.2 of it
    public void Benefit_depends_on_fidelity_as_the_chosen_function_says(BenefitFunction f, double fidelity, double expected)
    {
        var p = new ModelParameters { BenefitFunction = f, BenefitThreshold = 0.7, BenefitBelowThreshold = 0.2 };
        Assert.Equal(expected, Rules.Benefit(p, fidelity), 12);
    }

    [Fact]
    public void Institutional_reach_never_exceeds_the_capacity_its_budget_and_form_allow()
    {
        // Capacity 0.5 of the locality at original cost; the money-minded council delivers at cost 0.5, so up to all.
        // With a rights-minded council (cost 1) it is capped at half the locality.
        var s = Tiny(p => p with { ExternalInfluence = 2, Imitation = 2, DropoutRate = 0, MovementCapacity = 0, MovementCapacityMax = 0, Steps = 40 },
            Motives((Motive.Rights, 1))).Scenario;
        var sim = new Simulation(s, 3);
        var reach = sim.Measures.IndexOf(MeasureSet.ReachInstitutional);
        var max = 0.0;
        sim.Run((_, _, v) => max = Math.Max(max, v[reach]));
        Assert.InRange(max, 0.45, 0.5);
    }

    [Fact]
    public void People_who_tolerate_less_than_what_they_get_drop_out()
    {
        static double FinalReach(double dropout)
        {
            var s = Tiny(p => p with
            {
                ExternalInfluence = 1, Imitation = 0, DropoutRate = dropout, MovementCapacity = 0, MovementCapacityMax = 0,
                PersonToleranceMin = 0.5, PersonToleranceMax = 0.5, Steps = 60, QualitySensitivity = 0,
            }).Scenario;
            var sim = new Simulation(s with { Organisations = [.. s.Organisations.Select(o => o with { Capacity = 1 })] }, 3);
            while (!sim.Finished)
            {
                sim.Step();
            }
            return sim.Current[sim.Measures.IndexOf(MeasureSet.Reach)];
        }
        // Fidelity 0.3 is below everyone's 0.5 tolerance (take-up not damped by quality here): at equilibrium
        // p (1 - F) = d F, so F = p / (p + d) = 1/3 with d = 2; 1,000 people give a standard error near 0.015.
        Assert.InRange(FinalReach(0), 0.99, 1.0);
        Assert.InRange(FinalReach(2), 1.0 / 3 - 0.06, 1.0 / 3 + 0.06);
    }

    [Fact]
    public void Normalised_entropy_is_zero_for_one_category_and_one_for_an_even_spread()
    {
        Assert.Equal(0.0, Measurement.NormalisedEntropy([5, 0, 0], 5));
        Assert.Equal(1.0, Measurement.NormalisedEntropy([2, 2, 2], 6), 12);
        Assert.Equal(0.0, Measurement.NormalisedEntropy([0, 0, 0], 0));
    }
}
