using System.Globalization;

namespace MovementSim.Reporting;

/// <summary>A scheduled event from scenario/events.csv (columns year, event, target, value and, optionally, label).</summary>
/// <param name="Given">What happened, as events.csv's label column says it; empty when it says nothing.</param>
public sealed record ScheduledEvent(double Year, string Kind, string Target, double Value, string Given = "")
{
    /// <summary>What happened: the given label ("duty to offer"), else plain words for the kind, e.g. "budget shock" or "mandate (councils)".</summary>
    public string Label => Given.Length > 0 ? Given : KindWords;

    /// <summary>The kind of event and its target in plain words.</summary>
    public string KindWords => Kind.Replace('_', ' ') +
        (Target.Length == 0 || string.Equals(Target, "all", StringComparison.OrdinalIgnoreCase) ? "" : $" ({Target.Replace('_', ' ')})");
}

/// <summary>One setting of a swept parameter at a design point, as written in design.csv.</summary>
public sealed record Setting(string Parameter, string Value)
{
    public override string ToString() => $"{Parameter.Replace('_', ' ')} = {Text.Value(Value)}";
}

/// <summary>A part of the innovation and the share measure of each of its alternatives (first = original).</summary>
public sealed record ComponentShares(string Component, IReadOnlyList<AlternativeShare> Alternatives);

public sealed record AlternativeShare(string Alternative, string Measure);

/// <summary>A row of indices.csv: a sensitivity index (S1, ST, mu_star, mu, sigma) of one parameter with its interval.</summary>
public sealed record SensitivityIndex(string Parameter, string Index, double Value, double CiLow, double CiHigh);

/// <summary>A row of fit.csv: a calibrated parameter, its estimate and range, and whether the data identify it (null when not stated).</summary>
public sealed record FittedParameter(string Parameter, double Value, double Low, double High, bool? Identified);

/// <summary>Formatting of values read from files (parameter values, design settings).</summary>
public static class Text
{
    /// <summary>A number to at most 3 significant digits, without exponents (0.30000000000000004 → 0.3,
    /// 0.456227 → 0.456, 20000 → 20000); any other text unchanged.</summary>
    public static string Value(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? Significant(v, 3)
            : raw;

    public static string Significant(double v, int digits)
    {
        if (v == 0 || !double.IsFinite(v))
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }
        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        var decimals = Math.Max(0, digits - 1 - magnitude);
        var rounded = Math.Round(v, Math.Min(decimals, 15));
        if (decimals == 0)
        {
            // Whole numbers keep their digits: 20000 stays 20000 rather than 2E+04.
            return Math.Round(v).ToString("0", CultureInfo.InvariantCulture);
        }
        return rounded.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    public static string Words(string snakeCase) => snakeCase.Replace('_', ' ');
}
