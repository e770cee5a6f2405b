using System.Globalization;
using System.Text;
using CsvHelper;

namespace MovementSim.Batch;

/// <summary>One field of a CSV line and its 1-based position in the line (the column of error messages).</summary>
/// <param name="Quoted">The field was written in double quotes.</param>
public readonly record struct CsvField(string Text, int Column, bool Quoted = false);

/// <summary>
/// Reading the small, strict CSV dialect of MovementSim: comma-separated, optional double quotes (a doubled
/// quote inside), invariant culture, doubles in round-trip form. Lines are tokenized by CsvHelper; files are
/// written by <see cref="MovementSim.Scenarios.CsvOutput"/>.
/// </summary>
public static class Csv
{
    /// <summary>Splits one line into fields with CsvHelper's tokenizer (quotes, doubled quotes); malformed
    /// quoting is reported in <paramref name="error"/>, and the fields are still returned as CsvHelper read them.</summary>
    public static IReadOnlyList<CsvField> Split(string line, out string? error)
    {
        CsvMalformedReason? reason = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            DetectSeparatorHint = false,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => reason ??= m.Reason,
        };
        var fields = new List<CsvField>();
        using (var reader = CsvReader.FromText(line, options))
        {
            if (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    fields.Add(new CsvField(reader.GetString(i), i + 1));
                }
            }
        }
        error = reason switch
        {
            null => null,
            CsvMalformedReason.UnterminatedQuote => "a quoted field is not closed",
            CsvMalformedReason.TextAfterClosingQuote => "unexpected text after a closing quote",
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field (quote the whole field and double the quote)",
            _ => $"the line is not valid CSV ({reason})",
        };
        if (fields.Count == 0)
        {
            fields.Add(new CsvField("", 1));
        }
        return fields;
    }

    /// <summary>
    /// The shortest text that reads back as the same double, in invariant culture: the text CSV files hold
    /// (see <see cref="MovementSim.Scenarios.CsvOutput"/>), for keys and messages that must match it.
    /// </summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The leading integer field of a data line (run_id or design_point), without allocating.</summary>
    public static int LeadingInt(ReadOnlySpan<char> line)
    {
        var comma = line.IndexOf(',');
        var head = comma < 0 ? line : line[..comma];
        return int.Parse(head, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
