using System.Globalization;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>
/// Whether a design of so many points fits in memory before it is made: every point is held (a record and its values),
/// and design.csv and the plan's hash of it are built as text. A design too big for the machine is refused with its
/// size, instead of the process dying out of memory while it expands.
/// </summary>
public static class DesignMemory
{
    /// <summary>Bytes per point: the point's object and array, and its line of design.csv as a string and as bytes.</summary>
    public static long BytesPerPoint(int parameters) => 128 + 64L * parameters;

    /// <summary>Why a design of <paramref name="points"/> points of <paramref name="parameters"/> values does not fit, or null.</summary>
    public static string? Problem(long points, int parameters, long available)
    {
        // The design is a small part of a batch: it may take at most half the memory.
        var needed = points > long.MaxValue / BytesPerPoint(parameters) ? long.MaxValue : points * BytesPerPoint(parameters);
        return needed <= available / 2 ? null : string.Create(CultureInfo.InvariantCulture,
            $"a design of {points:N0} points would need about {needed / (double)(1L << 30):0.##} GB of memory to hold, more than half of this machine's {available / (double)(1L << 30):0.##} GB: use fewer points");
    }

    public static string? Problem(long points, int parameters) => Problem(points, parameters, ScenarioSize.AvailableBytes);
}
