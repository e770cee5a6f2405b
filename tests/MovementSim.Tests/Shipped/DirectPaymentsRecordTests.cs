using System.Globalization;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
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
    /// The figures the model does not reproduce within the tolerance, each written up in docs/evidence.md ("What the
    /// model does not reproduce"). Both are of March 2009, before the first measured target: the model has no
    /// mechanism that moved people onto personal budgets in 2008-09 (see the evidence). The test fails if one of these
    /// comes within tolerance (the list, and the document, must then shrink) or if any other figure misses.
    /// </summary>
    private static readonly HashSet<(double Year, string Measure)> KnownMisses =
    [
        (2009.25, MeasureSet.Reach),
        (2009.25, MeasureSet.AlternativeReach("payment", "direct_payment")),
    ];

    [Fact]
    public void The_mean_of_ten_replicates_lies_within_the_tolerance_of_each_published_figure_but_the_two_documented_misses()
    {
        var loaded = ScenarioLoader.Load(RepoPaths.Scenario("direct-payments"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var scenario = loaded.Scenario!;
        var p = scenario.Parameters;
        var measures = new MeasureSet(scenario);
        var observed = loaded.Observed.Select(o => o.Observation).ToList();
        Assert.NotEmpty(observed);
        var steps = observed.Select(o => (int)Math.Round((o.Year - p.StartYear) / p.DtYears, MidpointRounding.AwayFromZero)).ToArray();
        var sums = new double[observed.Count];
        for (var r = 0; r < Replicates; r++)
        {
            var sim = new Simulation(scenario, Seeds.RunSeed(Seeds.DefaultMasterSeed, 0, r));
            sim.Run((step, _, values) =>
            {
                for (var o = 0; o < observed.Count; o++)
                {
                    if (steps[o] == step)
                    {
                        sums[o] += values[measures.IndexOf(observed[o].Measure)];
                    }
                }
            });
        }
        var misses = new List<(double, string)>();
        for (var o = 0; o < observed.Count; o++)
        {
            var (figure, model) = (observed[o].Value, sums[o] / Replicates);
            var tolerance = Math.Max(RelativeTolerance * Math.Abs(figure), figure <= 1 ? ShareTolerance : 0);
            var within = Math.Abs(model - figure) <= tolerance;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{observed[o].Year,8} {observed[o].Measure,-36} published {figure,12:G6} model {model,12:G6} ({model / figure,5:F2}) {(within ? "within" : "MISS")}"));
            if (!within)
            {
                misses.Add((observed[o].Year, observed[o].Measure));
            }
        }
        Assert.True(misses.ToHashSet().SetEquals(KnownMisses),
            $"outside the tolerance: {string.Join("; ", misses)}; documented as misses: {string.Join("; ", KnownMisses)}");
    }
}
