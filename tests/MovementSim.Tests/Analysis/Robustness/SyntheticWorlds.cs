using MathNet.Numerics.Random;
using MovementSim.Analysis;
using MovementSim.Analysis.Robustness;

namespace MovementSim.Tests.Analysis.Robustness;

/// <summary>Sampled worlds with known structure, in place of model runs: uniform parameters from a seeded generator.</summary>
internal sealed class SyntheticWorlds
{
    private SyntheticWorlds(SampleMatrix samples, System.Random random)
    {
        Samples = samples;
        Random = random;
    }

    public SampleMatrix Samples { get; }

    /// <summary>The generator after the samples were drawn, for noise in the outcome.</summary>
    public System.Random Random { get; }

    public int Count => Samples.RowCount;

    /// <summary>x1..xk uniform on [0, 1].</summary>
    public static SyntheticWorlds Uniform(int count, int dimensions, int seed) =>
        Create(count, Enumerable.Range(1, dimensions).Select(i => (SampleDimension)new ContinuousDimension(new ParameterRange($"x{i}", 0, 1))).ToArray(), seed);

    /// <summary>Each continuous dimension uniform over its range, each categorical one uniform over its levels.</summary>
    public static SyntheticWorlds Create(int count, IReadOnlyList<SampleDimension> dimensions, int seed)
    {
        var random = new Xoshiro256StarStar(seed, false);
        var rows = new double[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = dimensions.Select(d => d switch
            {
                ContinuousDimension c => c.Range.FromUnit(random.NextDouble()),
                CategoricalDimension c => (double)random.Next(c.Levels.Count),
                _ => throw new ArgumentException(d.Name),
            }).ToArray();
        }
        return new SyntheticWorlds(SampleMatrix.FromRows(dimensions, rows), random);
    }

    /// <summary>The outcome of each world, from its row of values (x[0] is the first dimension).</summary>
    public bool[] Outcome(Func<double[], bool> rule) =>
        Enumerable.Range(0, Count).Select(i => rule(Row(i))).ToArray();

    public double[] Values(Func<double[], double> rule) =>
        Enumerable.Range(0, Count).Select(i => rule(Row(i))).ToArray();

    public double[] Row(int i) => Enumerable.Range(0, Samples.ColumnCount).Select(j => Samples[i, j]).ToArray();
}
