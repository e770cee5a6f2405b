using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MovementSim.Analysis;
using MovementSim.Analysis.Calibration;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Analysis;

public class AbcTests
{
    private const double Ceiling = 1000;
    private const double TrueRate = 0.35;
    private const double TrueMidpoint = 2012;

    /// <summary>
    /// 4000 prior draws keeping the closest 2% (80 points) over a 0.95 x 30 box: the accepted cloud is limited by
    /// the prior sample's spacing more than by the noise, so its 90% range is a few percent of each range; a
    /// posterior mean within 5% of the range of the truth, and a 90% interval narrower than a quarter of the
    /// range, separate "concentrated" from "spread over the prior" with a wide margin.
    /// </summary>
    private const double MeanToleranceShareOfRange = 0.05;
    private const double MaxIntervalShareOfRange = 0.25;

    private static readonly ParameterRange[] Ranges = [new("rate", 0.05, 1.0), new("midpoint", 1995, 2025), new("unused", 0, 10)];

    private static readonly ISimulatedMeasures Logistic = SimulatedMeasures.PointByPoint((p, observations) =>
        observations.Select(o => TestFunctions.Logistic(o.Year, p[0], p[1], Ceiling)).ToArray());

    private static Observation[] Observe()
    {
        var random = new Xoshiro256StarStar(4, false);
        return Enumerable.Range(2000, 25)
            .Select(year => new Observation(year, "members", TestFunctions.Logistic(year, TrueRate, TrueMidpoint, Ceiling) + Normal.Sample(random, 0, 20), 1.0))
            .ToArray();
    }

    private static AbcResult Run(int seed = 8) =>
        AbcRejection.Run(Ranges, Observe(), Logistic, new AbcOptions(4000, AbcAcceptance.Closest(0.02), seed));

    /// <summary>The run most tests inspect, made once: it is deterministic, so sharing it hides nothing.</summary>
    private static readonly Lazy<AbcResult> Default = new(() => Run());

    [Fact]
    public void The_accepted_ABC_sample_concentrates_around_the_truth()
    {
        var result = Default.Value;

        Assert.Equal(80, result.Accepted.Count);
        foreach (var (summary, truth, range) in new[] { (result.Posterior[0], TrueRate, Ranges[0]), (result.Posterior[1], TrueMidpoint, Ranges[1]) })
        {
            Assert.Equal(truth, summary.Mean, MeanToleranceShareOfRange * range.Width);
            Assert.InRange(truth, summary.Q05, summary.Q95);
            Assert.True(summary.Q95 - summary.Q05 < MaxIntervalShareOfRange * range.Width, $"{summary.Parameter}: {summary}");
        }
    }

    [Fact]
    public void A_parameter_the_data_say_nothing_about_keeps_its_prior_spread_and_is_not_identified()
    {
        var result = Default.Value;

        var unused = result.Posterior[2];
        Assert.True(unused.Q95 - unused.Q05 > 0.7 * Ranges[2].Width, unused.ToString());
        var rows = result.ToFitRows();
        Assert.Equal([true, true, false], rows.Select(r => r.Identified));
    }

    [Fact]
    public void Accepted_points_are_the_closest_and_epsilon_is_the_largest_accepted_distance()
    {
        var result = Default.Value;

        var cut = result.Accepted.Max(s => s.Distance);
        Assert.Equal(cut, result.Epsilon);
        Assert.Equal(result.Samples.Count(s => s.Distance <= cut), result.Accepted.Count);
    }

    [Fact]
    public void Acceptance_within_epsilon_keeps_exactly_the_points_within_it()
    {
        var all = Default.Value;
        var epsilon = all.Samples.Select(s => s.Distance).Order().ElementAt(99);

        var within = AbcRejection.Run(Ranges, Observe(), Logistic, new AbcOptions(4000, AbcAcceptance.Within(epsilon), 8));

        Assert.Equal(100, within.Accepted.Count);
        Assert.All(within.Accepted, s => Assert.True(s.Distance <= epsilon, $"an accepted sample's distance {s.Distance} is above the cut-off {epsilon}"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_ABC_posterior()
    {
        Assert.Equal(Run().Posterior, Run().Posterior);
        Assert.NotEqual(Run().Posterior, Run(9).Posterior);
    }
}
