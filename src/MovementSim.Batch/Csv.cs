using System.Globalization;

namespace MovementSim.Batch;

/// <summary>
/// Numbers as MovementSim's output CSV files hold them (invariant culture, round-trip form), for keys and messages
/// that must match the files, and the fast read of a data line's leading integer. Files are written by
/// <see cref="MovementSim.Scenarios.CsvOutput"/>; input files are read by <see cref="MovementSim.Scenarios.CsvTable"/>.
/// </summary>
public static class Csv
{
    /// <summary>
    /// The shortest text that reads back as the same double, in invariant culture: the text CSV files hold
    /// (see <see cref="MovementSim.Scenarios.CsvOutput"/>), for keys and messages that must match it.
    /// </summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The leading integer field of a data line (run_id or design_point), without allocating; false, with
    /// the field, when it is not a whole number.</summary>
    public static bool TryLeadingInt(ReadOnlySpan<char> line, out int value, out ReadOnlySpan<char> field)
    {
        var comma = line.IndexOf(',');
        field = comma < 0 ? line : line[..comma];
        return int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
