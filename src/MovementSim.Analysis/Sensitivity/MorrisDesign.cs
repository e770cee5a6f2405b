using MovementSim.Batch;

namespace MovementSim.Analysis.Sensitivity;

/// <summary>
/// Morris (1991, Technometrics 33:161-174) one-at-a-time trajectory design: r trajectories of k + 1 points on
/// a p-level grid {0, 1/(p-1), ..., 1} of the unit cube, consecutive points differing in one parameter by
/// ±Δ with Δ = p / (2(p - 1)), every parameter moved once per trajectory, in a random order and direction
/// (Morris's randomised B* matrix). Trajectories are drawn independently, as in Morris (1991); the
/// spread-maximising selection of Campolongo et al. (2007) is not applied.
/// <see cref="Points"/> are in parameter units: trajectory t occupies rows t(k+1) .. t(k+1)+k.
/// <see cref="MovedParameter"/>[t][m] is the parameter changed between rows m and m+1 of trajectory t and
/// <see cref="UnitStep"/>[t][m] that change in unit-cube coordinates (+Δ or -Δ).
/// </summary>
public sealed record MorrisDesign(
    IReadOnlyList<ParameterRange> Parameters,
    int Trajectories,
    int Levels,
    double Delta,
    IReadOnlyList<double[]> Points,
    IReadOnlyList<int[]> MovedParameter,
    IReadOnlyList<double[]> UnitStep)
{
    public const int DefaultLevels = 4;

    public int ParameterCount => Parameters.Count;

    public int RowOf(int trajectory, int step) => trajectory * (ParameterCount + 1) + step;

    /// <summary>
    /// Builds r trajectories with seeded draws. Per trajectory the draw order is: k base levels, k directions,
    /// then a Fisher-Yates permutation of the k parameters.
    /// </summary>
    public static MorrisDesign Create(IReadOnlyList<ParameterRange> parameters, int trajectories, int seed, int levels = DefaultLevels)
    {
        ParameterSpace.Validate(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2, nameof(trajectories));
        if (levels < 2 || levels % 2 != 0)
        {
            // With p even, Δ = p/(2(p-1)) is a whole number (p/2) of grid steps, so every point stays on the grid
            // and each level is visited equally often (Morris 1991, section 3).
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "the number of Morris levels p must be even and at least 2, e.g. 4");
        }
        var k = parameters.Count;
        var total = (long)trajectories * (k + 1);
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, $"r(k + 1) = {total} model runs is more than one design can hold");
        }

        var delta = levels / (2.0 * (levels - 1));
        var baseLevels = levels / 2; // base levels l = 0 .. p/2 - 1 keep l/(p-1) + Δ <= 1
        var random = AnalysisRandom.Create(seed, AnalysisStream.Design);

        var points = new double[total][];
        var moved = new int[trajectories][];
        var steps = new double[trajectories][];
        var u = new double[k];
        var direction = new int[k];
        var order = new int[k];
        for (var t = 0; t < trajectories; t++)
        {
            for (var i = 0; i < k; i++)
            {
                u[i] = random.Next(baseLevels) / (double)(levels - 1);
            }
            for (var i = 0; i < k; i++)
            {
                direction[i] = random.Next(2) == 0 ? 1 : -1;
                if (direction[i] < 0)
                {
                    // A downward move starts from the upper of the two levels this parameter takes.
                    u[i] += delta;
                }
            }
            LatinHypercube.Permutation(order, random);

            moved[t] = new int[k];
            steps[t] = new double[k];
            var row = t * (k + 1);
            points[row] = ParameterSpace.FromUnit(parameters, u);
            for (var m = 0; m < k; m++)
            {
                var i = order[m];
                var before = u[i];
                u[i] = direction[i] > 0 ? before + delta : before - delta;
                moved[t][m] = i;
                steps[t][m] = u[i] - before;
                points[row + m + 1] = ParameterSpace.FromUnit(parameters, u);
            }
        }
        return new MorrisDesign(parameters, trajectories, levels, delta, points, moved, steps);
    }
}
