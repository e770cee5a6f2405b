using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>
/// A small input CSV file of the command-line tools (sweep, ranges, observations), read whole:
/// header first, columns in any order, <c>#</c> comments and blank lines skipped, quoted fields allowed. Every
/// problem becomes an <see cref="InputError"/> at its line and column (column = field number, 0 = whole line).
/// </summary>
public sealed class InputTable
{
    private InputTable(string file, int headerLine, Dictionary<string, int> columns, List<InputRow> rows)
    {
        File = file;
        HeaderLine = headerLine;
        _columns = columns;
        Rows = rows;
    }

    private readonly Dictionary<string, int> _columns;

    public string File { get; }

    public int HeaderLine { get; }

    public IReadOnlyList<InputRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <param name="shape">The expected header, for messages, such as <c>parameter,min,max</c>.</param>
    /// <returns>The table, or null (with errors added) when the file cannot be read or its header is unusable.</returns>
    /// <param name="emptyMessage">What to say when the file has no header; by default that the file is empty.</param>
    public static InputTable? Read(string path, IReadOnlyList<string> columns, IReadOnlyList<string> required, string shape,
        List<InputError> errors, string? emptyMessage = null)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new InputError(path, 0, 0, $"cannot read the file: {e.Message}"));
            return null;
        }
        return Parse(text, path, columns, required, shape, errors, emptyMessage);
    }

    public static InputTable? Parse(string text, string file, IReadOnlyList<string> columns, IReadOnlyList<string> required,
        string shape, List<InputError> errors, string? emptyMessage = null)
    {
        var lines = text.Split('\n');
        Dictionary<string, int>? index = null;
        var headerLine = 0;
        var rows = new List<InputRow>();
        var errorsBefore = errors.Count;
        for (var n = 0; n < lines.Length; n++)
        {
            var lineNo = n + 1;
            var line = lines[n].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var fields = Csv.Split(line, out var splitError);
            if (splitError is not null)
            {
                errors.Add(new InputError(file, lineNo, 0, splitError));
                continue;
            }
            if (index is null)
            {
                headerLine = lineNo;
                index = ReadHeader(fields, file, lineNo, columns, required, errors);
                if (index is null)
                {
                    return null;
                }
                continue;
            }
            if (fields.Count > index.Count)
            {
                errors.Add(new InputError(file, lineNo, index.Count + 1,
                    $"this row has {fields.Count} fields but the header (line {headerLine}) has {index.Count}"));
                continue;
            }
            rows.Add(new InputRow(file, lineNo, fields, index));
        }
        if (index is null)
        {
            if (errors.Count == errorsBefore)
            {
                errors.Add(new InputError(file, 0, 0, emptyMessage ?? $"the file is empty: expected a header line '{shape}' and at least one row"));
            }
            return null;
        }
        return new InputTable(file, headerLine, index, rows);
    }

    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<CsvField> fields, string file, int line,
        IReadOnlyList<string> columns, IReadOnlyList<string> required, List<InputError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        foreach (var field in fields)
        {
            var name = field.Text.Trim();
            if (!columns.Contains(name))
            {
                var near = NameSuggester.Nearest(name, columns);
                errors.Add(new InputError(file, line, field.Column, $"unknown column '{name}'" +
                    (near is null ? "" : $" (did you mean '{near}'?)") + $": the columns are {string.Join(", ", columns)}"));
                ok = false;
            }
            else if (!index.TryAdd(name, field.Column - 1))
            {
                errors.Add(new InputError(file, line, field.Column, $"column '{name}' appears twice"));
                ok = false;
            }
        }
        foreach (var column in required.Where(c => !index.ContainsKey(c)))
        {
            if (ok)
            {
                errors.Add(new InputError(file, line, 0, $"the header has no '{column}' column: the columns are {string.Join(", ", columns)}"));
            }
            ok = false;
        }
        return ok ? index : null;
    }
}

/// <summary>One data row of an <see cref="InputTable"/>.</summary>
public sealed class InputRow(string file, int line, IReadOnlyList<CsvField> fields, Dictionary<string, int> columns)
{
    public int Line => line;

    /// <summary>The cell's text, trimmed; "" when the column is absent or the row is short.</summary>
    public string Text(string column) =>
        columns.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Text.Trim() : "";

    /// <summary>The cell's location; a column the header lacks points at the whole line.</summary>
    public SourceLocation At(string column) =>
        new(file, line, columns.TryGetValue(column, out var i) ? i + 1 : 0);

    /// <summary>A plain decimal number (no exponent, NaN, infinity or comma), else an error naming the column.</summary>
    public bool Number(string column, string what, List<InputError> errors, out double value)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            errors.Add(At(column).Error($"{what} is empty: expected a number"));
            value = double.NaN;
            return false;
        }
        if (!StrictNumber.TryParse(text, out value))
        {
            errors.Add(At(column).Error($"{what} '{text}' is not a number{PlainNumber.WhyNot(text)}"));
            return false;
        }
        return true;
    }
}
