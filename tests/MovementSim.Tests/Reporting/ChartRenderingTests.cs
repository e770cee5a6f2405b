using System.Xml.Linq;
using MovementSim.Reporting;
using MovementSim.Reporting.Charts;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>Every chart renders to a non-blank PNG and a valid SVG, with its text drawn.</summary>
[Collection(ReportingCollection.Name)]
public sealed class ChartRenderingTests(ReportingFixture fixture)
{
    [Fact]
    public void A_result_folder_with_events_a_reference_sensitivity_and_calibration_gets_every_kind_of_chart()
    {
        Assert.Equal(
        [
            "reach_fidelity", "reach_over_time", "fidelity_over_time", "net_benefit_over_time", "adoption_by_mode",
            "coalition_by_position", "coalition_by_motive", "support_by_motive", "innovation_payment", "innovation_support_plan",
            "sensitivity_sobol", "sensitivity_morris", // the observed reach and fidelity are drawn on their own time charts
        ], fixture.SingleReport.Charts.Select(c => c.Name));
        Assert.All(fixture.SingleReport.Charts, c => Assert.StartsWith(Path.Combine(fixture.Single.Root, "charts"), c.PngPath));
    }

    [Fact]
    public void Every_chart_renders_to_a_non_blank_png_at_briefing_size()
    {
        foreach (var c in fixture.AllCharts)
        {
            using var png = Pixels.Decode(c.PngPath);
            Assert.Equal((Chart.Width, Chart.Height), (png.Width, png.Height));
            Assert.True(Pixels.DistinctColours(png, Pixels.Whole(png)) > 50, $"{c.Name}: too few colours to be a chart");
            Assert.True(Pixels.InkShare(png, Pixels.Whole(png)) > 0.02, $"{c.Name}: almost all white");
            Assert.True(Pixels.Dark(png, Pixels.TitleBand(png)) > 150, $"{c.Name}: no title text drawn");
        }
    }

    [Fact]
    public void Every_chart_has_a_valid_svg_naming_the_shipped_font_and_containing_its_title()
    {
        foreach (var c in fixture.AllCharts)
        {
            var svg = XDocument.Load(c.SvgPath);
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
            Assert.Contains(c.Title, texts);
            Assert.Contains("font-family=\"DejaVu Sans\"", File.ReadAllText(c.SvgPath));
        }
    }

    [Fact]
    public void Text_is_drawn_with_the_fonts_shipped_next_to_the_program()
    {
        using var titled = Pixels.Decode(Chart.Png(Style.NewPlot("Fonts are found", "", "")));
        var invisible = Style.NewPlot("Fonts are found", "", "");
        invisible.Axes.Title.Label.ForeColor = ScottPlot.Colors.White;
        using var control = Pixels.Decode(Chart.Png(invisible));

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Fonts"), ChartFonts.Folder);
        Assert.Equal(ChartFonts.Family, ScottPlot.Fonts.Default);
        // The same layout with the title drawn in white: only the glyphs can make the difference.
        Assert.Equal(0, Pixels.Dark(control, Pixels.TitleBand(control)));
        Assert.True(Pixels.Dark(titled, Pixels.TitleBand(titled)) > 300, "the title drew no dark pixels: fonts missing?");
    }

    [Fact]
    public void Every_caption_states_numbers_computed_from_the_results()
    {
        foreach (var c in fixture.AllCharts)
        {
            Assert.Matches(@"\d", c.Caption);
            Assert.DoesNotContain("NaN", c.Caption);
            Assert.DoesNotContain("n/a", c.Caption);
        }
        var reach = fixture.SingleReport.Charts.Single(c => c.Name == "reach_fidelity");
        var r = ResultFolder.Load(fixture.Single.Root);
        var p = r.Primary;
        Assert.StartsWith($"Reach rose from {Format.Percent(p.Initial("reach").Mean)} in 1995 to {Format.Percent(p.Final("reach").Mean)} by 2020 " +
                          $"while fidelity fell from {Format.Score(p.Initial("fidelity").Mean)} in 1995 to {Format.Score(p.Final("fidelity").Mean)} by 2020", reach.Caption);
    }

    [Fact]
    public void One_swept_parameter_gives_final_outcomes_against_it()
    {
        var sweep = Assert.Single(fixture.SweepOneCharts);
        Assert.Equal("sweep_imitation", sweep.Name);
        Assert.Contains("imitation = 0.", sweep.Caption);
    }

    [Fact]
    public void Two_swept_parameters_give_heatmaps_of_net_benefit_reach_and_fidelity()
    {
        Assert.Equal(["sweep_heatmap_net_benefit", "sweep_heatmap_reach", "sweep_heatmap_fidelity"],
            fixture.SweepTwoCharts.Where(c => c.Section == ChartSet.SectionSweep).Select(c => c.Name));
        // Nine design points: the time charts show seven of them, spread over the design.
        Assert.Contains("7 of 9 design points shown", fixture.SweepTwoCharts.Single(c => c.Name == "reach_over_time").Caption);
    }

    [Fact]
    public void More_swept_parameters_give_one_chart_each_and_heatmaps_of_the_two_most_influential()
    {
        // In the synthetic data conversation moves net benefit most, then imitation, then coproduction.
        Assert.Equal(
            ["sweep_conversation", "sweep_imitation", "sweep_coproduction", "sweep_heatmap_net_benefit", "sweep_heatmap_reach", "sweep_heatmap_fidelity"],
            fixture.SweepThreeCharts.Select(c => c.Name));
        var heat = fixture.SweepThreeCharts.Single(c => c.Name == "sweep_heatmap_net_benefit");
        Assert.Equal("Final net benefit by conversation and imitation", heat.Title);
        Assert.Contains("Averaged over coproduction", heat.Caption);
    }

    [Fact]
    public void A_sampled_design_gets_one_scatter_per_parameter_ranked_by_correlation_and_no_heatmap()
    {
        // Conversation barely varies in this design, so imitation drives net benefit more.
        Assert.Equal(["sweep_imitation", "sweep_conversation"], fixture.SweepSampledCharts.Select(c => c.Name));
        var first = fixture.SweepSampledCharts[0].Caption;
        Assert.Contains("Each point is one of 5 sampled design points", first);
        Assert.Contains("final net benefit follows imitation (r = ", first);
    }
}
