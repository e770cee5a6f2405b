using MovementSim.Batch;
using MovementSim.Reporting;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>The captions of explore's charts of a change: what the change did by the end, with the interval of the difference.</summary>
public sealed class ChangeChartsTests
{
    private static DesignPointSeries Reach(params double[] final) =>
        new(0, [], new Dictionary<string, string>(), final.Length, [2000, 2001],
            new Dictionary<string, Summary[]> { ["reach"] = [Summary.Of(final.Select(_ => 0.0)), Summary.Of(final)] });

    [Theory]
    [InlineData(new[] { 0.5, 0.52, 0.48 }, "Reach by 2001: 50% changed, 40% unchanged; the change raised it (difference +10 points, 95% CI +")] // clearly higher
    [InlineData(new[] { 0.3, 0.31, 0.29 }, "Reach by 2001: 30% changed, 40% unchanged; the change lowered it (difference -10 points, 95% CI -")] // clearly lower
    [InlineData(new[] { 0.3, 0.5, 0.4 }, "Reach by 2001: 40% changed, 40% unchanged; no clear difference (difference +0.0 points, 95% CI -")] // within the noise
    public void The_caption_says_what_the_change_did_by_the_end_from_the_interval_of_the_difference(double[] changed, string expected)
    {
        var sentence = ChangeCharts.Ending(Reach(changed), Reach(0.4, 0.41, 0.39), "reach");

        Assert.True(sentence.StartsWith(expected, StringComparison.Ordinal), sentence);
    }
}
