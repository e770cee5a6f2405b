using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>Who is in the coalition: by position, by motive, and support by motive.</summary>
internal static class CoalitionCharts
{
    public static IEnumerable<Chart> Build(ResultFolder r, DesignPointSeries p, string focus)
    {
        var end = Format.Year(p.EndYear);
        var positions = Names.Positions.Where(x => p.Has(MeasureSet.CoalitionByPosition(Parse<Position>(x)))).ToList();
        if (positions.Count > 0)
        {
            Color[] colours = [OkabeIto.Blue, OkabeIto.Orange, OkabeIto.BluishGreen];
            var layers = positions.Select(x => new Layer(Describe.Position(x), colours[Names.Positions.ToList().IndexOf(x) % 3], p.Means("coalition_" + x))).ToList();
            var first = FirstNonEmpty(p, positions.Select(x => "coalition_" + x));
            var caption = $"In {end} the coalition{focus} was " + Describe.List(positions.Select(x => $"{Format.Percent(p.Final("coalition_" + x).Mean)} {Describe.Position(x)}").ToList());
            if (first >= 0 && first < p.Years.Length - 1)
            {
                caption += $" (in {Format.Year(p.Years[first])}: " + Describe.List(positions.Select(x => $"{Format.Percent(p.Means("coalition_" + x)[first])} {x}").ToList()) + ")";
            }
            caption += p.Has(MeasureSet.CoalitionSize)
                ? $". Coalition members were {Format.Percent(p.Initial(MeasureSet.CoalitionSize).Mean)} of all actors at the start and {Format.Percent(p.Final(MeasureSet.CoalitionSize).Mean)} at the end."
                : ".";
            var title = "Who is in the coalition: by position";
            yield return new Chart("coalition_by_position", SectionCoalition, title, caption,
                Draw.Stacked(title, "Coalition members (%)", p.Years, layers, r.Events, fixedTopShare: 1));
        }
        var motives = Names.Motives.Where(m => p.Has("coalition_" + m)).ToList();
        if (motives.Count > 0)
        {
            var layers = motives.Select(m => new Layer(Describe.Motive(m), MotiveColour(m), p.Means("coalition_" + m))).ToList();
            var first = FirstNonEmpty(p, motives.Select(m => "coalition_" + m));
            var largest = motives.OrderByDescending(m => p.Final("coalition_" + m).Mean).First();
            var caption = $"In {end} the largest group in the coalition{focus} was moved most by {Describe.Motive(largest)}: {Format.Percent(p.Final("coalition_" + largest).Mean)} of members.";
            if (first >= 0 && first < p.Years.Length - 1)
            {
                var changed = motives.OrderByDescending(m => Math.Abs(p.Final("coalition_" + m).Mean - p.Means("coalition_" + m)[first])).First();
                var from = p.Means("coalition_" + changed)[first];
                var to = p.Final("coalition_" + changed).Mean;
                caption += $" The share moved most by {changed} changed most: {Describe.Change(from, to, p.Years[first], p.EndYear, Format.Percent, 0.005)}.";
            }
            var title = "Who is in the coalition: by motive";
            yield return new Chart("coalition_by_motive", SectionCoalition, title, caption,
                Draw.Stacked(title, "Coalition members (%), by strongest motive", p.Years, layers, r.Events, fixedTopShare: 1));
        }
        var supported = Names.Motives.Where(m => p.Has("support_" + m)).ToList();
        if (supported.Count > 0)
        {
            var lines = supported.Select(m => new TimeLine(Describe.Motive(m), MotiveColour(m), p.Years, p.Get("support_" + m), Band: false)).ToList();
            var ranked = supported.OrderByDescending(m => p.Final("support_" + m).Mean).ToList();
            var caption = $"By {end}, support{focus} was highest among actors moved most by {Describe.Motive(ranked[0])} ({Format.Score(p.Final("support_" + ranked[0]).Mean)})";
            caption += ranked.Count > 1 ? $" and lowest among those moved most by {Describe.Motive(ranked[^1])} ({Format.Score(p.Final("support_" + ranked[^1]).Mean)})." : ".";
            var title = "Support for the innovation, by motive";
            yield return new Chart("support_by_motive", SectionCoalition, title, caption,
                Draw.OverTime(title, "Mean support (0–1)", false, lines, r.Events));
        }
    }
}
