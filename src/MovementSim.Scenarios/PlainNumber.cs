using System.Globalization;
using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Numbers as scenario files hold them: plain decimals with a point. Reading goes through
/// <see cref="StrictNumber"/>; this class writes numbers that read back as the same double and explains
/// why a text is not a number.
/// </summary>
public static class PlainNumber
{
    /// <summary>
    /// The shortest text that reads back as exactly <paramref name="value"/> (the "R" digits), with any
    /// exponent written out, since files reject exponents: 1E-07 becomes 0.0000001.
    /// </summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "only finite numbers can be written to a scenario file");
        }
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        if (e < 0)
        {
            return r;
        }
        var mantissa = r[..e];
        var exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var negative = mantissa.StartsWith('-');
        if (negative)
        {
            mantissa = mantissa[1..];
        }
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var plain = point <= 0
            ? "0." + new string('0', -point) + digits
            : point >= digits.Length
                ? digits + new string('0', point - digits.Length)
                : digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }

    /// <summary>Why <paramref name="text"/> is not a plain number, as a parenthesised hint, or "" when there is nothing specific to say.</summary>
    public static string WhyNot(string text)
    {
        var t = text.Trim();
        if (t.Contains(','))
        {
            return " (it has a comma: write decimals with a point, as in 0.5, and no thousands separators)";
        }
        var word = t.TrimStart('+', '-');
        if (word.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word == "∞")
        {
            return " (NaN and infinities are not allowed)";
        }
        var e = t.IndexOfAny(['e', 'E']);
        if (e > 0 && StrictNumber.TryParse(t[..e], out _) && int.TryParse(t[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return " (exponent notation is not allowed: write the number out in full)";
        }
        return "";
    }
}
