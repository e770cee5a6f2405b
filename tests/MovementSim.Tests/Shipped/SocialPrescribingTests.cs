using MovementSim.Core;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Shipped;

/// <summary>
/// The shipped social-prescribing scenario tells the story: link-worker capacity against demand and referral
/// targets moves practice from holistic link work towards lighter forms, and without the NHS the community schemes
/// stay small and whole. Each comparison changes one thing in the shipped scenario, at its own size, and compares the
/// mean of the last value of a measure over seeds 1–4 (the same seeds for every variant).
/// </summary>
public class SocialPrescribingTests
{
    private const string Scenario = "social-prescribing";
    private const int Replicates = 4;

    private const string Holistic = "share_link_work_holistic_link_work";

    // Margins: each is the size of the effect the comparison is there to show, and several times the Monte Carlo error
    // of a mean of 4 runs (sd over runs at the end: about 0.04 for the holistic share, 0.002 for reach, 0.02 for
    // fidelity; the error of a mean of 4 is half that, of a difference about 0.7 of that).

    /// <summary>Twice the link workers per network keep at least this much more of the recipients on holistic link work.</summary>
    private const double HolisticGainFromWorkers = 0.1;

    /// <summary>A referral target twice as high raises reach by at least this share of the shipped scenario's reach...</summary>
    private const double ReachGainFromTarget = 0.05;

    /// <summary>...and lowers fidelity by at least this much.</summary>
    private const double FidelityLossFromTarget = 0.02;

    /// <summary>Without NHS adoption, the community schemes reach less than this share of the people the NHS era reaches...</summary>
    private const double CommunityReachShare = 0.1;

    /// <summary>...at a fidelity at least this much above it.</summary>
    private const double CommunityFidelityGain = 0.2;

    private static ScenarioDefinition Shipped(params (string, string)[] overrides)
    {
        var loaded = ScenarioLoader.Load(RepoPaths.Scenario(Scenario), overrides);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Scenario!;
    }

    /// <summary>The scenario with every event of <paramref name="kind"/> scaled by <paramref name="factor"/>.</summary>
    private static ScenarioDefinition Scaled(ScenarioDefinition s, EventKind kind, double factor)
    {
        Assert.Contains(s.Events, e => e.Kind == kind);
        return s with { Events = s.Events.Select(e => e.Kind == kind ? e with { Value = e.Value * factor } : e).ToList() };
    }

    /// <summary>Mean final value of each measure over seeds 1..4.</summary>
    private static double[] Final(ScenarioDefinition scenario, params string[] measures)
    {
        var sums = new double[measures.Length];
        for (var seed = 1; seed <= Replicates; seed++)
        {
            var sim = new Simulation(scenario, seed);
            while (!sim.Finished)
            {
                sim.Step();
            }
            for (var m = 0; m < measures.Length; m++)
            {
                sums[m] += sim.Current[sim.Measures.IndexOf(measures[m])];
            }
        }
        return sums.Select(s => s / Replicates).ToArray();
    }

    /// <summary>Asserts <paramref name="higher"/> &gt; <paramref name="lower"/> + <paramref name="margin"/>, printing both values when it is not.</summary>
    private static void Exceeds(string what, double higher, double lower, double margin = 0) =>
        Assert.True(higher > lower + margin, FormattableString.Invariant($"{what}: {higher:F4} does not exceed {lower:F4} by more than {margin:F4}"));

    [Fact]
    public void More_link_workers_per_network_keep_more_holistic_support()
    {
        var shipped = Shipped();
        var more = Scaled(shipped, EventKind.WorkforceFunding, 2);

        var holistic = Final(shipped, Holistic)[0];
        var holisticWithMore = Final(more, Holistic)[0];

        Exceeds("share on holistic link work: twice the link workers' against the shipped scenario's", holisticWithMore, holistic, HolisticGainFromWorkers);
    }

    [Fact]
    public void A_higher_referral_target_raises_reach_and_lowers_fidelity()
    {
        var shipped = Shipped();
        var higher = Scaled(shipped, EventKind.CoverageTarget, 2);

        var atShipped = Final(shipped, MeasureSet.Reach, MeasureSet.Fidelity);
        var withHigher = Final(higher, MeasureSet.Reach, MeasureSet.Fidelity);

        Exceeds("reach: the higher target's against the shipped scenario's", withHigher[0], atShipped[0], ReachGainFromTarget * atShipped[0]);
        Exceeds("fidelity: the shipped scenario's against the higher target's", atShipped[1], withHigher[1], FidelityLossFromTarget);
    }

    [Fact]
    public void Without_NHS_adoption_the_community_schemes_reach_few_people_at_high_fidelity()
    {
        var nhs = Final(Shipped(), MeasureSet.Reach, MeasureSet.Fidelity);
        var community = Final(Shipped(("institutional_adoption", "0")), MeasureSet.Reach, MeasureSet.Fidelity, MeasureSet.ReachMovement);

        Assert.Equal(community[0], community[2]); // every recipient is the community schemes'
        Exceeds("reach: a tenth of the NHS era's against the community schemes alone", CommunityReachShare * nhs[0], community[0]);
        Exceeds("fidelity: the community schemes alone against the NHS era's", community[1], nhs[1], CommunityFidelityGain);
    }
}
