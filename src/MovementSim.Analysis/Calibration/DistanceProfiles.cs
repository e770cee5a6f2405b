namespace MovementSim.Analysis.Calibration;

/// <summary>One parameter's profile: the unit-box point behind every grid value (the grid coordinate plus the others, fixed or re-fitted) and its distance.</summary>
internal sealed record ProfileTrace(double[][] Points, double[] Distances);

/// <summary>The distance along each parameter's grid, the others held at the fit (slice) or re-fitted (reoptimised).</summary>
internal static class DistanceProfiles
{
    /// <summary>Grid for one parameter in unit coordinates: equally spaced, plus the fitted value itself.</summary>
    public static double[] Grid(int points, double fitted)
    {
        var grid = new SortedSet<double> { fitted };
        for (var j = 0; j < points; j++)
        {
            grid.Add(j / (double)(points - 1));
        }
        return grid.ToArray();
    }


    public static ProfileTrace[] Profiles(CalibrationObjective objective, Minimum best, CalibrationOptions options)
    {
        var parameters = objective.Parameters;
        var k = parameters.Count;
        var traces = new ProfileTrace[k];
        if (options.Profile == ProfileMethod.Slice || k == 1)
        {
            // Every slice point of every parameter in one batch.
            var unitPoints = new double[k][][];
            var batch = new List<double[]>();
            for (var i = 0; i < k; i++)
            {
                var grid = Grid(options.ProfilePoints, best.Point[i]);
                unitPoints[i] = new double[grid.Length][];
                for (var g = 0; g < grid.Length; g++)
                {
                    var u = (double[])best.Point.Clone();
                    u[i] = grid[g];
                    unitPoints[i][g] = u;
                    batch.Add(ParameterSpace.FromUnit(parameters, u));
                }
            }
            var all = objective.Distances(batch);
            var at = 0;
            for (var i = 0; i < k; i++)
            {
                traces[i] = new ProfileTrace(unitPoints[i], all.AsSpan(at, unitPoints[i].Length).ToArray());
                at += unitPoints[i].Length;
            }
        }
        else
        {
            for (var i = 0; i < k; i++)
            {
                traces[i] = ReoptimisedProfile(objective, best, i, Grid(options.ProfilePoints, best.Point[i]), options);
            }
        }
        return traces;
    }

    /// <summary>
    /// Profile of parameter i: at each grid value the other parameters are re-fitted, walking outwards from the
    /// fit in both directions and warm-starting each fit from its neighbour's solution (profile tracing), so
    /// the path follows a valley instead of jumping between minima.
    /// </summary>
    public static ProfileTrace ReoptimisedProfile(CalibrationObjective objective, Minimum best, int i, double[] grid, CalibrationOptions options)
    {
        var points = new double[grid.Length][];
        var distances = new double[grid.Length];
        var centre = Array.IndexOf(grid, best.Point[i]);
        points[centre] = best.Point;
        distances[centre] = best.Value;
        foreach (var direction in new[] { 1, -1 })
        {
            var warm = best.Point;
            for (var g = centre + direction; g >= 0 && g < grid.Length; g += direction)
            {
                var m = FitOthers(objective, i, grid[g], warm, options);
                points[g] = m.Point;
                distances[g] = m.Value;
                warm = m.Point;
            }
        }
        return new ProfileTrace(points, distances);
    }

    /// <summary>
    /// Minimises over every parameter but <paramref name="i"/>, which is held at <paramref name="fixedValue"/>
    /// (unit coordinates), starting the others from <paramref name="warm"/>; returns the full unit point.
    /// </summary>
    public static Minimum FitOthers(CalibrationObjective objective, int i, double fixedValue, double[] warm, CalibrationOptions options)
    {
        var k = warm.Length;
        double[] Join(double[] free)
        {
            var u = new double[k];
            for (int j = 0, f = 0; j < k; j++)
            {
                u[j] = j == i ? fixedValue : free[f++];
            }
            return u;
        }
        var start = warm.Where((_, j) => j != i).ToArray();
        var m = SimplexMinimiser.MinimiseWithRestarts(free => objective.Distance(ParameterSpace.FromUnit(objective.Parameters, Join(free))), start, options);
        return m with { Point = Join(m.Point) };
    }

    public static (double Value, double[] Point) LowestOnProfiles(ProfileTrace[] traces)
    {
        var lowest = double.PositiveInfinity;
        var where = traces[0].Points[0];
        foreach (var trace in traces)
        {
            for (var g = 0; g < trace.Distances.Length; g++)
            {
                if (trace.Distances[g] < lowest)
                {
                    lowest = trace.Distances[g];
                    where = trace.Points[g];
                }
            }
        }
        return (lowest, where);
    }
}
