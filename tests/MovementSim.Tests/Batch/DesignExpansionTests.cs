using MovementSim.Batch;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Tests.Batch;

public class DesignExpansionTests
{
    private static readonly ModelParameters Base = new();

    private static SweepSpec Sweep(string rows)
    {
        var result = SweepFile.Parse("name,kind,values,min,max,levels\n" + rows, "sweep.csv");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Sweep!;
    }

    private static DesignResult Expand(string rows, DesignRequest? request = null) =>
        DesignExpansion.Expand(Sweep(rows), Base, request ?? new DesignRequest(1));

    [Fact]
    public void Without_a_sweep_the_design_is_one_point_with_the_default_replicates()
    {
        var result = DesignExpansion.Expand(null, Base, new DesignRequest(1));

        var design = result.Design!;
        Assert.Single(design.Points);
        Assert.Empty(design.Swept);
        Assert.Equal(DesignRequest.DefaultReplicates, design.Replicates);
        Assert.Equal("design_point\n0\n", design.ToCsv());
    }

    [Fact]
    public void A_full_factorial_design_has_every_combination_with_the_first_parameter_varying_slowest()
    {
        var design = Expand("imitation,values,0.1;0.2,,,\nconversation,range,,0,1,3\nreplicates,setting,2,,,\n").Design!;

        Assert.Equal(6, design.Points.Count);
        Assert.Equal(12, design.RunCount);
        Assert.Equal(
            "design_point,imitation,conversation\n0,0.1,0\n1,0.1,0.5\n2,0.1,1\n3,0.2,0\n4,0.2,0.5\n5,0.2,1\n",
            design.ToCsv());
        var p = design.ParametersOf(4, Base);
        Assert.Equal(0.2, p.Imitation);
        Assert.Equal(0.5, p.Conversation);
    }

    [Fact]
    public void Choice_values_are_written_by_name_and_applied_by_option()
    {
        var design = Expand("network,values,complete;scale_free,,,\n").Design!;

        Assert.Equal("design_point,network\n0,complete\n1,scale_free\n", design.ToCsv());
        Assert.Equal(NetworkKind.ScaleFree, design.ParametersOf(1, Base).Network);
    }

    [Fact]
    public void A_latin_hypercube_puts_exactly_one_sample_in_each_stratum_of_each_parameter()
    {
        const int Samples = 20;
        var design = Expand($"design,setting,latin_hypercube,,,\nsamples,setting,{Samples},,,\nimitation,uniform,,0,1,\nconversation,uniform,,0.2,0.6,\n").Design!;

        Assert.Equal(Samples, design.Points.Count);
        var imitationStrata = design.Points.Select(p => (int)(p.Values[0] * Samples)).OrderBy(s => s);
        var conversationStrata = design.Points.Select(p => (int)((p.Values[1] - 0.2) / 0.4 * Samples)).OrderBy(s => s);
        Assert.Equal(Enumerable.Range(0, Samples), imitationStrata);
        Assert.Equal(Enumerable.Range(0, Samples), conversationStrata);
    }

    [Fact]
    public void A_latin_hypercube_depends_on_the_master_seed_and_on_nothing_else()
    {
        const string Rows = "design,setting,latin_hypercube,,,\nsamples,setting,5,,,\nimitation,uniform,,0,1,\nsteps,log_uniform,,1,1000,\n";

        var a = Expand(Rows, new DesignRequest(3)).Design!.ToCsv();
        var b = Expand(Rows, new DesignRequest(3)).Design!.ToCsv();
        var c = Expand(Rows, new DesignRequest(4)).Design!.ToCsv();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Latin_hypercube_integer_parameters_get_whole_numbers_within_range()
    {
        var design = Expand("design,setting,latin_hypercube,,,\nsamples,setting,50,,,\nsteps,uniform,,10,20,\npeople,log_uniform,,100,10000,\n").Design!;

        Assert.All(design.Points, p =>
        {
            Assert.InRange(p.Values[0], 10, 20);
            Assert.Equal(Math.Floor(p.Values[0]), p.Values[0]);
            Assert.InRange(p.Values[1], 100, 10000);
            Assert.Equal(Math.Floor(p.Values[1]), p.Values[1]);
        });
    }

    [Fact]
    public void A_distribution_in_a_full_factorial_design_is_an_error_naming_the_parameter()
    {
        var result = Expand("imitation,uniform,,0,1,\n");

        Assert.Equal("sweep.csv:2:1: imitation: a distribution (uniform) needs design latin_hypercube; for a full factorial design give values or a range with levels",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_latin_hypercube_without_samples_is_an_error_at_the_design_setting()
    {
        var result = Expand("design,setting,latin_hypercube,,,\nimitation,uniform,,0,1,\n");

        Assert.Equal("sweep.csv:2:3: design latin_hypercube needs a samples setting (the number of design points)",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_design_above_the_run_limit_is_refused_naming_its_parameters_unless_forced()
    {
        const string Rows = "max_runs,setting,100,,,\nimitation,range,,0,1,11\nconversation,values,0.1;0.2,,,\n";

        var refused = Expand(Rows, new DesignRequest(1, Replicates: 5));
        var forced = Expand(Rows, new DesignRequest(1, Replicates: 5, Force: true));

        Assert.Equal("sweep.csv:2:3: the design has 110 runs (imitation: 11 levels × conversation: 2 values × 5 replicates), " +
            "more than the limit of 100 (setting max_runs): lower the levels or replicates, raise max_runs in the sweep file, or pass --force",
            Assert.Single(refused.Errors).ToString());
        Assert.Equal(110, forced.Design!.RunCount);
    }

    [Fact]
    public void Replicates_without_a_sweep_are_limited_too()
    {
        var result = DesignExpansion.Expand(null, Base, new DesignRequest(1, Replicates: DesignRequest.DefaultMaxRuns + 1));

        Assert.StartsWith($"the design has {DesignRequest.DefaultMaxRuns + 1} runs (10001 replicates)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_parameter_both_swept_and_set_on_the_command_line_is_an_error()
    {
        var result = Expand("imitation,values,0.1;0.2,,,\n", new DesignRequest(1, SetOnCommandLine: ["imitation"]));

        Assert.Equal("sweep.csv:2:1: imitation is swept here and also given with --set: drop one of them", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_design_point_breaking_a_cross_parameter_rule_is_an_error_naming_the_point_and_parameters()
    {
        var result = Expand("person_tolerance_min,values,0.5;0.9,,,\n", new DesignRequest(1));

        Assert.Equal("sweep.csv:2:1: design point 1: person_tolerance_min (0.9) must not exceed person_tolerance_max (0.8)",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_swept_horizon_that_would_drop_an_event_is_an_error_naming_the_design_point()
    {
        var events = new[] { new EventSpec(2015, EventKind.Mandate, "all", 1) };

        var result = DesignExpansion.Expand(Sweep("steps,values,80;40,,,\n"), Base, new DesignRequest(1), events);

        Assert.Equal("sweep.csv:2:1: design point 1: events at 2015 fall outside the horizon [2000, 2010) of start_year, steps and dt_years",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Command_line_replicates_override_the_sweep_file()
    {
        var design = Expand("replicates,setting,3,,,\nimitation,values,0.1,,,\n", new DesignRequest(1, Replicates: 4)).Design!;

        Assert.Equal(4, design.Replicates);
    }
}
