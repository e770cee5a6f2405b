using System.Globalization;
using System.Text;

namespace MovementSim.Batch;

/// <summary>One field of a CSV line and its 1-based position in the line (the column of error messages).</summary>
/// <param name="Quoted">The field was written in double quotes.</param>
public readonly record struct CsvField(string Text, int Column, bool Quoted = false);

/// <summary>
/// Reading and writing the small, strict CSV dialect of MovementSim: comma-separated, optional
/// double quotes (a doubled quote inside), LF line ends on output, invariant culture, doubles in
/// round-trip form. Hand-written rather than CsvHelper so that every field keeps its line and
/// column for error messages and output bytes are exactly what this file says.
/// </summary>
public static class Csv
{
    /// <summary>Splits one line into fields; an unterminated quote is reported in <paramref name="error"/>.</summary>
    public static IReadOnlyList<CsvField> Split(string line, out string? error)
    {
        error = null;
        var fields = new List<CsvField>();
        var i = 0;
        while (true)
        {
            var text = new StringBuilder();
            var quoted = i < line.Length && line[i] == '"';
            if (quoted)
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    text.Append(line[i]);
                    i++;
                }
                if (!closed)
                {
                    error = $"field {fields.Count + 1}: a quoted field is not closed";
                }
                else if (i < line.Length && line[i] != ',')
                {
                    error = $"field {fields.Count + 1}: unexpected text after a closing quote";
                }
                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    text.Append(line[i]);
                    i++;
                }
            }
            fields.Add(new CsvField(text.ToString(), fields.Count + 1, quoted));
            if (i >= line.Length)
            {
                return fields;
            }
            i++; // the comma
        }
    }

    /// <summary>Quotes a field only when it needs it (comma, quote or line break).</summary>
    public static string Escape(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The shortest text that reads back as the same double, in invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The leading integer field of a data line (run_id or design_point), without allocating.</summary>
    public static int LeadingInt(ReadOnlySpan<char> line)
    {
        var comma = line.IndexOf(',');
        var head = comma < 0 ? line : line[..comma];
        return int.Parse(head, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
