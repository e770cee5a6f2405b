using System.Globalization;
using System.Text;

namespace MovementSim.Scenarios;

/// <summary>
/// A value from an input file or the command line as a message repeats it: at most <see cref="MaxLength"/> characters (a
/// 10 MB field is not printed back in full), and control characters written as escapes (\n, \t, \0, \u001B), so that a
/// message stays one line and cannot move a terminal's cursor or hide what follows.
/// </summary>
public static class Echo
{
    public const int MaxLength = 80;

    public static string Value(string text)
    {
        var cut = text.Length > MaxLength ? MaxLength - (char.IsHighSurrogate(text[MaxLength - 1]) ? 1 : 0) : text.Length;
        var shown = new StringBuilder(cut + 16);
        foreach (var c in text.AsSpan(0, cut))
        {
            shown.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        if (cut < text.Length)
        {
            shown.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters in all)");
        }
        return shown.ToString();
    }

    /// <summary>
    /// Parses a parameter's value as the catalog does (<see cref="Core.ParameterSpec.TryParse"/>), with the catalog's
    /// message repeating the text as <see cref="Value"/> cuts it: every reader of parameter values (scenario files,
    /// --set, sweeps) goes through here.
    /// </summary>
    public static bool TryParse(Core.ParameterSpec spec, string text, out double value, out string error)
    {
        if (spec.TryParse(text, out value, out error))
        {
            return true;
        }
        error = error.Replace(text, Value(text), StringComparison.Ordinal);
        return false;
    }

    /// <summary>Names from an input file as a message lists them: each cut as <see cref="Value"/> cuts it, at most <paramref name="most"/> of them.</summary>
    public static string List(IEnumerable<string> names, int most = 20)
    {
        var all = names.ToList();
        var shown = string.Join(", ", all.Take(most).Select(Value));
        return all.Count > most ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {all.Count - most} more") : shown;
    }

    /// <summary>The first control character of <paramref name="text"/> (a newline, a NUL...), or null when it has none.</summary>
    public static char? FirstControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>A control character as a message names it: "a newline (U+000A)".</summary>
    public static string Describe(char c) => c switch
    {
        '\n' => "a newline (U+000A)",
        '\r' => "a carriage return (U+000D)",
        '\t' => "a tab (U+0009)",
        '\0' => "a NUL byte (U+0000)",
        _ => string.Create(CultureInfo.InvariantCulture, $"a control character (U+{(int)c:X4})"),
    };
}
