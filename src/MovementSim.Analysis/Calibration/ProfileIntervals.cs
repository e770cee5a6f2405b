namespace MovementSim.Analysis.Calibration;

/// <summary>Each parameter's profile interval: where its profile crosses the threshold, refined by bisection.</summary>
internal static class ProfileIntervals
{
    /// <summary>
    /// Bisection steps that place each interval end between its last grid point inside the cut-off and the first
    /// outside: 10 steps narrow the bracket to 1/1024 of a grid step. Interpolating straight between grid points
    /// instead would put the end far too close to the fit, since a profile curves up like a parabola and lies
    /// below its chord: false precision.
    /// </summary>
    public const int RefinementSteps = 10;

    /// <summary>
    /// Each parameter's interval, in unit coordinates: the span of profile points whose distance is within the
    /// cut-off, from the lowest to the highest such value (so a second, distant valley widens the interval rather
    /// than being ignored; a valley narrower than the grid step can still be missed), each end refined by
    /// bisection towards the neighbouring grid point outside. Refinement points join the traces. Slice
    /// refinements of all parameters share one batch per step.
    /// </summary>
    public static (double Low, double High)[] Intervals(CalibrationObjective objective, Minimum best, ProfileTrace[] traces,
        double cutoff, CalibrationOptions options)
    {
        var k = traces.Length;
        var bounds = new (double Low, double High)[k];
        var brackets = new List<Bracket>();
        for (var i = 0; i < k; i++)
        {
            var d = traces[i].Distances;
            var first = Array.FindIndex(d, x => x <= cutoff);
            var last = Array.FindLastIndex(d, x => x <= cutoff);
            bounds[i] = (traces[i].Points[first][i], traces[i].Points[last][i]);
            if (first > 0)
            {
                brackets.Add(new Bracket(i, false, traces[i].Points[first], d[first], traces[i].Points[first - 1], d[first - 1]));
            }
            if (last < d.Length - 1)
            {
                brackets.Add(new Bracket(i, true, traces[i].Points[last], d[last], traces[i].Points[last + 1], d[last + 1]));
            }
        }

        var reoptimise = options.Profile == ProfileMethod.Reoptimised && k > 1;
        var added = Enumerable.Range(0, k).Select(_ => new List<(double[] Point, double Distance)>()).ToArray();
        for (var step = 0; step < RefinementSteps && brackets.Count > 0; step++)
        {
            var midpoints = new double[brackets.Count][];
            var distances = new double[brackets.Count];
            if (reoptimise)
            {
                for (var b = 0; b < brackets.Count; b++)
                {
                    var m = DistanceProfiles.FitOthers(objective, brackets[b].Parameter, Mid(brackets[b]), brackets[b].Inside, options);
                    midpoints[b] = m.Point;
                    distances[b] = m.Value;
                }
            }
            else
            {
                for (var b = 0; b < brackets.Count; b++)
                {
                    midpoints[b] = (double[])best.Point.Clone();
                    midpoints[b][brackets[b].Parameter] = Mid(brackets[b]);
                }
                distances = objective.Distances(midpoints.Select(u => ParameterSpace.FromUnit(objective.Parameters, u)).ToArray());
            }
            for (var b = 0; b < brackets.Count; b++)
            {
                added[brackets[b].Parameter].Add((midpoints[b], distances[b]));
                brackets[b] = distances[b] <= cutoff
                    ? brackets[b] with { Inside = midpoints[b], InsideDistance = distances[b] }
                    : brackets[b] with { Outside = midpoints[b], OutsideDistance = distances[b] };
            }
        }

        foreach (var bracket in brackets)
        {
            var i = bracket.Parameter;
            var end = Crossing(bracket.Inside[i], bracket.InsideDistance, bracket.Outside[i], bracket.OutsideDistance, cutoff);
            bounds[i] = bracket.Upper ? (bounds[i].Low, end) : (end, bounds[i].High);
        }
        for (var i = 0; i < k; i++)
        {
            if (added[i].Count > 0)
            {
                var parameter = i;
                var merged = traces[i].Points.Select((u, g) => (Point: u, Distance: traces[parameter].Distances[g]))
                    .Concat(added[i]).OrderBy(x => x.Point[parameter]).ToArray();
                traces[i] = new ProfileTrace(merged.Select(x => x.Point).ToArray(), merged.Select(x => x.Distance).ToArray());
            }
        }
        return bounds;
    }

    /// <summary>An interval end being located: the parameter, which end, and the closest points inside and outside the cut-off.</summary>
    public sealed record Bracket(int Parameter, bool Upper, double[] Inside, double InsideDistance, double[] Outside, double OutsideDistance);

    public static double Mid(Bracket b) => 0.5 * (b.Inside[b.Parameter] + b.Outside[b.Parameter]);

    /// <summary>Where the straight line between two close points crosses the cut-off (the last bisection bracket).</summary>
    public static double Crossing(double inside, double dInside, double outside, double dOutside, double cutoff)
    {
        var t = (cutoff - dInside) / (dOutside - dInside);
        return inside + Math.Clamp(t, 0.0, 1.0) * (outside - inside);
    }
}
