using System.Globalization;
using MovementSim.Analysis.Calibration;
using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Analysis.Model;

/// <summary>Where a measure is read from a run: its name and the step (replicate means are taken over runs).</summary>
public readonly record struct MeasureAt(string Measure, int Step);

/// <summary>The steps of a scenario's runs in calendar years: step s is at start_year + s × dt_years.</summary>
public static class TimeAxis
{
    /// <summary>
    /// The step nearest to <paramref name="year"/>, or null when the year lies outside the simulated years
    /// [start_year, start_year + steps × dt_years] (a millionth of a step of slack for rounding of years).
    /// </summary>
    public static int? StepOf(ModelParameters p, double year)
    {
        var position = (year - p.StartYear) / p.DtYears;
        const double Slack = 1e-6;
        if (!double.IsFinite(position) || position < -Slack || position > p.Steps + Slack)
        {
            return null;
        }
        return (int)Math.Clamp(Math.Round(position, MidpointRounding.AwayFromZero), 0, p.Steps);
    }

    public static string Describe(ModelParameters p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.StartYear:R} to {p.EndYear:R} (start_year, steps and dt_years after --set)");
}

/// <summary>One observation as read: the value to fit, the step it is compared at, and its place in the file.</summary>
public sealed record ObservedRow(Observation Observation, int Step, SourceLocation Where);

/// <summary>An observations file as read: its valid rows in file order, and every problem found.</summary>
public sealed record ObservedFileResult(IReadOnlyList<ObservedRow> Rows, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// <c>--observed FILE</c> of calibrate: a CSV with columns <c>year,measure,value</c> and optionally
/// <c>weight</c> (default 1), one observed value per row, of any measure the scenario collects. Each year must
/// lie within the simulated years; it is compared with the step nearest to it.
/// </summary>
public static class ObservedFile
{
    public static readonly IReadOnlyList<string> Columns = ["year", "measure", "value", "weight"];

    public static readonly IReadOnlyList<string> Required = ["year", "measure", "value"];

    private const string Shape = "year,measure,value[,weight]";

    /// <param name="scenario">Names the measures and sets the simulated years; null (the scenario did not load) checks the file alone.</param>
    public static ObservedFileResult Load(string path, ScenarioDefinition? scenario)
    {
        var errors = new List<InputError>();
        return Read(InputTable.Read(path, Columns, Required, Shape, errors), scenario, errors);
    }

    public static ObservedFileResult Parse(string text, string file, ScenarioDefinition? scenario)
    {
        var errors = new List<InputError>();
        return Read(InputTable.Parse(text, file, Columns, Required, Shape, errors), scenario, errors);
    }

    private static ObservedFileResult Read(InputTable? table, ScenarioDefinition? scenario, List<InputError> errors)
    {
        var rows = new List<ObservedRow>();
        if (table is null)
        {
            return new ObservedFileResult(rows, errors);
        }
        if (table.Rows.Count == 0)
        {
            errors.Add(new InputError(table.File, table.HeaderLine, 0, $"the file has a header but no observations: give one row per observed value ({Shape})"));
            return new ObservedFileResult(rows, errors);
        }
        var measures = scenario is null ? null : new MeasureSet(scenario);
        var p = scenario?.Parameters;
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            int? step = null;
            if (row.Number("year", "year", errors, out var year) && p is not null)
            {
                step = TimeAxis.StepOf(p, year);
                if (step is null)
                {
                    errors.Add(row.At("year").Error($"year {row.Text("year")} is outside the simulated years {TimeAxis.Describe(p)}"));
                }
            }
            var measure = row.Text("measure");
            if (measure.Length == 0)
            {
                errors.Add(row.At("measure").Error("measure is empty: name a measure such as reach, reach_institutional or fidelity"));
            }
            else if (measures is not null && !measures.Contains(measure))
            {
                var near = NameSuggester.Nearest(measure, measures.Names);
                errors.Add(row.At("measure").Error($"unknown measure '{measure}'" + (near is null ? "" : $" (did you mean '{near}'?)") +
                    ": see the Measures section of docs/model-odd.md, or the columns of a run's timeseries.csv"));
            }
            row.Number("value", "value", errors, out var value);
            var weight = 1.0;
            if (table.Has("weight") && row.Text("weight").Length > 0 && row.Number("weight", "weight", errors, out weight) && weight < 0)
            {
                errors.Add(row.At("weight").Error($"weight {row.Text("weight")} is negative: weights must be 0 or more"));
            }
            if (errors.Count == before && step is not null)
            {
                rows.Add(new ObservedRow(new Observation(year, measure, value, weight), step.Value, row.At("year")));
            }
        }
        if (errors.Count == 0 && rows.All(r => r.Observation.Weight == 0))
        {
            errors.Add(new InputError(table.File, 0, 0, "every weight is 0, so no observation counts: give at least one a positive weight"));
        }
        return new ObservedFileResult(rows, errors);
    }
}
