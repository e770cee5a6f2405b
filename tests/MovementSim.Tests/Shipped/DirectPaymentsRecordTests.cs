using MovementSim.Core;
using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Shipped;

/// <summary>
/// The shipped direct-payments scenario against the published record: the mean of 10 replicates (the seeds
/// `./run.sh batch scenarios/direct-payments --reps 10` uses) at the step nearest each figure of its observed.csv.
/// Issue 11's tolerance: within 30% of the figure, or 2 percentage points for a share, whichever is larger.
/// </summary>
public class DirectPaymentsRecordTests(ITestOutputHelper output)
{
    private const int Replicates = 10;

    /// <summary>Relative tolerance of issue 11's acceptance.</summary>
    private const double RelativeTolerance = 0.30;

    /// <summary>Absolute tolerance for a share (a value of at most 1), in share units: 2 percentage points.</summary>
    private const double ShareTolerance = 0.02;

    /// <summary>
    /// The figures the model does not reproduce within the tolerance, each to be written up in docs/evidence.md ("What
    /// the model does not reproduce"). None since councils' systems gate the managed forms (docs/model-odd.md section
    /// 7.4.1). The test fails if any figure misses, or if a figure listed here comes within tolerance.
    /// </summary>
    private static readonly HashSet<(double Year, string Measure)> KnownMisses = [];

    [Fact]
    public void The_mean_of_ten_replicates_lies_within_the_tolerance_of_each_published_figure()
    {
        var misses = new List<(double, string)>();
        foreach (var row in RecordComparison.MeanOfReplicates("direct-payments", Replicates))
        {
            var (figure, model) = (row.Figure.Value, row.Model);
            var tolerance = Math.Max(RelativeTolerance * Math.Abs(figure), figure <= 1 ? ShareTolerance : 0);
            var within = Math.Abs(model - figure) <= tolerance;
            output.WriteLine(row.Line(within));
            if (!within)
            {
                misses.Add((row.Figure.Year, row.Figure.Measure));
            }
        }
        Assert.True(misses.ToHashSet().SetEquals(KnownMisses),
            $"outside the tolerance: {string.Join("; ", misses)}; documented as misses: {string.Join("; ", KnownMisses)}");
    }
}
