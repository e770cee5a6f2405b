namespace MovementSim.Analysis.Sampling;

/// <summary>
/// Sobol' low-discrepancy sequence (Sobol' 1967) in base 2 with 32-bit precision, Gray-code order, using the
/// Joe and Kuo (2008) direction numbers, optionally randomised by a digital shift (each coordinate's 32 bits
/// XORed with a fixed random mask). A digital shift keeps every (t, m, s)-net property of the sequence, so
/// the first 2^m points still fall one per elementary interval, while making the sample random and
/// seed-dependent (Owen 1995; L'Ecuyer and Lemieux 2002).
/// </summary>
public static class SobolSequence
{
    public const int MaxDimensions = 256;

    private const int Bits = 32;
    private const double Scale = 1.0 / 4294967296.0; // 2^-32

    /// <summary>
    /// The first <paramref name="count"/> points in <paramref name="dimensions"/> dimensions, row i = point i,
    /// each coordinate in [0, 1). Without a shift the first point is the origin, as in Joe and Kuo's reference
    /// code; balance properties hold for prefixes whose length is a power of two.
    /// </summary>
    public static double[][] Generate(int count, int dimensions, IReadOnlyList<uint>? digitalShift = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (dimensions < 1 || dimensions > MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions,
                $"a Sobol' sequence is available in 1 to {MaxDimensions} dimensions");
        }
        if (digitalShift is not null && digitalShift.Count != dimensions)
        {
            throw new ArgumentException($"digital shift has {digitalShift.Count} masks for {dimensions} dimensions", nameof(digitalShift));
        }

        var directions = new uint[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            directions[d] = DirectionNumbers(d);
        }

        var points = new double[count][];
        var x = new uint[dimensions];
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                // Gray-code update (Antonov and Saleev 1979): point i differs from point i-1 by one direction
                // number, the one indexed by the lowest zero bit of i-1.
                var c = System.Numerics.BitOperations.TrailingZeroCount(~(uint)(i - 1));
                for (var d = 0; d < dimensions; d++)
                {
                    x[d] ^= directions[d][c];
                }
            }
            var row = new double[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                var bits = digitalShift is null ? x[d] : x[d] ^ digitalShift[d];
                row[d] = bits * Scale;
            }
            points[i] = row;
        }
        return points;
    }

    /// <summary>V_1..V_32 of one dimension (0-based), scaled by 2^32, by Joe and Kuo's recurrence.</summary>
    private static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            // Dimension 1 is the van der Corput sequence: every m_i = 1.
            for (var i = 0; i < Bits; i++)
            {
                v[i] = 1u << (Bits - 1 - i);
            }
            return v;
        }

        var entry = SobolDirectionNumbers.Entries[dimension - 1];
        var s = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)entry.Polynomial);
        var a = (entry.Polynomial >> 1) & ((1 << (s - 1)) - 1);
        for (var i = 0; i < Math.Min(s, Bits); i++)
        {
            v[i] = (uint)entry.InitialM[i] << (Bits - 1 - i);
        }
        for (var i = s; i < Bits; i++)
        {
            var value = v[i - s] ^ (v[i - s] >> s);
            for (var k = 1; k < s; k++)
            {
                if (((a >> (s - 1 - k)) & 1) != 0)
                {
                    value ^= v[i - k];
                }
            }
            v[i] = value;
        }
        return v;
    }
}
