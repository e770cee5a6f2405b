using System.Globalization;
using System.Text;
using static MovementSim.Reporting.Report;

namespace MovementSim.Reporting;

/// <summary>
/// The report's model-against-record table: for each observed figure, its year, measure and value, the model's mean
/// at that year with the 95% interval of the mean over the replicates, their relative difference, and the figure's
/// source and note. Figures outside the simulated years, and measures these runs did not produce, are listed after it.
/// </summary>
internal static class EvidenceTable
{
    public const string Id = "model-record";

    public static void Write(StringBuilder h, ResultFolder r, DesignPointSeries p, Evidence evidence)
    {
        var runs = p.Replicates.ToString(CultureInfo.InvariantCulture);
        h.Append($"<p>Each of the {E(evidence.Label)} beside the model{(r.DesignPoints.Count > 1 ? $" ({E(p.Label)})" : "")}: the mean of the {runs} runs at the step " +
                 "nearest the figure's year, with the 95% confidence interval of that mean, and the relative difference (model − figure) / figure.</p>\n");
        h.Append($"<table id=\"{Id}\">\n<tr><th>Year</th><th>Measure</th><th>{E(Format.Capital(evidence.Label))}</th><th>Model mean (95% CI over {runs} runs)</th>" +
                 "<th>Relative difference</th><th>Source</th><th>Note</th></tr>\n");
        foreach (var row in evidence.Rows)
        {
            var o = row.Observed;
            var f = Format.For(o.Measure);
            h.Append($"<tr><td>{E(Format.Year(o.Year))}</td><td><code>{E(o.Measure)}</code></td><td class=\"num\">{E(f(o.Value))}</td>" +
                     $"<td class=\"num\">{E(Format.WithInterval(row.Model, f))}</td><td class=\"num\">{E(Format.Relative(row.RelativeDifference))}</td>" +
                     $"<td>{E(o.Source)}</td><td>{E(o.Note)}</td></tr>\n");
        }
        h.Append("</table>\n");
        if (evidence.OutsideYears.Count > 0)
        {
            h.Append($"<p id=\"{Id}-outside\">Outside the simulated years ({E(Format.Year(p.StartYear))} to {E(Format.Year(p.EndYear))}), so not compared: " +
                     E(Describe.List(evidence.OutsideYears.Select(o => $"{o.Measure} {Format.Year(o.Year)}").ToList())) + ".</p>\n");
        }
        if (evidence.NotProduced.Count > 0)
        {
            h.Append($"<p id=\"{Id}-not-produced\"><strong>Not produced by these runs</strong>, so not compared: " +
                     string.Join(", ", evidence.NotProduced.Select(m => $"<code>{E(m)}</code>")) +
                     $". The observations name {(evidence.NotProduced.Count == 1 ? "a measure" : "measures")} that {(evidence.NotProduced.Count == 1 ? "is" : "are")} " +
                     "not among the columns of this folder's results (see the Measures section of docs/model-odd.md).</p>\n");
        }
        if (r.ObservedProblems.Count > 0)
        {
            h.Append($"<p>{r.ObservedProblems.Count} row(s) of the observations file could not be read and are left out, e.g. " +
                     $"<code>{E(r.ObservedProblems[0].ToString())}</code>.</p>\n");
        }
    }
}
