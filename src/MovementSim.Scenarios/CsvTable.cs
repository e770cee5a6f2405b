using CsvHelper;

namespace MovementSim.Scenarios;

/// <summary>A record of a CSV file: the physical line it starts on and its fields as text.</summary>
public sealed record CsvLine(int Line, string[] Fields);

/// <summary>
/// A small input CSV file read whole: the one reader of every file a user writes (scenario files, sweeps,
/// ranges, observations). CsvHelper tokenizes (quotes, separators, line counting, line breaks inside quoted
/// fields); nothing is parsed here, so that every value is validated by its reader with file, line and column.
/// </summary>
public sealed class CsvTable
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

    /// <summary>
    /// Reads the file (a regular file of at most <see cref="BoundedInput.MaxBytes"/>, see <see cref="BoundedInput"/>); null
    /// (with an error added) when it cannot be read or has no header.
    /// </summary>
    /// <param name="expectedHeader">The header the file should start with, for the message about an empty file.</param>
    public static CsvTable? Read(string fullPath, string displayPath, List<ScenarioError> errors, string? expectedHeader = null)
    {
        try
        {
            if (BoundedInput.ReadText(fullPath, out var problem) is not { } text)
            {
                errors.Add(new ScenarioError(displayPath, 0, 0, $"cannot read the file: {problem}"));
                return null;
            }
            return Tokenize(displayPath, errors, expectedHeader, options => CsvReader.FromText(text, options));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            errors.Add(new ScenarioError(displayPath, 0, 0, $"cannot read the file: {e.Message}"));
            return null;
        }
    }

    /// <summary>Reads CSV text as if it were the file <paramref name="displayPath"/>.</summary>
    public static CsvTable? Parse(string text, string displayPath, List<ScenarioError> errors, string? expectedHeader = null)
    {
        try
        {
            return Tokenize(displayPath, errors, expectedHeader, options => CsvReader.FromText(text, options));
        }
        catch (CsvFormatException e)
        {
            errors.Add(new ScenarioError(displayPath, 0, 0, $"cannot read the text: {e.Message}"));
            return null;
        }
    }

    private static CsvTable? Tokenize(string displayPath, List<ScenarioError> errors, string? expectedHeader,
        Func<CsvReaderOptions, CsvReader> open)
    {
        var malformed = new Dictionary<int, CsvMalformedReason>();
        var records = new List<CsvLine>();
        using (var reader = open(Options(m => malformed.TryAdd((int)m.LineNumber, m.Reason))))
        {
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
        if (records.Count == 0)
        {
            errors.Add(new ScenarioError(displayPath, 1, 0, "the file is empty: it needs at least a header line"
                + (expectedHeader is null ? "" : $" ({expectedHeader})")));
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
