using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting.Charts;
using static MovementSim.Reporting.ChartSet;

namespace MovementSim.Reporting;

/// <summary>
/// Caseload against capacity, for results whose institutions deliver through a workforce (a caseload above 0 and posts
/// filled): the people a worker starts supporting a year, as a share of the scenario's caseload (what a worker supports
/// with the original form), and the share of the people wanting support who found no place. A worker starting more than
/// the caseload is working in lighter forms; demand that finds no place is the pressure that moves them there.
/// </summary>
internal static class CaseloadChart
{
    public const string Name = "caseload_against_capacity";

    /// <summary>The catalog parameter holding the caseload (people a worker supports a year with the original form).</summary>
    private const string CaseloadParameter = "caseload";

    public static Chart? Build(ResultFolder r, DesignPointSeries p, string focus)
    {
        if (!p.Has(MeasureSet.CaseloadPerWorker) || !p.Has(MeasureSet.UnmetDemand) || !p.Has(MeasureSet.Workforce)
            || CaseloadOf(p) is not { } caseload || !p.Means(MeasureSet.Workforce).Any(w => w > 0))
        {
            return null;
        }
        var lines = new List<TimeLine>
        {
            new("people a worker starts supporting a year", OkabeIto.Blue, p.Years, p.Get(MeasureSet.CaseloadPerWorker)),
            new($"the caseload: {Format.Count(caseload)} a year with the original form", OkabeIto.Black, p.Years,
                p.Years.Select(_ => new Summary(1, caseload, double.NaN, caseload, caseload, caseload, double.NaN, double.NaN)).ToArray(),
                Band: false, Dashed: true),
        };
        var unmet = new TimeLine("demand that found no place (right axis)", OkabeIto.Vermillion, p.Years, p.Get(MeasureSet.UnmetDemand));
        var title = "Caseload against capacity";
        var plot = Draw.OverTime(title, "People a year per worker", false, lines, r.Events,
            rightShare: unmet, rightLabel: "Demand that found no place (%)");
        return new Chart(Name, SectionCapacity, title, Caption(p, caseload, focus), plot);
    }

    /// <summary>The caseload the runs of a design point were given, if it is one positive number.</summary>
    public static double? CaseloadOf(DesignPointSeries p) =>
        p.Parameters.TryGetValue(CaseloadParameter, out var text) && ResultFolder.ParseNumber(text) is { } c && c > 0 ? c : null;

    private static string Caption(DesignPointSeries p, double caseload, string focus)
    {
        var staffed = Array.FindIndex(p.Means(MeasureSet.Workforce), w => w > 0);
        var perWorker = p.Means(MeasureSet.CaseloadPerWorker);
        var unmet = p.Means(MeasureSet.UnmetDemand);
        var final = p.Final(MeasureSet.CaseloadPerWorker).Mean;
        var caption = $"In {Format.Year(p.EndYear)} a worker{focus} started {Format.Count(final)} people a year on average, " +
                      $"{Format.Percent(final / caseload)} of the caseload of {Format.Count(caseload)} a year that the original form allows " +
                      $"(lighter forms let a worker start more), with {Format.Count(p.Final(MeasureSet.Workforce).Mean)} posts filled; " +
                      $"{Format.Percent(p.Final(MeasureSet.UnmetDemand).Mean)} of the people wanting support found no place.";
        var peak = ArgMax(perWorker[staffed..]) + staffed;
        if (peak > staffed && peak < perWorker.Length - 1)
        {
            caption += $" Starts per worker peaked at {Format.Count(perWorker[peak])} a year in {Format.Year(p.Years[peak])}, " +
                       $"when {Format.Percent(unmet[peak])} of demand found no place.";
        }
        return caption;
    }
}
