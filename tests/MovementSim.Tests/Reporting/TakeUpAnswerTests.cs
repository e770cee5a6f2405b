using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// The answer to the source's question against a design point's own counterfactual, from the paired differences at the
/// end: the verdict follows the 95% interval of the net benefit difference, and the sentence gives every number with its
/// interval.
/// </summary>
public class TakeUpAnswerTests
{
    private static readonly double[] Years = [2000, 2010];

    /// <summary>A two-step design point whose measures end at the given summaries (the start is all zeros).</summary>
    private static DesignPointSeries Point(IReadOnlyDictionary<string, Summary> final, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var zero = new Summary(5, 0, 0, 0, 0, 0, 0, 0);
        return new DesignPointSeries(0, [], parameters ?? new Dictionary<string, string> { ["institutional_adoption"] = "1", ["movement_capacity_max"] = "0.05" },
            5, Years, final.ToDictionary(kv => kv.Key, kv => new[] { zero, kv.Value }));
    }

    private static Summary Mean(double mean, double low, double high) => new(5, mean, 0.01, low, mean, high, low, high);

    /// <summary>A take-up that reaches 12,000 more people at 0.2 lower fidelity, with the given net benefit difference.</summary>
    private static Dictionary<string, Summary> Finals(Summary netBenefitDifference) => new()
    {
        [MeasureSet.Reach] = Mean(0.6, 0.55, 0.65),
        [MeasureSet.Fidelity] = Mean(0.6, 0.58, 0.62),
        [MeasureSet.NetBenefit] = Mean(0.3, 0.28, 0.32),
        [CounterfactualColumns.Of(MeasureSet.Reach)] = Mean(0.05, 0.05, 0.05),
        [CounterfactualColumns.DifferenceOf(MeasureSet.Reach)] = Mean(0.55, 0.5, 0.6),
        [CounterfactualColumns.DifferenceOf(MeasureSet.Fidelity)] = Mean(-0.2, -0.25, -0.15),
        [CounterfactualColumns.DifferenceOf(MeasureSet.NetBenefit)] = netBenefitDifference,
        [CounterfactualColumns.DifferenceOf(MeasureSet.PeopleReached)] = Mean(12_345, 11_000, 13_600),
        [CounterfactualColumns.DifferenceOf(MeasureSet.PeopleLost)] = Mean(0, 0, 0),
    };

    [Theory]
    [InlineData(0.1, 0.05, 0.15, Verdict.Helped)]
    [InlineData(-0.1, -0.15, -0.05, Verdict.Harmed)]
    [InlineData(0.01, -0.02, 0.04, Verdict.NoClearDifference)]
    public void The_verdict_is_the_side_of_0_the_interval_of_the_net_benefit_difference_lies_on(double mean, double low, double high, Verdict expected)
    {
        Assert.Equal(expected, TakeUpAnswer.VerdictOf(Mean(mean, low, high)));
    }

    [Fact]
    public void With_one_replicate_there_is_no_interval_and_the_verdict_is_the_sign()
    {
        var one = new Summary(1, -0.02, double.NaN, -0.02, -0.02, -0.02, double.NaN, double.NaN);

        Assert.Equal(Verdict.Harmed, TakeUpAnswer.VerdictOf(one));
    }

    [Fact]
    public void The_sentence_of_a_take_up_that_helped_gives_more_people_lower_fidelity_and_higher_net_benefit_each_with_its_interval()
    {
        var answer = TakeUpAnswer.Of(Point(Finals(Mean(0.12, 0.1, 0.14))));

        Assert.Equal(Verdict.Helped, answer.Verdict);
        Assert.Equal("Institutional take-up helped: by 2010, 12,300 more people were reached (95% CI +11,000 to +13,600), " +
                     "average fidelity was 0.20 lower (95% CI −0.25 to −0.15) and net benefit 0.12 higher (95% CI +0.10 to +0.14) " +
                     "than in the same world without institutional take-up; no more people had lost fidelity they once had " +
                     "(5 replicates, each paired with its counterfactual by seed).", answer.Sentence);
        Assert.Equal("helped: net benefit +0.12 (95% CI +0.10 to +0.14)", answer.Short);
    }

    [Fact]
    public void The_sentence_of_a_take_up_that_did_harm_says_so_and_gives_net_benefit_lower()
    {
        var answer = TakeUpAnswer.Of(Point(Finals(Mean(-0.04, -0.05, -0.03))));

        Assert.Equal(Verdict.Harmed, answer.Verdict);
        Assert.StartsWith("Institutional take-up did harm: by 2010, 12,300 more people were reached", answer.Sentence);
        Assert.Contains("net benefit 0.040 lower (95% CI −0.050 to −0.030)", answer.Sentence);
    }

    [Fact]
    public void Without_a_movement_or_without_institutional_adoption_the_comparison_is_not_applicable()
    {
        var noMovement = TakeUpAnswer.Of(Point(Finals(Mean(0.5, 0.4, 0.6)),
            new Dictionary<string, string> { ["institutional_adoption"] = "1", ["movement_capacity_max"] = "0" }));
        var movementAlone = TakeUpAnswer.Of(Point(Finals(Mean(0, 0, 0)),
            new Dictionary<string, string> { ["institutional_adoption"] = "0", ["movement_capacity_max"] = "0.05" }));

        Assert.Equal(Verdict.NotApplicable, noMovement.Verdict);
        Assert.StartsWith("The comparison with a counterfactual is not applicable: the scenario has no movement", noMovement.Sentence);
        Assert.DoesNotContain("0.5", noMovement.Short); // not a number
        Assert.Equal(Verdict.NotApplicable, movementAlone.Verdict);
    }

    [Fact]
    public void Runs_without_their_counterfactual_are_not_answered()
    {
        var finals = Finals(Mean(0.1, 0.05, 0.15)).Where(kv => !kv.Key.EndsWith("_difference", StringComparison.Ordinal)).ToDictionary();

        var answer = TakeUpAnswer.Of(Point(finals));

        Assert.Equal(Verdict.NotRun, answer.Verdict);
        Assert.Contains("--counterfactual", answer.Sentence);
    }

    [Fact]
    public void The_paired_counterfactual_is_the_reference_its_series_named_as_the_plain_measures()
    {
        var p = Point(Finals(Mean(0.1, 0.05, 0.15)));

        var counterfactual = p.Counterfactual()!;

        Assert.True(counterfactual.IsMovementOnly);
        Assert.Equal(0.05, counterfactual.Final(MeasureSet.Reach).Mean);
        Assert.Equal(0.1, p.DifferenceFrom(counterfactual, MeasureSet.NetBenefit).Estimate); // the paired difference, not a difference of means
    }
}
