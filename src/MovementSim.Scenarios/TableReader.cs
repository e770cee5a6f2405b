using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// Checks a table's header against its <see cref="FileFormat"/> and hands out its rows, each able to
/// read its fields by column with full error reporting. Columns may come in any order.
/// </summary>
public sealed class TableReader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Reads a file and checks its header; null (with errors added) when it cannot be read.</summary>
    public static TableReader? Open(string fullPath, string displayPath, FileFormat format, List<ScenarioError> errors) =>
        CsvTable.Read(fullPath, displayPath, errors, format.HeaderShape) is { } table ? new TableReader(table, format, errors) : null;

    /// <summary>Reads CSV text as the file <paramref name="displayPath"/> and checks its header.</summary>
    public static TableReader? Parse(string text, string displayPath, FileFormat format, List<ScenarioError> errors) =>
        CsvTable.Parse(text, displayPath, errors, format.HeaderShape) is { } table ? new TableReader(table, format, errors) : null;

    public TableReader(CsvTable table, FileFormat format, List<ScenarioError> errors)
    {
        Table = table;
        Format = format;
        Errors = errors;
        var header = table.Header.Fields;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                Error(table.Header.Line, i + 1, $"column {i + 1} of the header has no name: expected one of {string.Join(", ", format.Columns.Select(c => c.Name))}");
            }
            else if (format.Columns.All(c => c.Name != name))
            {
                if (format.OtherColumnsAllowed)
                {
                    continue;
                }
                var near = NameSuggester.Nearest(name, format.Columns.Select(c => c.Name));
                Error(table.Header.Line, i + 1, near is null
                    ? $"unknown column '{Echo.Value(name)}': {format.Name} has the columns {string.Join(", ", format.Columns.Select(c => c.Name))}"
                    : $"unknown column '{Echo.Value(name)}'; did you mean '{near}'?");
            }
            else if (_index.TryGetValue(name, out var first))
            {
                Error(table.Header.Line, i + 1, $"column '{Echo.Value(name)}' appears twice in the header (also column {first + 1})");
            }
            else
            {
                _index[name] = i;
            }
        }
        Usable = true;
        foreach (var column in format.Columns.Where(c => !c.Optional && !_index.ContainsKey(c.Name)))
        {
            Error(table.Header.Line, 0, $"missing required column '{column.Name}'");
            Usable = false;
        }
    }

    public CsvTable Table { get; }

    public FileFormat Format { get; }

    public List<ScenarioError> Errors { get; }

    public string File => Table.DisplayPath;

    /// <summary>Every required column is in the header, so rows can be read.</summary>
    public bool Usable { get; }

    public int HeaderLine => Table.Header.Line;

    public IEnumerable<RowReader> Rows => Usable ? Table.Rows.Select(r => new RowReader(this, r)) : [];

    public void Error(int line, int column, string message) => Errors.Add(new ScenarioError(File, line, column, message));

    /// <summary>The header has the column (always so for a column that is not optional, once the reader is usable).</summary>
    public bool Has(ColumnFormat column) => _index.ContainsKey(column.Name);

    /// <summary>The column's 0-based index in the header, -1 when the header does not have it.</summary>
    public int IndexOf(ColumnFormat column) => _index.TryGetValue(column.Name, out var i) ? i : -1;
}

/// <summary>One row of a table. Each getter validates its field and adds an error when it is not valid.</summary>
public sealed class RowReader
{
    private readonly TableReader _table;
    private readonly CsvLine _line;

    internal RowReader(TableReader table, CsvLine line)
    {
        _table = table;
        _line = line;
        var expected = table.Table.Header.Fields.Length;
        var actual = line.Fields.Length;
        Complete = actual == expected;
        if (actual > expected)
        {
            table.Error(line.Line, expected + 1,
                $"the row has {actual} fields but the header has {expected}: was a decimal written with a comma "
                + "(write 0.5, not 0,5), or text with a comma left unquoted?");
        }
        else if (actual < expected)
        {
            table.Error(line.Line, actual + 1, $"the row has {actual} fields but the header has {expected}");
        }
    }

    /// <summary>The row has as many fields as the header; its fields are only read when it has.</summary>
    public bool Complete { get; }

    public int Line => _line.Line;

    /// <summary>The column's 1-based position in the row, 0 (the whole line) when the header does not have it.</summary>
    public int ColumnOf(ColumnFormat column) => _table.IndexOf(column) + 1;

    /// <summary>Where the field is, for an error found later.</summary>
    public SourceLocation At(ColumnFormat column) => new(_table.File, Line, ColumnOf(column));

    /// <summary>The field's text, even for an incomplete row ("" past its end, or when the header lacks the column).</summary>
    public string Raw(ColumnFormat column)
    {
        if (!_table.Has(column))
        {
            return "";
        }
        var i = _table.IndexOf(column);
        return i >= 0 && i < _line.Fields.Length ? _line.Fields[i] : "";
    }

    /// <summary>An optional number: null when left empty (or when the header has no such column).</summary>
    public bool OptionalReal(ColumnFormat column, out double? value)
    {
        value = null;
        if (Raw(column).Length == 0)
        {
            return true;
        }
        var ok = Real(column, out var v);
        value = ok ? v : null;
        return ok;
    }

    /// <summary>An optional flag: false when left empty.</summary>
    public bool OptionalFlag(ColumnFormat column, out bool value)
    {
        value = false;
        return Raw(column).Length == 0 || Flag(column, out value);
    }

    /// <summary>An optional choice: <paramref name="fallback"/> when left empty.</summary>
    public bool OptionalChoice<T>(ColumnFormat column, Func<T, string> nameOf, T fallback, out T value) where T : struct, Enum
    {
        value = fallback;
        return Raw(column).Length == 0 || Choice(column, nameOf, out value);
    }

    public void Error(ColumnFormat column, string message) => _table.Error(Line, ColumnOf(column), message);

    public void Error(int column, string message) => _table.Error(Line, column, message);

    private bool NotEmpty(ColumnFormat column, out string text)
    {
        text = Raw(column);
        if (text.Length > 0)
        {
            return true;
        }
        Error(column, $"{column.Name} is empty: expected {column.Allowed}");
        return false;
    }

    /// <summary>A name being defined: letters, digits, '_' and '-'.</summary>
    public bool Name(ColumnFormat column, out string name)
    {
        if (!NotEmpty(column, out name))
        {
            return false;
        }
        if (!IsValidName(name))
        {
            Error(column, $"'{Echo.Value(name)}' is not a valid {column.Name} name: use only letters, digits, '_' and '-'");
            return false;
        }
        return true;
    }

    public static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>A reference to a name defined elsewhere; checking that it exists is the caller's job.</summary>
    public bool Reference(ColumnFormat column, out string name) => NotEmpty(column, out name);

    public bool Real(ColumnFormat column, out double value)
    {
        value = 0;
        if (!NotEmpty(column, out var text))
        {
            return false;
        }
        if (!StrictNumber.TryParse(text, out value))
        {
            Error(column, $"'{Echo.Value(text)}' is not a number{PlainNumber.WhyNot(text)}: {column.Name} must be {column.Allowed}");
            return false;
        }
        if (!column.InRange(value))
        {
            Error(column, $"{column.Name} = {Echo.Value(text)} is out of range: it must be {column.Allowed}");
            return false;
        }
        return true;
    }

    public bool Integer(ColumnFormat column, out int value)
    {
        value = 0;
        if (!NotEmpty(column, out var text))
        {
            return false;
        }
        if (!StrictNumber.TryParse(text, out var number))
        {
            Error(column, $"'{Echo.Value(text)}' is not a number{PlainNumber.WhyNot(text)}: {column.Name} must be {column.Allowed}");
            return false;
        }
        if (number != Math.Floor(number))
        {
            Error(column, $"'{Echo.Value(text)}' is not a whole number: {column.Name} must be {column.Allowed}");
            return false;
        }
        if (!column.InRange(number))
        {
            Error(column, $"{column.Name} = {Echo.Value(text)} is out of range: it must be {column.Allowed}");
            return false;
        }
        if (number is > int.MaxValue or < int.MinValue)
        {
            Error(column, $"{column.Name} = {Echo.Value(text)} is too large: it must be at most {int.MaxValue}");
            return false;
        }
        value = (int)number;
        return true;
    }

    public bool Flag(ColumnFormat column, out bool value)
    {
        value = false;
        if (!NotEmpty(column, out var text))
        {
            return false;
        }
        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        Error(column, $"'{Echo.Value(text)}' is not a valid {column.Name}: expected {column.Allowed}");
        return false;
    }

    public bool Choice<T>(ColumnFormat column, Func<T, string> nameOf, out T value) where T : struct, Enum
    {
        value = default;
        if (!NotEmpty(column, out var text))
        {
            return false;
        }
        if (Names.TryParse(text, nameOf, out value))
        {
            return true;
        }
        var near = NameSuggester.Nearest(text, column.Choices!);
        Error(column, $"'{Echo.Value(text)}' is not a valid {column.Name}: expected {column.Allowed}" + (near is null ? "" : $" (did you mean '{near}'?)"));
        return false;
    }
}
