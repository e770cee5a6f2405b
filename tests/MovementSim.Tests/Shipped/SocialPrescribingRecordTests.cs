using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Shipped;

/// <summary>
/// The shipped social-prescribing scenario against the published record: the mean of 10 replicates (the seeds
/// `./run.sh batch scenarios/social-prescribing --reps 10` uses) at the step nearest each figure of its observed.csv.
/// Issue 12's tolerance: within 30% of the figure.
/// </summary>
public class SocialPrescribingRecordTests(ITestOutputHelper output)
{
    private const int Replicates = 10;

    /// <summary>Relative tolerance of issue 12's acceptance.</summary>
    private const double RelativeTolerance = 0.30;

    /// <summary>
    /// The figures the model does not reproduce within the tolerance, each written up in docs/evidence.md ("What the
    /// model does not reproduce"): a share of CCGs after the network mandate, two network workforce counts of returns
    /// from 15% and 60-78% of networks, and the ARRS count of mid-2022 that the published funding steps cannot reach.
    /// The test fails if one of these comes within tolerance (the list, and the document, must then shrink) or if any
    /// other figure misses.
    /// </summary>
    private static readonly HashSet<(double Year, double Value)> KnownMisses =
    [
        (2019.81, 0.6),
        (2020.25, 112),
        (2021.25, 1265),
        (2022.5, 2662),
    ];

    [Fact]
    public void The_mean_of_ten_replicates_lies_within_30_percent_of_each_published_figure_but_the_documented_misses()
    {
        var misses = new List<(double, double)>();
        foreach (var row in RecordComparison.MeanOfReplicates("social-prescribing", Replicates))
        {
            var within = Math.Abs(row.Model - row.Figure.Value) <= RelativeTolerance * Math.Abs(row.Figure.Value);
            output.WriteLine(row.Line(within));
            if (!within)
            {
                misses.Add((row.Figure.Year, row.Figure.Value));
            }
        }
        Assert.True(misses.ToHashSet().SetEquals(KnownMisses),
            $"outside the tolerance: {string.Join("; ", misses)}; documented as misses: {string.Join("; ", KnownMisses)}");
    }
}
