using MovementSim.Analysis.Model;
using Xunit;

namespace MovementSim.Tests.Analysis;

/// <summary>--distance relative: each weight divided by the square of its observed value.</summary>
public class RelativeDistanceTests
{
    [Fact]
    public void Relative_targets_divide_each_weight_by_the_square_of_its_value()
    {
        var targets = CalibrationTargets.Parse("year,measure,value,weight\n2000,reach,0.5,1\n2001,people_reached,20000,0.5\n", "observed.csv", null);
        var relative = targets.Relative();
        Assert.True(relative.IsValid);
        // 1 / 0.5^2 and 0.5 / 20000^2: the distance then sums squared relative differences, so a 10% miss counts the
        // same for either row (times its own weight).
        Assert.Equal([4.0, 0.5 / 4e8], relative.Rows.Select(r => r.Observation.Weight));
    }

    [Fact]
    public void A_zero_value_cannot_be_a_relative_target_and_the_error_names_its_place()
    {
        var relative = CalibrationTargets.Parse("year,measure,value\n2000,reach,0\n", "observed.csv", null).Relative();
        var error = Assert.Single(relative.Errors);
        Assert.StartsWith("observed.csv:2:", error.ToString());
        Assert.Contains("--distance relative", error.ToString());
    }
}
