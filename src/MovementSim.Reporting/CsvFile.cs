using System.Globalization;
using CsvHelper;

namespace MovementSim.Reporting;

/// <summary>
/// Reads one result CSV row by row with a header, and turns bad values into a
/// <see cref="ResultFolderException"/> naming the file, line and column. Numbers are invariant-culture
/// doubles in round-trip form (which may use exponents); an empty field reads as NaN (missing).
/// </summary>
internal sealed class CsvFile : IDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _index;

    private CsvFile(string path, CsvReader reader)
    {
        Path = path;
        _reader = reader;
        Headers = (reader.Headers ?? []).Select(h => h.Trim()).ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Headers.Count; i++)
        {
            _index.TryAdd(Headers[i], i);
        }
    }

    public string Path { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Line number of the current row in the file (the header is line 1).</summary>
    public long Line => _reader.LineNumber;

    public static CsvFile Open(string path, params string[] requiredColumns)
    {
        CsvReader reader;
        try
        {
            reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { TrackLineNumbers = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultFolderException(path, $"cannot be read: {e.Message}", e);
        }
        var file = new CsvFile(path, reader);
        if (file.Headers.Count == 0)
        {
            file.Dispose();
            throw new ResultFolderException(path, "is empty: expected a header line");
        }
        var missing = requiredColumns.Where(c => !file.Has(c)).ToArray();
        if (missing.Length > 0)
        {
            file.Dispose();
            throw new ResultFolderException(path,
                $"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} (the header has: {string.Join(", ", file.Headers)})");
        }
        return file;
    }

    public bool Has(string column) => _index.ContainsKey(column);

    public int IndexOf(string column) => _index[column];

    public bool Read()
    {
        bool read;
        try
        {
            read = _reader.Read();
        }
        catch (Exception e) when (e is not ResultFolderException)
        {
            throw new ResultFolderException(Path, $"line {Line}: malformed CSV ({e.Message})", e);
        }
        // A decimal comma ("0,5") or a lost field shifts every later column: refuse rather than misread.
        if (read && _reader.FieldCount != Headers.Count && !(_reader.FieldCount == 1 && Text(0).Length == 0))
        {
            throw new ResultFolderException(Path, $"line {Line}: {_reader.FieldCount} fields where the header has {Headers.Count}");
        }
        return read;
    }

    public string Text(int column) => column < _reader.FieldCount ? _reader.GetString(column).Trim() : "";

    public string Text(string column) => Text(IndexOf(column));

    public double Number(int column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return double.NaN;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ResultFolderException(Path, $"line {Line}, column '{Headers[column]}': '{text}' is not a number");
        }
        return value;
    }

    public double Number(string column) => Number(IndexOf(column));

    public int Integer(string column)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new ResultFolderException(Path, $"line {Line}, column '{column}': '{text}' is not a whole number");
        }
        return value;
    }

    public void Dispose() => _reader.Dispose();
}
