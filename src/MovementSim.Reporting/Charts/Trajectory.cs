namespace MovementSim.Reporting.Charts;

/// <summary>A point of a reach–fidelity trajectory: the mean over replicates of both measures at one step.</summary>
public readonly record struct TrajectoryPoint(double Year, double Reach, double Fidelity)
{
    /// <summary>Net benefit under the linear benefit function: reach × fidelity.</summary>
    public double LinearBenefit => Reach * Fidelity;
}

/// <summary>
/// The path of one scenario or design point across the reach–fidelity plane, with the whole years to mark
/// on it and which of those to label. Steps where nobody is reached are left out (fidelity is undefined there).
/// Marks fall on the step nearest each whole year (within half a step); the start and end are marked
/// separately, so they are never among the labelled years.
/// </summary>
public sealed record Trajectory(
    string Label,
    IReadOnlyList<TrajectoryPoint> Points,
    IReadOnlyList<TrajectoryPoint> Marks,
    IReadOnlyList<TrajectoryPoint> LabelledMarks)
{
    public TrajectoryPoint Start => Points[0];

    public TrajectoryPoint End => Points[^1];

    public static Trajectory Of(string label, IReadOnlyList<double> years, IReadOnlyList<double> reach, IReadOnlyList<double> fidelity)
    {
        if (years.Count == 0 || reach.Count != years.Count || fidelity.Count != years.Count)
        {
            throw new ArgumentException($"a trajectory needs the same number (at least one) of years, reach and fidelity values; got {years.Count}, {reach.Count}, {fidelity.Count}");
        }
        // Fidelity means nothing while nobody is reached (the engine records 0): such steps are left out.
        var all = years.Select((y, i) => new TrajectoryPoint(y, reach[i], fidelity[i])).ToList();
        var points = all.Any(p => p.Reach > 0) ? all.Where(p => p.Reach > 0).ToList() : all;
        years = points.Select(p => p.Year).ToList();
        var (markEvery, labelEvery) = Spacing(years[^1] - years[0]);
        var halfStep = years.Count > 1 ? (years[^1] - years[0]) / (years.Count - 1) / 2 : 0.5;
        var marks = new List<TrajectoryPoint>();
        var labelled = new List<TrajectoryPoint>();
        for (var y = (int)Math.Ceiling(years[0] - 1e-9); y <= years[^1] + 1e-9; y++)
        {
            if (y % markEvery != 0)
            {
                continue;
            }
            var i = Nearest(years, y);
            if (Math.Abs(years[i] - y) > halfStep + 1e-9)
            {
                continue;
            }
            var point = points[i] with { Year = y };
            marks.Add(point);
            if (y % labelEvery == 0 && i != 0 && i != points.Count - 1)
            {
                labelled.Add(point);
            }
        }
        return new Trajectory(label, points, marks, labelled);
    }

    /// <summary>Years between marks and between labels for a span of years: every year (labels every 2) up to 10
    /// years, every year (labels every 5) up to 30, every 5 (labels every 10) up to 80, then every 10 (labels every 20).</summary>
    public static (int MarkEvery, int LabelEvery) Spacing(double spanYears) => spanYears switch
    {
        <= 10 => (1, 2),
        <= 30 => (1, 5),
        <= 80 => (5, 10),
        _ => (10, 20),
    };

    private static int Nearest(IReadOnlyList<double> years, double year)
    {
        var best = 0;
        for (var i = 1; i < years.Count; i++)
        {
            if (Math.Abs(years[i] - year) < Math.Abs(years[best] - year))
            {
                best = i;
            }
        }
        return best;
    }
}
