using System.Globalization;
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
