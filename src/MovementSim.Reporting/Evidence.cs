using MovementSim.Batch;
using MovementSim.Reporting.Charts;
using MovementSim.Scenarios;

namespace MovementSim.Reporting;

/// <summary>One observed figure set against the model: the model's value at the step nearest the figure's year.</summary>
/// <param name="Model">The replicates' statistics at that step: mean and the 95% t interval of the mean.</param>
public sealed record RecordRow(Observation Observed, Summary Model)
{
    /// <summary>(model mean − observed) / observed; NaN when the observed value is 0.</summary>
    public double RelativeDifference => Observed.Value == 0 ? double.NaN : (Model.Mean - Observed.Value) / Observed.Value;
}

/// <summary>
/// The model against the record (observed.csv): each observed figure of a measure the runs produce, within the
/// simulated years, beside the model's value; the figures that fall outside the simulated years; and the measures the
/// observations name that these runs did not produce (a name the model does not have, or one this version does not write).
/// </summary>
public sealed record Evidence(
    IReadOnlyList<RecordRow> Rows,
    IReadOnlyList<Observation> OutsideYears,
    IReadOnlyList<string> NotProduced,
    string Label)
{
    /// <summary>What the observations are called in legends: "published figures" when any names its source.</summary>
    public static string LabelOf(IReadOnlyList<Observation> observed) =>
        observed.Any(o => o.Source.Length > 0) ? "published figures" : "observed values";

    /// <summary>The evidence for design point <paramref name="p"/>; null when the folder has no observations.</summary>
    public static Evidence? Of(ResultFolder r, DesignPointSeries p)
    {
        if (r.Observed is not { Count: > 0 } observed)
        {
            return null;
        }
        var produced = observed.Where(o => p.Has(o.Measure)).ToList();
        var within = produced.Where(o => o.Year >= p.StartYear - 1e-9 && o.Year <= p.EndYear + 1e-9).ToList();
        return new Evidence(
            within.Select(o => new RecordRow(o, p.At(o.Measure, o.Year))).ToList(),
            produced.Except(within).ToList(),
            observed.Select(o => o.Measure).Where(m => !p.Has(m)).Distinct().ToList(),
            LabelOf(observed));
    }

    /// <summary>
    /// The observations of one measure within the simulated years, for its time chart; null when there are none. Those
    /// outside are listed in the report's table only: drawn, they would stretch the axis far from what was simulated.
    /// </summary>
    internal ObservedPoints? PointsOf(string measure)
    {
        var points = Rows.Select(x => x.Observed).Where(o => o.Measure == measure).OrderBy(o => o.Year).ToList();
        return points.Count == 0 ? null : new ObservedPoints(Label, points);
    }

    /// <summary>The measures with at least one observation within the simulated years.</summary>
    internal IEnumerable<string> MeasuresCompared => Rows.Select(x => x.Observed.Measure).Distinct();
}
