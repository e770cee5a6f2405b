using MovementSim.Batch;
using MovementSim.Reporting;
using MovementSim.Reporting.Charts;
using Xunit;

namespace MovementSim.Tests.Reporting;

/// <summary>The numbers behind the charts, checked exactly against hand computations.</summary>
public sealed class ChartDataTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void The_reach_fidelity_plane_draws_every_marker_before_any_dashed_or_dotted_line()
    {
        // Skia's SVG writer cannot dash a marker's fill and prints "Unsupported path effect in addPaint." for each marker
        // drawn after a dashed line (ScottPlot leaves the dash on its shared paint); ten paths make the ninth and tenth dashed.
        var years = Enumerable.Range(0, 41).Select(s => 2000 + s * 0.25).ToArray();
        var paths = Enumerable.Range(0, 10).Select(k => (Trajectory.Of($"s{k}", years,
                years.Select(y => (y - 2000) / 20 + k * 0.01).ToArray(), years.Select(y => 1 - (y - 2000) / 40).ToArray()),
            OkabeIto.Series[k % OkabeIto.Series.Count])).ToList();

        var plot = Draw.Plane("plane", paths, new TrajectoryPoint(2010, 0.05, 1), labelYears: false);

        var plottables = plot.GetPlottables().ToList();
        var firstPatterned = plottables.FindIndex(p => p is ScottPlot.Plottables.Scatter s && s.LinePattern.Name != ScottPlot.LinePattern.Solid.Name);
        var lastMarker = plottables.FindLastIndex(p => p is ScottPlot.Plottables.Marker or ScottPlot.Plottables.Markers);
        Assert.True(firstPatterned >= 0, "the plane has dotted iso-benefit curves and dashed paths");
        Assert.True(lastMarker < firstPatterned, $"marker at {lastMarker} drawn after the dashed or dotted line at {firstPatterned}");
    }

    [Fact]
    public void Paths_that_end_together_share_one_end_label_and_paths_that_end_apart_keep_their_own()
    {
        var years = Enumerable.Range(0, 41).Select(s => 2000 + s * 0.25).ToArray();
        Trajectory PathTo(string label, double endReach) =>
            Trajectory.Of(label, years, years.Select(y => 0.01 + (y - 2000) / 20 * endReach).ToArray(), years.Select(y => 1 - (y - 2000) / 40).ToArray());
        string[] EndLabels(params Trajectory[] paths) =>
            Draw.Plane("plane", paths.Select((p, k) => (p, OkabeIto.Series[k])).ToList(), null, labelYears: false)
                .GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).Where(t => t.StartsWith("end ", StringComparison.Ordinal)).ToArray();

        // A change that did almost nothing (explore's changed against unchanged): one label, not two on top of each other.
        Assert.Equal(["end 2010"], EndLabels(PathTo("changed", 0.500), PathTo("unchanged", 0.505)));
        // Ends far apart keep a label each.
        Assert.Equal(["end 2010", "end 2010"], EndLabels(PathTo("changed", 0.2), PathTo("unchanged", 0.6)));
    }

    [Fact]
    public void Trajectory_marks_every_whole_year_and_labels_every_fifth_apart_from_start_and_end()
    {
        // Quarterly steps from 1995 to 2020.
        var years = Enumerable.Range(0, 101).Select(s => 1995 + s * 0.25).ToArray();
        var reach = years.Select(y => 0.01 + (y - 1995) / 100).ToArray();
        var fidelity = years.Select(y => 1 - (y - 1995) / 50).ToArray();

        var t = Trajectory.Of("dp", years, reach, fidelity);

        Assert.Equal(101, t.Points.Count);
        Assert.Equal(Enumerable.Range(1995, 26).Select(y => (double)y), t.Marks.Select(m => m.Year));
        Assert.Equal(new double[] { 2000, 2005, 2010, 2015 }, t.LabelledMarks.Select(m => m.Year));
        var m2005 = t.Marks.Single(m => m.Year == 2005);
        Assert.Equal(0.11, m2005.Reach, Exact);
        Assert.Equal(0.8, m2005.Fidelity, Exact);
        Assert.Equal(new TrajectoryPoint(1995, 0.01, 1), t.Start);
        Assert.Equal(2020, t.End.Year);
        Assert.Equal(0.26 * 0.5, t.End.LinearBenefit, Exact);
    }

    [Fact]
    public void Trajectory_marks_fall_on_the_nearest_step_when_years_are_not_exact_in_binary()
    {
        // 0.1-year steps: 2000 + 7 * 0.1 is not exactly 2000.7, and whole years are within half a step.
        var years = Enumerable.Range(0, 31).Select(s => 2000 + s * 0.1).ToArray();
        var values = years.Select((_, i) => (i + 1) / 100.0).ToArray();

        var t = Trajectory.Of("dp", years, values, values);

        Assert.Equal(new double[] { 2000, 2001, 2002, 2003 }, t.Marks.Select(m => m.Year));
        Assert.Equal(new[] { 0.01, 0.11, 0.21, 0.31 }, t.Marks.Select(m => m.Reach));
        Assert.Equal(new double[] { 2002 }, t.LabelledMarks.Select(m => m.Year));
    }

    [Fact]
    public void Trajectory_leaves_out_steps_where_nobody_is_reached_since_fidelity_is_undefined_there()
    {
        double[] years = [2000, 2000.5, 2001, 2001.5];

        var t = Trajectory.Of("dp", years, [0, 0, 0.1, 0.2], [0, 0, 0.9, 0.8]);

        Assert.Equal([2001, 2001.5], t.Points.Select(p => p.Year));
        Assert.Equal(new TrajectoryPoint(2001, 0.1, 0.9), t.Start);
        // When nobody is ever reached there is nothing better to draw than every step.
        Assert.Equal(4, Trajectory.Of("nobody", years, [0, 0, 0, 0], [0, 0, 0, 0]).Points.Count);
    }

    [Theory]
    [InlineData(8, 1, 2)] // a short run: every year, labels every two
    [InlineData(25, 1, 5)] // decades of policy: every year, labels every five
    [InlineData(60, 5, 10)] // long run: every five years, labels every decade
    [InlineData(200, 10, 20)] // very long run
    public void Trajectory_marks_thin_out_as_the_span_grows(double span, int markEvery, int labelEvery)
    {
        Assert.Equal((markEvery, labelEvery), Trajectory.Spacing(span));
    }

    [Fact]
    public void Stacked_layers_run_from_the_sum_below_to_the_sum_including_them()
    {
        var stacked = ChartData.Stack([[0.1, 0.2], [0.3, double.NaN], [0.05, 0.4]]);

        Assert.Equal(new[] { 0.0, 0.0 }, stacked[0].Lower);
        Assert.Equal(new[] { 0.1, 0.2 }, stacked[0].Upper);
        Assert.Equal(new[] { 0.1, 0.2 }, stacked[1].Lower);
        Assert.Equal(0.4, stacked[1].Upper[0], Exact);
        Assert.Equal(0.2, stacked[1].Upper[1], Exact); // missing counts as 0
        Assert.Equal(0.45, stacked[2].Upper[0], Exact);
        Assert.Equal(0.6, stacked[2].Upper[1], Exact);
    }

    [Fact]
    public void Shares_among_runs_with_recipients_divide_the_mean_shares_by_their_sum_at_each_step()
    {
        // Step 0: no run has recipients; step 1: 3 runs in 5 do (means 0.3 and 0.3); step 2: all do; step 3: a missing value.
        var shares = ChartData.AmongRunsWithRecipients([[0, 0.3, 0.25, double.NaN], [0, 0.3, 0.75, 0.5]]);

        Assert.Equal(new[] { 0, 0.5, 0.25, 0 }, shares[0]);
        Assert.Equal(new[] { 0, 0.5, 0.75, 1 }, shares[1]);
    }

    [Fact]
    public void Iso_benefit_curves_keep_reach_times_fidelity_constant_from_full_fidelity_to_the_axis_end()
    {
        Assert.Equal(new[] { 0.1, 0.2, 0.3 }, ChartData.IsoBenefitLevels(0.4));
        Assert.Equal(new[] { 0.2, 0.4, 0.6, 0.8 }, ChartData.IsoBenefitLevels(1));

        var (reach, fidelity) = ChartData.IsoBenefitCurve(0.2, 0.6, points: 5);

        Assert.Equal(new[] { 0.2, 0.3, 0.4, 0.5, 0.6 }, reach.Select(r => Math.Round(r, 12)));
        Assert.Equal(1, fidelity[0], Exact);
        Assert.All(reach.Zip(fidelity), p => Assert.Equal(0.2, p.First * p.Second, Exact));
        Assert.Empty(ChartData.IsoBenefitCurve(0.7, 0.6).Reach);
    }

    [Fact]
    public void Swept_levels_are_ordered_numerically_when_they_are_numbers_else_as_first_seen()
    {
        Assert.Equal(["0.1", "0.4", "2", "10"], ChartData.Levels(["2", "0.4", "10", "0.1", "2"]));
        Assert.Equal(["small_world", "random"], ChartData.Levels(["small_world", "random", "small_world"]));
    }

    [Fact]
    public void Main_effect_is_the_between_level_variance_of_the_outcome()
    {
        // Level a: mean 1 (two points), level b: mean 4 (one point); grand mean 2.
        var v = ChartData.MainEffectVariance([("a", 0), ("a", 2), ("b", 4)]);

        Assert.Equal((2 * 1.0 + 1 * 4.0) / 3, v, Exact);
    }

    [Fact]
    public void Spread_picks_evenly_spaced_indices_including_both_ends()
    {
        Assert.Equal([0, 1, 2], ChartData.Spread(3, 7));
        Assert.Equal([0, 2, 4, 6, 8], ChartData.Spread(9, 5));
        Assert.Equal(0, ChartData.Spread(20, 7)[0]);
        Assert.Equal(19, ChartData.Spread(20, 7)[^1]);
    }

    [Fact]
    public void Share_names_are_split_by_the_scenarios_alternatives_even_when_names_share_words()
    {
        string[] measures = ["reach", "share_plan_person_led", "share_plan_person_centred", "share_plan_resource_allocation"];
        (string, string)[] declared = [("plan", "person_led"), ("plan", "person_centred"), ("plan", "resource_allocation")];

        var groups = ShareNames.Group(measures, declared);

        var plan = Assert.Single(groups);
        Assert.Equal("plan", plan.Component);
        Assert.Equal(["person_led", "person_centred", "resource_allocation"], plan.Alternatives.Select(a => a.Alternative));
        Assert.Equal("share_plan_person_led", plan.Alternatives[0].Measure);
    }

    [Fact]
    public void Without_the_alternatives_file_a_component_is_the_longest_prefix_shared_with_another_share()
    {
        string[] measures = ["share_support_plan_person_led", "share_support_plan_resource_allocation", "share_payment_cash", "share_payment_managed_account", "share_lonely_thing"];

        var groups = ShareNames.Group(measures, []);

        Assert.Equal(["support_plan", "payment", "lonely"], groups.Select(g => g.Component));
        Assert.Equal(["person_led", "resource_allocation"], groups[0].Alternatives.Select(a => a.Alternative));
        Assert.Equal(["cash", "managed_account"], groups[1].Alternatives.Select(a => a.Alternative));
        Assert.Equal(["thing"], groups[2].Alternatives.Select(a => a.Alternative));
    }

    [Theory]
    [InlineData(0.012, "1.2%")] // below 10%: one decimal
    [InlineData(0.34, "34%")] // above: none
    [InlineData(0.05, "5%")] // a whole percentage below 10% loses its ".0"
    [InlineData(1, "100%")]
    public void Shares_are_written_as_percentages(double share, string text)
    {
        Assert.Equal(text, Format.Percent(share));
    }

    [Theory]
    [InlineData(2015, "2015")] // a whole year
    [InlineData(2015.25, "Apr 2015")] // a quarter in: the Care Act's April
    [InlineData(2007.95, "Dec 2007")] // late in the year
    [InlineData(2003.5, "Jul 2003")] // half way
    public void Years_with_a_fraction_are_written_with_their_month(double year, string text)
    {
        Assert.Equal(text, Format.Year(year));
    }

    [Fact]
    public void Event_labels_that_would_overlap_go_in_separate_rows_and_events_weeks_apart_share_one_label()
    {
        ScheduledEvent[] events =
        [
            new(2003.25, "mandate", "council", 0.4), new(2007.95, "forum", "all", 0.2), new(2008, "mandate", "council", 0.7),
            new(2012, "mandate", "council", 1), new(2020, "budget_shock", "council", 0.3), new(2030, "mandate", "council", 1),
        ];

        var rows = Style.EventRows(events, 1997, 2022);

        Assert.Equal([2003.25, 2007.95, 2012, 2020], rows.Select(r => r.Year)); // 2030 is outside the years shown
        // The forum and the mandate a few days later share one label rather than printing on top of each other.
        Assert.Equal(["Apr 2003 mandate", "Dec 2007 forum + mandate", "2012 mandate", "2020 budget shock"], rows.Select(r => r.Label));
        // The 2012 label would run into the long 2007 one, so it takes the next row; the last runs leftwards.
        Assert.Equal([0, 0, 1, 0], rows.Select(r => r.Row));
    }

    [Fact]
    public void Event_labels_say_what_happened_when_events_csv_names_it()
    {
        ScheduledEvent[] events = [new(2003.25, "mandate", "council", 1, "duty to offer"), new(2010, "forum", "all", 0.2)];

        var rows = Style.EventRows(events, 1997, 2022);

        Assert.Equal(["Apr 2003 duty to offer", "2010 forum"], rows.Select(r => r.Label));
        Assert.Equal("duty to offer", events[0].Label);
        Assert.Equal("forum", events[1].Label);
    }

    [Fact]
    public void The_shipped_direct_payments_events_say_what_happened_on_the_chart_as_far_as_four_rows_allow()
    {
        // The six events of scenarios/direct-payments/events.csv, five of them within seven years.
        ScheduledEvent[] events =
        [
            new(2003.27, "mandate", "council", 1, "duty to make direct payments"),
            new(2007.94, "coverage_target", "council", 1, "Putting People First"),
            new(2009.67, "coverage_target", "council", 0.3, "milestone: 30% by April 2011"),
            new(2010.87, "coverage_target", "council", 1, "Vision: everyone by April 2013"),
            new(2012.82, "coverage_target", "council", 0.7, "target cut to 70%"),
            new(2014.37, "coverage_target", "council", 1, "Care Act 2014"),
        ];

        var rows = Style.EventRows(events, 1997.25, 2024.25);

        // All six in full need five rows; shortening the longest name (the 2010 one) to its date lets the rest keep theirs.
        Assert.Equal(["Apr 2003 duty to make direct payments", "Dec 2007 Putting People First", "Sep 2009 milestone: 30% by April 2011",
            "Nov 2010", "Oct 2012 target cut to 70%", "May 2014 Care Act 2014"], rows.Select(r => r.Label));
        Assert.All(rows, r => Assert.True(r.Row < Style.MaxEventRows, $"row {r.Row} of {r.Label}"));
    }

    [Fact]
    public void A_label_that_would_run_off_the_right_of_the_chart_runs_left_of_its_line()
    {
        // At 60% of the axis a 66-character label (606 px) would end past the chart's right edge (1050 px); to the left it fits.
        ScheduledEvent[] events = [new(2012, "mandate", "council", 1, new string('x', 61))];

        var row = Assert.Single(Style.EventRows(events, 2000, 2020));

        Assert.True(row.RunsLeft);
        Assert.Equal(0, row.Row);
        Assert.False(Assert.Single(Style.EventRows([new(2005, "mandate", "council", 1, "duty")], 2000, 2020)).RunsLeft);
    }

    [Fact]
    public void A_label_that_fits_neither_way_is_shortened_to_its_date_and_the_others_keep_what_they_say()
    {
        // In the middle of the axis, 116 characters (1,056 px) fit on neither side of the line.
        ScheduledEvent[] events = [new(2003, "mandate", "council", 1, "duty to offer"), new(2010, "mandate", "council", 1, new string('x', 111))];

        var rows = Style.EventRows(events, 2000, 2020);

        Assert.Equal(["2003 duty to offer", "2010"], rows.Select(r => r.Label));
    }

    [Fact]
    public void When_event_labels_need_too_many_rows_the_longest_are_shortened_to_their_dates_until_the_rest_fit()
    {
        // Five names a quarter apart need five rows; equally long, they are shortened in order of date until the
        // fifth fits beside four dates.
        var events = Enumerable.Range(0, 5).Select(k => new ScheduledEvent(2005 + k * 0.25, "leadership_change", "all", 1)).ToList();

        var rows = Style.EventRows(events, 2000, 2020);

        Assert.Equal(["2005", "Apr 2005", "Jul 2005", "Oct 2005", "2006 leadership change"], rows.Select(r => r.Label));
        Assert.All(rows, r => Assert.True(r.Row < Style.MaxEventRows, $"row {r.Row} of {r.Label}"));
    }

    [Fact]
    public void When_even_dates_need_too_many_rows_every_label_is_its_date()
    {
        // Six events a month apart: their dates alone need more than four rows.
        var events = Enumerable.Range(0, 6).Select(k => new ScheduledEvent(2005 + k * 0.3, "leadership_change", "all", 1)).ToList();

        var rows = Style.EventRows(events, 1990, 2100);

        Assert.All(rows, r => Assert.DoesNotContain("leadership", r.Label));
    }

    [Theory]
    [InlineData(0.0123, "0.012")] // small net benefit keeps three decimals
    [InlineData(0.214, "0.21")]
    public void Net_benefit_keeps_small_values_distinct(double value, string text)
    {
        Assert.Equal(text, Format.Benefit(value));
    }

    [Fact]
    public void A_change_is_described_with_its_direction_and_years()
    {
        Assert.Equal("rose from 1% in 1995 to 34% by 2015", Describe.Change(0.0101, 0.34, 1995, 2015, Format.Percent, 0.005));
        Assert.Equal("fell from 1.00 in 1995 to 0.62 by 2015", Describe.Change(1, 0.62, 1995, 2015, Format.Score, 0.01));
        Assert.Equal("stayed at about 0.62 from 1995 to 2015", Describe.Change(0.621, 0.62, 1995, 2015, Format.Score, 0.01));
    }

    [Fact]
    public void Key_years_are_the_start_each_event_year_and_the_end_or_decades_without_events()
    {
        var dp = new DesignPointSeries(0, [], new Dictionary<string, string>(), 1,
            Enumerable.Range(0, 101).Select(s => 1995 + s * 0.25).ToArray(), new Dictionary<string, Summary[]>());

        Assert.Equal([1995, 1997, 2003, 2008, 2015, 2020], Headline.KeyYears(dp, SyntheticResults.Events));
        Assert.Equal([1995, 2000, 2010, 2020], Headline.KeyYears(dp, []));
    }
}
