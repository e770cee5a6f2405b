namespace MovementSim.Core;

/// <summary>Computes every declared measure of <see cref="MeasureSet"/> from the state (ODD 7.8).</summary>
public static class Measurement
{
    public static void Collect(World w, MeasureSet set, Span<double> into)
    {
        var p = w.P;
        var i = 0;
        var n = Math.Max(1, w.People);
        var reached = w.Reached;

        double fidelitySum = w.MovementServed, benefitSum = w.MovementServed * Rules.Benefit(p, 1);
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            var f = w.FormFidelity[w.InstOrg[j]];
            fidelitySum += w.Served[j] * f;
            benefitSum += w.Served[j] * Rules.Benefit(p, f);
        }
        var meanFidelity = reached > 0 ? fidelitySum / reached : 0;
        var institutionalFidelity = Rules.DeliveredFidelity(w) ?? 0;

        into[i++] = (double)reached / n;
        into[i++] = (double)w.MovementServed / n;
        into[i++] = (double)w.InstitutionServed / n;
        into[i++] = meanFidelity;
        into[i++] = institutionalFidelity;
        into[i++] = benefitSum / n;

        var institutions = Math.Max(1, w.InstitutionCount);
        int adopted = 0, technical = 0, legitimacy = 0, coerced = 0;
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (!w.Adopted[j])
            {
                continue;
            }
            adopted++;
            switch (w.Mode[j])
            {
                case AdoptionMode.Technical: technical++; break;
                case AdoptionMode.Legitimacy: legitimacy++; break;
                case AdoptionMode.Coerced: coerced++; break;
            }
        }
        into[i++] = (double)adopted / institutions;
        into[i++] = (double)technical / institutions;
        into[i++] = (double)legitimacy / institutions;
        into[i++] = (double)coerced / institutions;

        var actors = w.ActorCount;
        var mc = Names.MotiveCount;
        Span<int> membersByPosition = stackalloc int[Names.PositionCount];
        Span<int> membersByMotive = stackalloc int[mc];
        Span<int> actorsByPosition = stackalloc int[Names.PositionCount];
        Span<int> actorsByMotive = stackalloc int[mc];
        Span<double> supportByPosition = stackalloc double[Names.PositionCount];
        Span<double> supportByMotive = stackalloc double[mc];
        int members = 0, outside = 0, voice = 0, exit = 0;
        for (var a = 0; a < actors; a++)
        {
            var pos = (int)w.OrgPosition[w.ActorOrg[a]];
            var motive = DominantMotive(w, a);
            actorsByPosition[pos]++;
            actorsByMotive[motive]++;
            supportByPosition[pos] += w.Support[a];
            supportByMotive[motive] += w.Support[a];
            if (w.Member[a])
            {
                members++;
                membersByPosition[pos]++;
                membersByMotive[motive]++;
            }
            if (pos == (int)Position.Outside)
            {
                outside++;
                voice += w.Stance[a] == Stance.Voice ? 1 : 0;
                exit += w.Stance[a] == Stance.Exit ? 1 : 0;
            }
        }
        into[i++] = actors > 0 ? (double)members / actors : 0;
        for (var k = 0; k < Names.PositionCount; k++)
        {
            into[i++] = members > 0 ? (double)membersByPosition[k] / members : 0;
        }
        into[i++] = NormalisedEntropy(membersByPosition, members);
        for (var k = 0; k < mc; k++)
        {
            into[i++] = members > 0 ? (double)membersByMotive[k] / members : 0;
        }
        into[i++] = NormalisedEntropy(membersByMotive, members);
        for (var k = 0; k < Names.PositionCount; k++)
        {
            into[i++] = actorsByPosition[k] > 0 ? supportByPosition[k] / actorsByPosition[k] : 0;
        }
        for (var k = 0; k < mc; k++)
        {
            into[i++] = actorsByMotive[k] > 0 ? supportByMotive[k] / actorsByMotive[k] : 0;
        }
        into[i++] = w.MovementCapacity;
        into[i++] = outside > 0 ? (double)voice / outside : 0;
        into[i++] = outside > 0 ? (double)exit / outside : 0;

        // Share of recipients receiving each alternative: movement recipients get the original.
        for (var k = 0; k < w.ComponentCount; k++)
        {
            var alternatives = w.Scenario.Components[k].Alternatives.Count;
            for (var a = 0; a < alternatives; a++)
            {
                double count = a == 0 ? w.MovementServed : 0;
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (w.Form[w.InstOrg[j] * w.ComponentCount + k] == a)
                    {
                        count += w.Served[j];
                    }
                }
                into[i++] = reached > 0 ? count / reached : 0;
            }
        }
        if (i != set.Count)
        {
            throw new InvalidOperationException($"measure count mismatch: computed {i}, declared {set.Count}");
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
