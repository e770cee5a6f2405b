using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests.Catalog;

/// <summary>
/// Every uncertain parameter has a plausible range that the model accepts, and sampling anywhere in the box of
/// plausible ranges never breaks a rule between parameters, so that a robustness analysis over the catalog's ranges
/// cannot make a run the model refuses.
/// </summary>
public class PlausibleRangeTests
{
    /// <summary>The parameters the rules between parameters (<see cref="ParameterCatalog.CrossChecks"/>) name.</summary>
    private static readonly string[] CrossChecked =
    [
        "person_tolerance_min", "person_tolerance_max", "movement_capacity", "movement_capacity_max",
        "mean_degree", "social_weight", "appraisal_weight", "results_weight",
    ];

    /// <summary>Not uncertain in the catalog's sense: simulation settings, the counterfactual switch, counts from data and
    /// structural choices (docs/model-odd.md, section 8.1).</summary>
    private static readonly string[] NotUncertain =
    [
        "people", "steps", "dt_years", "start_year", "network", "actor_network", "institutional_adoption",
        "caseload", "real_institutions", "completion_rate", "eligible_population",
    ];

    [Fact]
    public void Every_parameter_but_settings_switches_counts_from_data_and_structural_choices_has_a_plausible_range()
    {
        var without = ParameterCatalog.All.Where(s => !s.IsUncertain).Select(s => s.Name).ToArray();

        Assert.Equal(NotUncertain.Order(), without.Order());
    }

    [Fact]
    public void Every_plausible_range_lies_within_the_valid_range_is_not_empty_names_its_source_and_holds_the_default()
    {
        foreach (var spec in ParameterCatalog.All.Where(s => s.IsUncertain))
        {
            var (min, max) = (spec.PlausibleMin!.Value, spec.PlausibleMax!.Value);
            Assert.True(spec.Min <= min && min < max && max <= spec.Max,
                $"{spec.Name}: plausible range [{min}, {max}] is empty or leaves the valid range [{spec.Min}, {spec.Max}]");
            Assert.False(string.IsNullOrWhiteSpace(spec.PlausibleSource), $"{spec.Name}: no source for its plausible range");
            Assert.True(min <= spec.Default && spec.Default <= max, $"{spec.Name}: default {spec.Default} outside its plausible range [{min}, {max}]");
            if (spec.Kind != ParameterKind.Real)
            {
                Assert.True(min == Math.Floor(min) && max == Math.Floor(max), $"{spec.Name}: a whole-number or choice parameter needs whole-number ends, got [{min}, {max}]");
            }
        }
    }

    [Fact]
    public void No_corner_of_the_plausible_box_breaks_a_rule_between_parameters()
    {
        var specs = CrossChecked.Select(n => ParameterCatalog.Find(n)!).ToArray();
        Assert.All(specs, s => Assert.True(s.IsUncertain, $"{s.Name} has no plausible range"));
        for (var corner = 0; corner < 1 << specs.Length; corner++)
        {
            var p = new ModelParameters();
            for (var i = 0; i < specs.Length; i++)
            {
                p = specs[i].Set(p, (corner >> i & 1) == 0 ? specs[i].PlausibleMin!.Value : specs[i].PlausibleMax!.Value);
            }
            var problems = ParameterCatalog.CrossChecks(p).ToList();
            Assert.True(problems.Count == 0, $"corner {corner}: {string.Join("; ", problems)}");
        }
    }

    [Fact]
    public void A_choice_reads_its_plausible_range_as_the_options_between_its_ends()
    {
        var benefit = ParameterCatalog.Find("benefit_function")!;

        Assert.Equal("linear or threshold", benefit.PlausibleText);
        Assert.Equal("", ParameterCatalog.Find("network")!.PlausibleText);
        Assert.Equal("0.005–0.1", ParameterCatalog.Find("external_influence")!.PlausibleText);
    }
}
