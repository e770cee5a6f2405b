using System.Globalization;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// A PRIM result in plain English, for a report's reader: the region's conditions and how well it captures the
/// cases of interest, numbers to three significant digits. The caller names the case of interest as a phrase
/// that reads before "when", e.g. "take-up loses".
/// </summary>
public static class BoxDescription
{
    /// <summary>
    /// One sentence, e.g. "Take-up loses when movement_capacity_max > 0.08 and benefit_function is threshold
    /// (coverage 0.8, density 0.9, 40 of 256 sampled worlds)." The count is of the sampled worlds inside the
    /// region. Other forms: the whole sampled range (no restriction mattered), no case of interest at all, and no
    /// region reaching the density threshold (the densest box found is named, and its density).
    /// </summary>
    public static string Describe(PrimResult result, string outcome)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var box = result.Box;
        var sentence = Capitalised(outcome);
        if (box.TotalCasesOfInterest == 0)
        {
            return $"{sentence} in none of the {box.SampleCount} sampled worlds.";
        }
        var worlds = $"{box.Count} of {box.SampleCount} sampled worlds";
        // Dropping restrictions that do not matter can leave a box below the threshold the trajectory's box reached
        // (with few worlds, a small pure box is not significant): then no region is claimed either.
        if (!result.MeetsDensityThreshold || box.Density < result.Options.DensityThreshold)
        {
            var none = $"No region found where {outcome} with density at least {Number(result.Options.DensityThreshold)}";
            return box.Restrictions.Count == 0
                ? $"{none}; {outcome} in {box.CasesOfInterest} of the {box.SampleCount} sampled worlds (density {Number(box.Density)} over the whole sampled range)."
                : $"{none}; the densest box found, where {Conditions(box)}, has density {Number(box.Density)} (coverage {Number(box.Coverage)}, {worlds}).";
        }
        var statistics = $"(coverage {Number(box.Coverage)}, density {Number(box.Density)}, {worlds})";
        return box.Restrictions.Count == 0
            ? $"{sentence} across the whole sampled range {statistics}."
            : $"{sentence} when {Conditions(box)} {statistics}.";
    }

    /// <summary>
    /// One restriction as a condition: "x > 0.7", "x < 0.4", "x between 0.2 and 0.5", "x is a", "x is a or b",
    /// "x is a, b or c". Strict signs read naturally and are exact in effect: a bound lies between sampled values.
    /// </summary>
    public static string Condition(BoxRestriction restriction) => restriction switch
    {
        RangeRestriction { Lower: { } low, Upper: { } high } r => $"{r.Parameter} between {Number(low)} and {Number(high)}",
        RangeRestriction { Lower: { } low } r => $"{r.Parameter} > {Number(low)}",
        RangeRestriction { Upper: { } high } r => $"{r.Parameter} < {Number(high)}",
        RangeRestriction r => throw new ArgumentException($"{r.Parameter}: a range restriction needs a lower or an upper bound", nameof(restriction)),
        LevelRestriction r => $"{r.Parameter} is {List(r.Levels, "or")}",
        _ => throw new ArgumentException($"unknown kind of restriction {restriction.GetType().Name}", nameof(restriction)),
    };

    /// <summary>
    /// A number to three significant digits without an exponent or trailing zeros: 0.083333 → 0.0833,
    /// 0.8 → 0.8, 1 → 1, 12345 → 12300.
    /// </summary>
    public static string Number(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }
        var decimals = 2 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var rounded = decimals >= 0
            ? Math.Round(value, Math.Min(decimals, 15), MidpointRounding.AwayFromZero)
            : Math.Round(value / Math.Pow(10, -decimals), MidpointRounding.AwayFromZero) * Math.Pow(10, -decimals);
        return rounded.ToString("0.###############", CultureInfo.InvariantCulture);
    }

    private static string Conditions(PrimBox box) => List(box.Restrictions.Select(Condition).ToArray(), "and");

    private static string List(IReadOnlyList<string> items, string conjunction) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";

    private static string Capitalised(string phrase) => char.ToUpperInvariant(phrase[0]) + phrase[1..];
}
