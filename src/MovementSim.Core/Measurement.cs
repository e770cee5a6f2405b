namespace MovementSim.Core;

/// <summary>Computes every declared measure of <see cref="MeasureSet"/> from the state (ODD 7.8).</summary>
public static class Measurement
{
    /// <summary>Fills <paramref name="into"/> with the measures of the world's current state, in the set's order.</summary>
    public static void Collect(MeasureContext context, MeasureSet set, Span<double> into)
    {
        context.Fill();
        var definitions = set.Definitions;
        for (var m = 0; m < definitions.Count; m++)
        {
            into[m] = definitions[m].Compute(context);
        }
    }

    /// <summary>The motive with the largest weight (the first on ties).</summary>
    public static int DominantMotive(World w, int actor)
    {
        var mc = Names.MotiveCount;
        var best = 0;
        for (var m = 1; m < mc; m++)
        {
            if (w.Weights[actor * mc + m] > w.Weights[actor * mc + best])
            {
                best = m;
            }
        }
        return best;
    }

    /// <summary>Shannon entropy of the counts divided by its maximum, log(categories): 0 = one category, 1 = even spread.</summary>
    public static double NormalisedEntropy(ReadOnlySpan<int> counts, int total)
    {
        if (total <= 0 || counts.Length < 2)
        {
            return 0;
        }
        double h = 0;
        foreach (var c in counts)
        {
            if (c > 0)
            {
                var q = (double)c / total;
                h -= q * Math.Log(q);
            }
        }
        return h / Math.Log(counts.Length);
    }
}
