namespace MovementSim.Reporting.Charts;

/// <summary>Pure data preparation behind the charts, kept apart from drawing so it can be tested exactly.</summary>
public static class ChartData
{
    /// <summary>Stacks layers: layer k spans from the sum of layers 0..k−1 to the sum of layers 0..k, step by step.
    /// Missing (NaN) values count as 0.</summary>
    public static IReadOnlyList<(double[] Lower, double[] Upper)> Stack(IReadOnlyList<double[]> layers)
    {
        var result = new List<(double[], double[])>();
        if (layers.Count == 0)
        {
            return result;
        }
        var n = layers[0].Length;
        if (layers.Any(l => l.Length != n))
        {
            throw new ArgumentException("all layers need the same number of steps", nameof(layers));
        }
        var running = new double[n];
        foreach (var layer in layers)
        {
            var lower = (double[])running.Clone();
            for (var i = 0; i < n; i++)
            {
                running[i] += double.IsNaN(layer[i]) ? 0 : layer[i];
            }
            result.Add((lower, (double[])running.Clone()));
        }
        return result;
    }

    /// <summary>
    /// Shares of one component's alternatives among the runs that have recipients at each step. A run with no
    /// institutional recipient reports 0 for every alternative, so the mean over runs of each share is the share
    /// among the runs with recipients times the fraction of runs that have them; the shares of a step sum to that
    /// fraction, and dividing by their sum gives the shares among those runs (summing to 1). Steps whose shares
    /// sum to 0 stay 0; missing (NaN) values count as 0.
    /// </summary>
    public static IReadOnlyList<double[]> AmongRunsWithRecipients(IReadOnlyList<double[]> meanShares)
    {
        var total = Stack(meanShares) is { Count: > 0 } stacked ? stacked[^1].Upper : [];
        return meanShares.Select(layer => layer.Select((v, i) => total[i] > 0 && !double.IsNaN(v) ? v / total[i] : 0).ToArray()).ToList();
    }

    /// <summary>
    /// Levels c of the iso-net-benefit curves reach × fidelity = c to draw on a plane whose reach axis runs
    /// to <paramref name="reachMax"/> (a share): multiples of a round step, about five of them, all below reachMax.
    /// </summary>
    public static IReadOnlyList<double> IsoBenefitLevels(double reachMax)
    {
        if (!(reachMax > 0))
        {
            return [];
        }
        var step = Style.NiceCeiling(reachMax / 6);
        var levels = new List<double>();
        for (var k = 1; k * step < reachMax - 1e-12; k++)
        {
            levels.Add(Math.Round(k * step, 12));
        }
        return levels;
    }

    /// <summary>Points of the curve reach × fidelity = c from fidelity 1 (reach = c) to reach = reachMax,
    /// evenly spaced in reach; empty when c is not in (0, reachMax].</summary>
    public static (double[] Reach, double[] Fidelity) IsoBenefitCurve(double c, double reachMax, int points = 120)
    {
        if (!(c > 0) || c > reachMax || points < 2)
        {
            return ([], []);
        }
        var reach = new double[points];
        var fidelity = new double[points];
        for (var i = 0; i < points; i++)
        {
            reach[i] = c + (reachMax - c) * i / (points - 1);
            fidelity[i] = c / reach[i];
        }
        return (reach, fidelity);
    }

    /// <summary>Distinct levels of a swept parameter in the order to draw them: numerically when all are numbers,
    /// otherwise in order of first appearance.</summary>
    public static IReadOnlyList<string> Levels(IEnumerable<string> values)
    {
        var distinct = values.Distinct().ToList();
        var numbers = distinct.Select(ResultFolder.ParseNumber).ToList();
        return numbers.All(n => n is not null)
            ? distinct.Zip(numbers).OrderBy(t => t.Second!.Value).Select(t => t.First).ToList()
            : distinct;
    }

    /// <summary>
    /// How much a swept parameter moves an outcome: the variance, over its levels, of the outcome's mean at each
    /// level (averaging over the other parameters), weighted by the number of design points at the level
    /// (the between-group variance of a one-way layout).
    /// </summary>
    public static double MainEffectVariance(IReadOnlyList<(string Level, double Outcome)> designPoints)
    {
        var valid = designPoints.Where(d => !double.IsNaN(d.Outcome)).ToList();
        if (valid.Count == 0)
        {
            return 0;
        }
        var grand = valid.Average(d => d.Outcome);
        return valid.GroupBy(d => d.Level)
            .Sum(g => g.Count() * Math.Pow(g.Average(d => d.Outcome) - grand, 2)) / valid.Count;
    }

    /// <summary>Up to <paramref name="max"/> indices spread evenly over 0..count−1, always including both ends.</summary>
    public static IReadOnlyList<int> Spread(int count, int max)
    {
        if (count <= max)
        {
            return Enumerable.Range(0, count).ToList();
        }
        return Enumerable.Range(0, max).Select(k => (int)Math.Round(k * (count - 1.0) / (max - 1))).Distinct().ToList();
    }
}
