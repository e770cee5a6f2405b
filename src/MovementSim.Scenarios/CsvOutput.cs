using System.Globalization;
using System.Text;
using CsvHelper;

namespace MovementSim.Scenarios;

/// <summary>
/// The CSV that MovementSim writes, through CsvHelper: comma separated, a field quoted only when it holds a
/// comma, a quote, CR or LF (a quote inside doubled), LF line ends, UTF-8 without byte order mark, invariant
/// culture, doubles as the shortest text that reads back as the same double (the "R" digits: 0.30000000000000004,
/// 1E-300, -0, NaN). Every CSV writer of the program is made here because CsvHelper ends records with CRLF
/// unless told otherwise, and a writer made elsewhere would change the output bytes without any error.
/// </summary>
public static class CsvOutput
{
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    /// <summary><see cref="Options"/> for a file whose records differ in length (a run's part file holds a runs.csv row and a timing.csv row).</summary>
    public static CsvWriterOptions MixedRecords { get; } = Options with { ValidateFieldCount = false };

    /// <summary>A writer that creates (or overwrites) <paramref name="path"/>.</summary>
    public static CsvWriter ToFile(string path, CsvWriterOptions? options = null) => CsvWriter.ToFile(path, options ?? Options);

    /// <summary>The text of the records <paramref name="write"/> writes, for CSV that is also hashed, compared or appended.</summary>
    public static string ToText(Action<CsvWriter> write, CsvWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, options ?? Options, leaveOpen: true))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>One record and its line end, such as a header line.</summary>
    public static string Line(IEnumerable<string> fields) => ToText(w => w.WriteRecord(fields.ToArray()));
}
