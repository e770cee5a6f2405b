using System.Globalization;

namespace MovementSim.Analysis;

/// <summary>
/// One input varied by an analysis: its name and the interval [Min, Max], in the parameter's own units,
/// over which it is treated as uniformly distributed. Designs are built in the unit cube and mapped here.
/// </summary>
public sealed record ParameterRange(string Name, double Min, double Max)
{
    public double Width => Max - Min;

    /// <summary>Maps u in [0, 1] to parameter units; clamped so a value never leaves [Min, Max] by rounding.</summary>
    public double FromUnit(double u) => Math.Clamp(Min + u * (Max - Min), Min, Max);

    /// <summary>Maps a value in parameter units to [0, 1] (not clamped: callers may need to see overshoot).</summary>
    public double ToUnit(double value) => (value - Min) / (Max - Min);
}

/// <summary>Checks and conversions for an ordered list of <see cref="ParameterRange"/>s.</summary>
public static class ParameterSpace
{
    /// <summary>
    /// Throws an <see cref="ArgumentException"/> listing every problem at once (empty list, blank or duplicate
    /// names, non-finite bounds, empty intervals), so a user fixes a ranges table in one go.
    /// </summary>
    public static void Validate(IReadOnlyList<ParameterRange> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("no parameters to vary: give at least one name with a range", nameof(parameters));
        }
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (p is null)
            {
                errors.Add($"parameter {i + 1} is missing");
                continue;
            }
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add($"parameter {i + 1} has no name");
            }
            else if (!seen.Add(p.Name))
            {
                errors.Add($"{p.Name} is listed more than once");
            }
            if (!double.IsFinite(p.Min) || !double.IsFinite(p.Max))
            {
                errors.Add($"{p.Name}: bounds must be finite numbers, got [{F(p.Min)}, {F(p.Max)}]");
            }
            else if (!(p.Min < p.Max))
            {
                errors.Add($"{p.Name}: Min must be below Max, got [{F(p.Min)}, {F(p.Max)}] " +
                    "(a parameter held fixed belongs in the scenario, not in the ranges)");
            }
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid parameter ranges: " + string.Join("; ", errors), nameof(parameters));
        }
    }

    /// <summary>Maps a point of the unit cube to parameter units, in the order of <paramref name="parameters"/>.</summary>
    public static double[] FromUnit(IReadOnlyList<ParameterRange> parameters, ReadOnlySpan<double> unitPoint)
    {
        if (unitPoint.Length != parameters.Count)
        {
            throw new ArgumentException($"point has {unitPoint.Length} coordinates for {parameters.Count} parameters");
        }
        var point = new double[parameters.Count];
        for (var i = 0; i < point.Length; i++)
        {
            point[i] = parameters[i].FromUnit(unitPoint[i]);
        }
        return point;
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
