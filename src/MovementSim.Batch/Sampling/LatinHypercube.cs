namespace MovementSim.Batch;

/// <summary>
/// The one Latin hypercube sampler (McKay, Beckman and Conover 1979), used by sweep designs and by the analyses
/// (calibration starts, ABC samples, Saltelli base samples). Every draw comes from the generator passed in.
/// </summary>
public static class LatinHypercube
{
    /// <summary>
    /// n points in the unit cube of k dimensions, each dimension's n strata [j/n, (j+1)/n) hit exactly once, a
    /// uniform position within each stratum. Draw order, part of the reproducible sequence: dimension by dimension,
    /// a Fisher-Yates permutation of the strata (<see cref="Permutation"/>), then the n within-stratum offsets in
    /// point order.
    /// </summary>
    public static double[][] Sample(int count, int dimensions, System.Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentNullException.ThrowIfNull(random);

        var points = new double[count][];
        for (var i = 0; i < count; i++)
        {
            points[i] = new double[dimensions];
        }
        var strata = new int[count];
        for (var d = 0; d < dimensions; d++)
        {
            Permutation(strata, random);
            for (var i = 0; i < count; i++)
            {
                points[i][d] = (strata[i] + random.NextDouble()) / count;
            }
        }
        return points;
    }

    /// <summary>Fills <paramref name="items"/> with a uniformly random permutation of 0..n-1 (Fisher-Yates, n − 1 draws).</summary>
    public static void Permutation(int[] items, System.Random random)
    {
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = i;
        }
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
