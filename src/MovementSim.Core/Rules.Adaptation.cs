namespace MovementSim.Core;

public static partial class Rules
{
    // ---- 5. Adaptation ---------------------------------------------------------------------

    /// <summary>Most alternatives a component may have: a menu is a bit mask of them.</summary>
    public const int MaxAlternatives = 32;

    /// <summary>Every inside organisation chooses, per component, the available alternative with the best score
    /// sum_m W_m appeal_am + coproduction x voice x fidelity_a - pressure_weight x pressure x staff_effort_a, where W
    /// is the mean motive mix of its decision makers, voice the support of coalition members with access (voice
    /// stance counts double) scaled down for adoption for legitimacy or under coercion, and pressure the
    /// institution's delivery pressure from a coverage target. This is its default. An adopted institution switches
    /// only when the gain exceeds adaptation_inertia (or when its default ceases to exist); at adoption, and for
    /// institutions not yet adopted (their prospective form), it takes the best. An adopted institution then sets
    /// its menu and its steering.</summary>
    public static void Adapt(World w)
    {
        UpdateDeliveryPressure(w);
        Span<double> mix = stackalloc double[MC];
        Span<double> scores = stackalloc double[MaxAlternatives];
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
            var adopted = j >= 0 && w.Adopted[j];
            if (adopted)
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
            var pressure = j >= 0 ? w.P.PressureWeight * w.DeliveryPressure[j] : 0;
            var systems = HasSystems(w, j);
            for (var k = 0; k < w.ComponentCount; k++)
            {
                var count = w.AlternativeFidelity[k].Length;
                ScoreAlternatives(w, k, mix, pull, pressure, scores[..count]);
                var at = o * w.ComponentCount + k;
                var current = w.Form[at];
                var best = BestAvailable(w, k, current, systems, scores[..count]);
                if (best != current && (!Offerable(w, k, current, systems) || scores[best] - scores[current] > inertia))
                {
                    w.Form[at] = best;
                }
                if (adopted)
                {
                    w.Menu[j * w.ComponentCount + k] = MenuOf(w, k, w.Form[at], systems, scores[..count]);
                }
            }
            RefreshForm(w, o);
            if (adopted)
            {
                RefreshOffer(w, j);
                w.Steering[j] = Math.Clamp(
                    w.P.Gatekeeping * StaffProfession(w, o) * (1 - w.Voice[o]) + w.P.TargetSteering * w.DeliveryPressure[j], 0, 1);
            }
        }
    }

    /// <summary>The score of every alternative of component k for a decision mix, co-production pull and delivery
    /// pressure.</summary>
    private static void ScoreAlternatives(World w, int k, ReadOnlySpan<double> mix, double pull, double pressure, Span<double> scores)
    {
        var appeal = w.AlternativeAppeal[k];
        var fidelity = w.AlternativeFidelity[k];
        var staffEffort = w.StaffEffort[k];
        for (var a = 0; a < scores.Length; a++)
        {
            scores[a] = Score(appeal.AsSpan(a * MC, MC), fidelity[a], mix, pull) - pressure * staffEffort[a];
        }
    }

    /// <summary>The available alternative with the highest score; a candidate must beat the incumbent best by more
    /// than 1e-12, and the current one (if available) is the first incumbent, so ties keep it, then the lower index.</summary>
    private static int BestAvailable(World w, int k, int current, bool systems, ReadOnlySpan<double> scores)
    {
        var best = Offerable(w, k, current, systems) ? current : -1;
        for (var a = 0; a < scores.Length; a++)
        {
            if (Offerable(w, k, a, systems) && (best < 0 || scores[a] > scores[best] + 1e-12))
            {
                best = a;
            }
        }
        // The original always exists (the loader checks it), so some alternative is available.
        return best < 0 ? 0 : best;
    }

    /// <summary>What an adopted institution offers for component k: its default, every right that exists, and every
    /// existing alternative scoring within offer_margin of the default.</summary>
    private static uint MenuOf(World w, int k, int chosen, bool systems, ReadOnlySpan<double> scores)
    {
        var menu = 1u << chosen;
        var alternatives = w.Scenario.Components[k].Alternatives;
        for (var a = 0; a < scores.Length; a++)
        {
            if (Offerable(w, k, a, systems) && (alternatives[a].Right || scores[a] >= scores[chosen] - w.P.OfferMargin - 1e-12))
            {
                menu |= 1u << a;
            }
        }
        return menu;
    }

    /// <summary>Whether alternative a of component k exists and, if it needs systems, the organisation runs them.</summary>
    private static bool Offerable(World w, int k, int a, bool systems) =>
        w.Available[k][a] && (systems || !w.Scenario.Components[k].Alternatives[a].NeedsSystems);

    /// <summary>Which forms institution j offers: those whose every component's alternative is on its menu.</summary>
    private static void RefreshOffer(World w, int j)
    {
        var forms = w.Forms;
        var offered = w.FormOffered.AsSpan(j * forms.Count, forms.Count);
        var menu = w.Menu.AsSpan(j * w.ComponentCount, w.ComponentCount);
        for (var c = 0; c < forms.Count; c++)
        {
            var ok = true;
            for (var k = 0; k < menu.Length && ok; k++)
            {
                ok = (menu[k] & (1u << forms.AlternativeOf(c, k))) != 0;
            }
            offered[c] = ok;
        }
    }

    /// <summary>The mean profession weight of an organisation's staff: the actors who are not decision makers, or
    /// all its actors if every one decides. Professional gatekeeping scales with it.</summary>
    public static double StaffProfession(World w, int o)
    {
        double sum = 0;
        int staff = 0, all = 0;
        double sumAll = 0;
        foreach (var i in w.OrgActors.Neighbours(o))
        {
            var profession = w.Weights[i * MC + (int)Motive.Profession];
            sumAll += profession;
            all++;
            if (!w.DecisionMaker[i])
            {
                sum += profession;
                staff++;
            }
        }
        return staff > 0 ? sum / staff : all > 0 ? sumAll / all : 0;
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
