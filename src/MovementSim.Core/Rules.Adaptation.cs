namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 5. Adaptation ---------------------------------------------------------------------

    /// <summary>Every inside organisation chooses, per component, the alternative with the best score
    /// sum_m W_m appeal_am + coproduction x voice x fidelity_a, where W is the mean motive mix of its decision
    /// makers and voice the support of coalition members with access (voice stance counts double), scaled down
    /// for adoption for legitimacy or under coercion. An adopted institution switches only when the gain
    /// exceeds adaptation_inertia; at adoption, and for institutions not yet adopted (their prospective form),
    /// it takes the best.</summary>
    public static void Adapt(World w)
    {
        Span<double> mix = stackalloc double[MC];
        for (var o = 0; o < w.OrgCount; o++)
        {
            if (w.OrgPosition[o] != Position.Inside)
            {
                continue;
            }
            DecisionMix(w, o, mix);
            var j = w.OrgInstitution[o];
            var factor = 1.0;
            var inertia = 0.0;
            if (j >= 0 && w.Adopted[j])
            {
                factor = w.Mode[j] switch
                {
                    AdoptionMode.Legitimacy => w.P.LegitimacyCoproductionFactor,
                    AdoptionMode.Coerced => w.P.CoercedCoproductionFactor,
                    _ => 1,
                };
                inertia = w.AdoptedStep[j] <= w.StepIndex ? w.P.AdaptationInertia : 0;
            }
            w.Voice[o] = factor * CoalitionVoice(w, o);
            var pull = w.P.Coproduction * w.Voice[o];
            for (var k = 0; k < w.ComponentCount; k++)
            {
                var appeal = w.AlternativeAppeal[k];
                var fidelity = w.AlternativeFidelity[k];
                var current = w.Form[o * w.ComponentCount + k];
                var currentScore = Score(appeal.AsSpan(current * MC, MC), fidelity[current], mix, pull);
                int best = current;
                var bestScore = currentScore;
                for (var a = 0; a < fidelity.Length; a++)
                {
                    var s = Score(appeal.AsSpan(a * MC, MC), fidelity[a], mix, pull);
                    if (s > bestScore + 1e-12)
                    {
                        best = a;
                        bestScore = s;
                    }
                }
                if (best != current && bestScore - currentScore > inertia)
                {
                    w.Form[o * w.ComponentCount + k] = best;
                }
            }
            RefreshForm(w, o);
        }
    }

    /// <summary>Score of an alternative: sum_m mix_m appeal_m + pull x fidelity.</summary>
    public static double Score(ReadOnlySpan<double> appeal, double fidelity, ReadOnlySpan<double> mix, double pull)
    {
        double s = 0;
        for (var m = 0; m < mix.Length; m++)
        {
            s += mix[m] * appeal[m];
        }
        return s + pull * fidelity;
    }

    /// <summary>Mean motive weights of the organisation's decision makers (all its actors if none is flagged; zeros if it has no actors).</summary>
    public static void DecisionMix(World w, int o, Span<double> mix)
    {
        mix.Clear();
        var members = w.OrgActors.Neighbours(o);
        var anyDecisionMaker = false;
        foreach (var i in members)
        {
            anyDecisionMaker |= w.DecisionMaker[i];
        }
        var n = 0;
        foreach (var i in members)
        {
            if (anyDecisionMaker && !w.DecisionMaker[i])
            {
                continue;
            }
            n++;
            for (var m = 0; m < MC; m++)
            {
                mix[m] += w.Weights[i * MC + m];
            }
        }
        for (var m = 0; m < MC && n > 0; m++)
        {
            mix[m] /= n;
        }
    }

    /// <summary>Voice of coalition members with access to o: min(1, sum of heard x support / voice_need), with
    /// members in the voice stance counting double (Hirschman: voice is pressing for quality).</summary>
    public static double CoalitionVoice(World w, int o)
    {
        var position = w.OrgPosition[o];
        double v = 0;
        foreach (var i in w.Access.Neighbours(o))
        {
            if (w.Member[i])
            {
                v += HeardBy(w, position, i) * w.Support[i] * (w.Stance[i] == Stance.Voice ? 2 : 1);
            }
        }
        return Math.Min(1, v / w.P.VoiceNeed);
    }

    /// <summary>Recomputes fidelity, relative cost and motive appeal of organisation o's form (importance-weighted).</summary>
    public static void RefreshForm(World w, int o)
    {
        double f = 0, c = 0;
        Span<double> appeal = w.FormAppeal.AsSpan(o * MC, MC);
        appeal.Clear();
        for (var k = 0; k < w.ComponentCount; k++)
        {
            var a = w.Form[o * w.ComponentCount + k];
            var weight = w.ComponentWeight[k];
            f += weight * w.AlternativeFidelity[k][a];
            c += weight * w.AlternativeCost[k][a];
            var altAppeal = w.AlternativeAppeal[k].AsSpan(a * MC, MC);
            for (var m = 0; m < MC; m++)
            {
                appeal[m] += weight * altAppeal[m];
            }
        }
        w.FormFidelity[o] = f;
        w.FormCost[o] = w.OriginalCost > 0 ? c / w.OriginalCost : 1;
    }

}
