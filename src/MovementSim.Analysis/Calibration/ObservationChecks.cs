using System.Globalization;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Calibration;

/// <summary>
/// What a calibration asks of the observations it fits to (<see cref="Observation"/>: a measure in a year, and the
/// weight its squared error gets in the distance). With Weight = 1/σ², σ the observation's standard error, the
/// distance is a chi-square statistic and <see cref="ThresholdScale.Absolute"/> thresholds have their textbook meaning.
/// </summary>
public static class ObservationChecks
{
    /// <summary>Throws an <see cref="ArgumentException"/> listing every bad observation (1-based) and why.</summary>
    public static void ValidateAll(IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            throw new ArgumentException("no observations to calibrate against", nameof(observations));
        }
        var errors = new List<string>();
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            var at = $"observation {i + 1}";
            if (o is null)
            {
                errors.Add($"{at} is missing");
                continue;
            }
            if (string.IsNullOrWhiteSpace(o.Measure))
            {
                errors.Add($"{at} names no measure");
            }
            if (!double.IsFinite(o.Year))
            {
                errors.Add($"{at} ({Echo.Value(o.Measure)}): year {F(o.Year)} is not a finite number");
            }
            if (!double.IsFinite(o.Value))
            {
                errors.Add($"{at} ({Echo.Value(o.Measure)}, {F(o.Year)}): value {F(o.Value)} is not a finite number");
            }
            if (!double.IsFinite(o.Weight) || o.Weight < 0)
            {
                errors.Add($"{at} ({Echo.Value(o.Measure)}, {F(o.Year)}): weight {F(o.Weight)} must be a finite number >= 0");
            }
        }
        if (errors.Count == 0 && PositiveWeights(observations) == 0)
        {
            errors.Add("every weight is 0, so the distance is 0 everywhere; give at least one observation a positive weight");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid observations: " + string.Join("; ", errors), nameof(observations));
        }
    }

    /// <summary>Number of observations that count in the distance (weight above 0).</summary>
    public static int PositiveWeights(IReadOnlyList<Observation> observations) => observations.Count(o => o.Weight > 0);

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
