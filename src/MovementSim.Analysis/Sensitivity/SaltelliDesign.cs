using MovementSim.Analysis.Sampling;
using MovementSim.Batch;

namespace MovementSim.Analysis.Sensitivity;

/// <summary>Where the two base matrices A and B of a Saltelli design come from.</summary>
public enum BaseSample
{
    /// <summary>
    /// One 2k-dimensional Sobol' sequence, digitally shifted by a seeded random mask: A takes coordinates 1..k,
    /// B takes k+1..2k, as Saltelli et al. (2010) recommend. Converges faster than random sampling; best with
    /// N a power of two. Limited to k up to <see cref="SobolSequence.MaxDimensions"/> / 2 parameters.
    /// </summary>
    SobolSequence,

    /// <summary>A 2k-dimensional Latin hypercube, split the same way; no limit on k and no preference for N.</summary>
    LatinHypercube,
}

/// <summary>
/// The Saltelli (2010) sampling design for Sobol' indices: base matrices A and B (N x k) and, for each
/// parameter i, A_B^(i) = A with column i taken from B, in all N(k + 2) points (Saltelli et al. 2010, Comput.
/// Phys. Commun. 181:259-270, section 3). <see cref="Points"/> are in parameter units, laid out in blocks of N
/// rows: A, then B, then A_B^(1) .. A_B^(k); row j of every block comes from base row j, which is what the
/// bootstrap resamples.
/// </summary>
public sealed record SaltelliDesign(IReadOnlyList<ParameterRange> Parameters, int BaseSamples, IReadOnlyList<double[]> Points)
{
    public int ParameterCount => Parameters.Count;

    /// <summary>Row of base row j in block A.</summary>
    public int RowOfA(int j) => j;

    /// <summary>Row of base row j in block B.</summary>
    public int RowOfB(int j) => BaseSamples + j;

    /// <summary>Row of base row j in block A_B^(i), parameter i 0-based.</summary>
    public int RowOfAB(int i, int j) => (2 + i) * BaseSamples + j;

    /// <summary>Builds the design: N base rows, seeded draws only, so the same arguments give the same points.</summary>
    public static SaltelliDesign Create(IReadOnlyList<ParameterRange> parameters, int baseSamples, int seed,
        BaseSample baseSample = BaseSample.SobolSequence)
    {
        ParameterSpace.Validate(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2, nameof(baseSamples));
        var k = parameters.Count;
        var total = (long)baseSamples * (k + 2);
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples,
                $"N(k + 2) = {total} model runs is more than one design can hold");
        }

        var random = AnalysisRandom.Create(seed, AnalysisStream.Design);
        double[][] unit;
        if (baseSample == BaseSample.SobolSequence)
        {
            if (2 * k > SobolSequence.MaxDimensions)
            {
                throw new ArgumentException(
                    $"{k} parameters need a {2 * k}-dimensional Sobol' sequence, but only {SobolSequence.MaxDimensions} dimensions " +
                    $"are available: use {nameof(BaseSample)}.{nameof(BaseSample.LatinHypercube)}", nameof(parameters));
            }
            var shift = new uint[2 * k];
            for (var d = 0; d < shift.Length; d++)
            {
                shift[d] = UnitCubeSampling.NextUInt32(random);
            }
            unit = SobolSequence.Generate(baseSamples, 2 * k, shift);
        }
        else
        {
            unit = LatinHypercube.Sample(baseSamples, 2 * k, random);
        }

        var points = new double[total][];
        for (var j = 0; j < baseSamples; j++)
        {
            var a = unit[j].AsSpan(0, k);
            var b = unit[j].AsSpan(k, k);
            points[j] = ParameterSpace.FromUnit(parameters, a);
            points[baseSamples + j] = ParameterSpace.FromUnit(parameters, b);
            for (var i = 0; i < k; i++)
            {
                var ab = a.ToArray();
                ab[i] = b[i];
                points[(2 + i) * baseSamples + j] = ParameterSpace.FromUnit(parameters, ab);
            }
        }
        return new SaltelliDesign(parameters, baseSamples, points);
    }
}
