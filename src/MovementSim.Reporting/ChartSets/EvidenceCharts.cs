using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using ScottPlot;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

internal static class EvidenceCharts
{
    public static IEnumerable<Chart> Build(ResultFolder r, DesignPointSeries p)
    {
        if (r.Observed is not { Count: > 0 } observed)
        {
            yield break;
        }
        foreach (var group in observed.GroupBy(o => o.Measure))
        {
            if (!p.Has(group.Key))
            {
                continue;
            }
            var measure = group.Key;
            var percent = Format.IsShare(measure);
            var f = Format.For(measure);
            var obs = group.OrderBy(o => o.Year).ToList();
            var within = obs.Where(o => o.Year >= p.StartYear - 1e-9 && o.Year <= p.EndYear + 1e-9).ToList();
            var inside = within.Count(o => p.At(measure, o.Year) is var s && o.Value >= s.Q05 - 1e-12 && o.Value <= s.Q95 + 1e-12);
            var caption = $"{inside} of {within.Count} observed values of {Format.NameOf(measure)} lie within the simulated 5–95% band";
            if (within.Count > 0)
            {
                var worst = within.MaxBy(o => Math.Abs(o.Value - p.At(measure, o.Year).Mean))!;
                var gap = worst.Value - p.At(measure, worst.Year).Mean;
                caption += $"; the largest gap between observed and simulated mean is {(percent ? Format.Points(gap) : (gap >= 0 ? "+" : "") + f(gap))} in {Format.Year(worst.Year)}";
            }
            caption += ".";
            if (within.Count < obs.Count)
            {
                caption += $" {obs.Count - within.Count} observation(s) fall outside the simulated years.";
            }
            var title = $"Observed and simulated {Format.NameOf(measure)}";
            var yLabel = measure switch
            {
                MeasureSet.Reach => "Reach (% of eligible people)",
                MeasureSet.NetBenefit => "Net benefit (0–1)",
                MeasureSet.Fidelity => "Fidelity (0–1)",
                _ => Format.Capital(Format.NameOf(measure)) + (percent ? " (%)" : ""),
            };
            var sim = new TimeLine("simulated (mean)", OkabeIto.Blue, p.Years, p.Get(measure));
            yield return new Chart("calibration_" + FileName(measure), SectionCalibration, title, caption,
                Draw.Calibration(title, yLabel, percent, sim, obs, r.Events));
        }
    }
}
