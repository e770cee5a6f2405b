namespace MovementSim.Batch;

/// <summary>
/// A run's measures as doubles, measure by measure, for summary.csv (in .parts/, deleted with them): an int32 number of
/// steps reported S, an int32 number of measures M, then S years, then S values of each measure in turn; little-endian.
/// </summary>
public static class ValuesPart
{
    private const int HeaderBytes = 8;

    /// <param name="values">Step-major: step s, measure m at [s × measures + m]; years[s] the year of step s.</param>
    public static void Write(string path, ReadOnlySpan<double> years, ReadOnlySpan<double> values, int measures)
    {
        var steps = years.Length;
        var data = new double[steps * (measures + 1)];
        years.CopyTo(data);
        for (var s = 0; s < steps; s++)
        {
            for (var m = 0; m < measures; m++)
            {
                data[steps * (m + 1) + s] = values[s * measures + m];
            }
        }
        using (var stream = new FileStream(AtomicFile.TempOf(path), FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            Span<int> header = [steps, measures];
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(header));
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        }
        AtomicFile.Commit(path);
    }

    public static double[] ReadYears(string path, int measures)
    {
        using var file = File.OpenHandle(path);
        Span<int> header = stackalloc int[2];
        RandomAccess.Read(file, System.Runtime.InteropServices.MemoryMarshal.AsBytes(header), 0);
        if (header[1] != measures)
        {
            throw new InvalidDataException($"{path} holds {header[1]} measures, expected {measures}");
        }
        var years = new double[header[0]];
        Read(file, header[0], measures, -1, 0, years);
        return years;
    }

    /// <summary>Steps [firstStep, firstStep + into.Length) of a measure (-1: the years).</summary>
    public static void Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, int steps, int measures, int measure, int firstStep, Span<double> into)
    {
        var offset = HeaderBytes + ((long)(measure + 1) * steps + firstStep) * sizeof(double);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(into);
        while (bytes.Length > 0)
        {
            var read = RandomAccess.Read(file, bytes, offset);
            if (read == 0)
            {
                throw new InvalidDataException("a values part is shorter than its header says");
            }
            bytes = bytes[read..];
            offset += read;
        }
    }
}
