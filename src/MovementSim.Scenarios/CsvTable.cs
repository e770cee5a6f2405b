using CsvHelper;

namespace MovementSim.Scenarios;

/// <summary>A record of a CSV file: the physical line it starts on and its fields as text.</summary>
internal sealed record CsvLine(int Line, string[] Fields);

/// <summary>
/// A small CSV file read whole. CsvHelper tokenizes (quotes, separators, line counting); nothing is parsed
/// here, so that every value is validated by the loader with its file, line and column.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string displayPath, CsvLine header, List<CsvLine> rows)
    {
        DisplayPath = displayPath;
        Header = header;
        Rows = rows;
    }

    public string DisplayPath { get; }

    public CsvLine Header { get; }

    public IReadOnlyList<CsvLine> Rows { get; }

    /// <summary>
    /// Comment lines start with '#'; empty lines are skipped; the separator is always a comma (never
    /// detected); spaces around fields and around quoted fields are dropped.
    /// </summary>
    private static CsvReaderOptions Options(Action<CsvMalformedRecord> onMalformed) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        CommentPrefix = '#',
        DetectSeparatorHint = false,
        OnMalformedRecord = onMalformed,
    };

    /// <summary>Reads the file; null (with an error added) when it cannot be read or has no header.</summary>
    public static CsvTable? Read(string fullPath, string displayPath, List<ScenarioError> errors)
    {
        var malformed = new Dictionary<int, CsvMalformedReason>();
        var records = new List<CsvLine>();
        try
        {
            using var reader = CsvReader.FromFile(fullPath, Options(m => malformed.TryAdd((int)m.LineNumber, m.Reason)));
            while (reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i).Trim();
                }
                records.Add(new CsvLine((int)reader.LineNumber, fields));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            errors.Add(new ScenarioError(displayPath, 0, 0, $"cannot read the file: {e.Message}"));
            return null;
        }
        if (records.Count == 0)
        {
            errors.Add(new ScenarioError(displayPath, 1, 0, "the file is empty: it needs at least a header line"));
            return null;
        }
        var rows = new List<CsvLine>(records.Count - 1);
        for (var i = 0; i < records.Count; i++)
        {
            if (malformed.TryGetValue(records[i].Line, out var reason))
            {
                errors.Add(new ScenarioError(displayPath, records[i].Line, 0, $"the line is not valid CSV ({Describe(reason)}); it was skipped"));
            }
            else if (i > 0)
            {
                rows.Add(records[i]);
            }
        }
        return malformed.ContainsKey(records[0].Line) ? null : new CsvTable(displayPath, records[0], rows);
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        _ => reason.ToString(),
    };
}
