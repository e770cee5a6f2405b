namespace MovementSim.Core;

/// <summary>
/// The model's rules (ODD section 7, submodels), one small method each. <see cref="Simulation.Step"/>
/// calls them in this order: events, appraisal, influence, adoption, adaptation, delivery and take-up,
/// movement response; then the measures are collected.
/// </summary>
public static partial class Rules
{
    private static int MC => Names.MotiveCount;
    private static int RC => Names.ResourceCount;

    // ---- 1. Events -------------------------------------------------------------------------

    /// <summary>Applies the scenario's events scheduled in [year, year + dt) of the current step.</summary>
    public static void ApplyEvents(World w)
    {
        var from = w.P.StartYear + w.StepIndex * w.P.DtYears;
        var to = from + w.P.DtYears;
        const double Eps = 1e-9;
        var events = w.Scenario.Events;
        for (var k = 0; k < events.Count; k++)
        {
            if (events[k].Year >= from - Eps && events[k].Year < to - Eps)
            {
                ApplyEvent(w, events[k], k);
            }
        }
    }

    /// <summary>Applies one event; <paramref name="eventIndex"/> keys its random draws so that two events in one
    /// step draw independently.</summary>
    public static void ApplyEvent(World w, EventSpec e, int eventIndex = 0)
    {
        bool Targets(int o) => e.Target == ScenarioDefinition.AllTargets ||
                               w.Scenario.Organisations[w.OrgSpec[o]].Name == e.Target;
        switch (e.Kind)
        {
            case EventKind.Mandate:
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (Targets(w.InstOrg[j]))
                    {
                        w.Mandate[j] = e.Value;
                    }
                }
                break;
            case EventKind.BudgetShock:
                for (var j = 0; j < w.InstitutionCount; j++)
                {
                    if (Targets(w.InstOrg[j]))
                    {
                        w.BudgetFactor[j] *= 1 - e.Value;
                    }
                }
                for (var i = 0; i < w.ActorCount; i++)
                {
                    if (w.DecisionMaker[i] && Targets(w.ActorOrg[i]))
                    {
                        RaiseMoneyWeight(w, i, e.Value);
                    }
                }
                break;
            case EventKind.Forum:
                w.Conversation = Math.Min(1, w.Conversation + e.Value);
                break;
            case EventKind.LeadershipChange:
                for (var i = 0; i < w.ActorCount; i++)
                {
                    if (w.DecisionMaker[i] && Targets(w.ActorOrg[i]) &&
                        w.Random.Uniform(RandomStream.Leadership, w.StepIndex, eventIndex * w.ActorCount + i) < e.Value)
                    {
                        var a = w.Scenario.Archetypes[w.ActorArchetype[i]];
                        WorldBuilder.DrawActor(w, i, a, RandomStream.LeadershipNoise, w.StepIndex * (w.Scenario.Events.Count + 1) + eventIndex);
                        w.Stance[i] = Stance.Loyalty;
                    }
                }
                break;
            case EventKind.MovementFunding:
                w.MovementCapacity = Math.Min(1, w.MovementCapacity + e.Value);
                break;
        }
    }

    /// <summary>Budget pressure: the money weight grows by <paramref name="amount"/> and the row is renormalised.</summary>
    internal static void RaiseMoneyWeight(World w, int actor, double amount)
    {
        var row = w.Weights.AsSpan(actor * MC, MC);
        row[(int)Motive.Money] += amount;
        double sum = 0;
        foreach (var v in row)
        {
            sum += v;
        }
        for (var m = 0; m < MC; m++)
        {
            row[m] /= sum;
        }
    }

    // ---- 2. Appraisal ----------------------------------------------------------------------

    /// <summary>Each actor values its own organisation's form by its own motive weights: a_i = sum_m w_im A_om.</summary>
    public static void Appraise(World w)
    {
        for (var i = 0; i < w.ActorCount; i++)
        {
            var o = w.ActorOrg[i];
            double a = 0;
            for (var m = 0; m < MC; m++)
            {
                a += w.Weights[i * MC + m] * w.FormAppeal[o * MC + m];
            }
            w.Appraisal[i] = a;
        }
    }

    // ---- 3. Influence and coalition --------------------------------------------------------

    /// <summary>Visible results: mean benefit among recipients, scaled by how visible the reach is
    /// (fully visible at reach results_visibility).</summary>
    public static double VisibleResults(World w)
    {
        var reached = w.Reached;
        if (reached == 0)
        {
            return 0;
        }
        var benefit = w.MovementServed * Benefit(w.P, 1);
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            benefit += w.Served[j] * Benefit(w.P, w.FormFidelity[w.InstOrg[j]]);
        }
        var reach = (double)reached / w.People;
        return Math.Min(1, reach / w.P.ResultsVisibility) * (benefit / reached);
    }

    /// <summary>Secondary beliefs (support) move towards a mix of the sticky core belief and a target made of
    /// neighbours' support (weighted by who listens to whom), one's own appraisal and visible results.
    /// Exited actors withdraw: their goal is 0. All actors update from the same previous state.</summary>
    public static void Influence(World w)
    {
        var p = w.P;
        var results = VisibleResults(w);
        var totalWeight = p.SocialWeight + p.AppraisalWeight + p.ResultsWeight;
        var rate = Math.Min(1, p.BeliefUpdateRate * p.DtYears);
        var previous = w.PreviousSupport;
        Array.Copy(w.Support, previous, w.ActorCount);
        for (var i = 0; i < w.ActorCount; i++)
        {
            double social = previous[i], weightSum = 0, weighted = 0;
            var pos = w.OrgPosition[w.ActorOrg[i]];
            foreach (var j in w.ActorTies.Neighbours(i))
            {
                var listen = ListeningWeight(w, i, j, pos);
                weighted += listen * previous[j];
                weightSum += listen;
            }
            if (weightSum > 0)
            {
                social = weighted / weightSum;
            }
            var target = (p.SocialWeight * social + p.AppraisalWeight * w.Appraisal[i] + p.ResultsWeight * results) / totalWeight;
            var goal = w.Stance[i] == Stance.Exit
                ? 0
                : p.CoreBeliefWeight * w.CoreBelief[i] + (1 - p.CoreBeliefWeight) * target;
            w.Support[i] = Math.Clamp(previous[i] + rate * (goal - previous[i]), 0, 1);
        }
        UpdateMembership(w);
    }

    /// <summary>Same position: 1. Across positions: the constructive-conversation level, unless a broker is involved (1).</summary>
    public static double ListeningWeight(World w, int i, int j, Position iPosition) =>
        w.OrgPosition[w.ActorOrg[j]] == iPosition || w.Broker[i] || w.Broker[j] ? 1 : w.Conversation;

    /// <summary>How much an organisation in <paramref name="position"/> hears actor j: 1 from its own position or a
    /// broker, the constructive-conversation level from elsewhere.</summary>
    public static double HeardBy(World w, Position position, int j) =>
        w.OrgPosition[w.ActorOrg[j]] == position || w.Broker[j] ? 1 : w.Conversation;

    public static void UpdateMembership(World w)
    {
        for (var i = 0; i < w.ActorCount; i++)
        {
            w.Member[i] = w.Support[i] >= w.P.CoalitionThreshold && w.Stance[i] != Stance.Exit;
        }
    }

    // ---- 4. Institutional adoption ---------------------------------------------------------

    /// <summary>Coalition pressure on organisation o: the geometric mean over resource kinds of the coverage
    /// min(1, sum over members with access of heard x support x resource / resource_need), where heard is 1 for
    /// members in o's position or brokers and the conversation level otherwise. A coalition missing one kind of
    /// resource exerts no pressure however large it is.</summary>
    public static double CoalitionPressure(World w, int o)
    {
        Span<double> sum = stackalloc double[RC];
        var position = w.OrgPosition[o];
        foreach (var i in w.Access.Neighbours(o))
        {
            if (!w.Member[i])
            {
                continue;
            }
            var weight = HeardBy(w, position, i) * w.Support[i];
            for (var r = 0; r < RC; r++)
            {
                sum[r] += weight * w.Resources[i * RC + r];
            }
        }
        double logSum = 0;
        for (var r = 0; r < RC; r++)
        {
            var coverage = Math.Min(1, sum[r] / w.P.ResourceNeed);
            if (coverage <= 0)
            {
                return 0;
            }
            logSum += Math.Log(coverage);
        }
        return Math.Exp(logSum / RC);
    }

    /// <summary>For each institution, the share of the other institutions of the same kind that have adopted.</summary>
    public static void PeerShares(World w, double[] into)
    {
        var kinds = w.Scenario.Organisations.Count;
        Span<int> count = kinds <= 256 ? stackalloc int[kinds] : new int[kinds];
        Span<int> adopted = kinds <= 256 ? stackalloc int[kinds] : new int[kinds];
        for (var k = 0; k < w.InstitutionCount; k++)
        {
            var spec = w.OrgSpec[w.InstOrg[k]];
            count[spec]++;
            adopted[spec] += w.Adopted[k] ? 1 : 0;
        }
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            var spec = w.OrgSpec[w.InstOrg[j]];
            var peers = count[spec] - 1;
            var peersAdopted = adopted[spec] - (w.Adopted[j] ? 1 : 0);
            into[j] = peers == 0 ? 0 : (double)peersAdopted / peers;
        }
    }

    /// <summary>An institution adopts when coalition pressure reaches its threshold (technical if few peers have
    /// adopted, legitimacy otherwise), or by imitating peers (legitimacy), or under a mandate (coerced).</summary>
    public static void Adopt(World w)
    {
        if (w.P.InstitutionalAdoption == 0)
        {
            return;
        }
        var dt = w.P.DtYears;
        // Peer shares from the state at the start of the rule, so the order of institutions does not matter.
        var peerShare = w.PeerShare;
        PeerShares(w, peerShare);
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            w.Pressure[j] = CoalitionPressure(w, w.InstOrg[j]);
            if (w.Adopted[j])
            {
                continue;
            }
            var mode = AdoptionMode.None;
            if (w.Pressure[j] >= w.Threshold[j] && w.Pressure[j] > 0)
            {
                mode = peerShare[j] < w.P.LegitimacySwitch ? AdoptionMode.Technical : AdoptionMode.Legitimacy;
            }
            else if (Happens(w.P.MimeticRate * peerShare[j] * dt, w.Random.Uniform(RandomStream.Mimetic, w.StepIndex, j)))
            {
                mode = AdoptionMode.Legitimacy;
            }
            else if (Happens(w.P.MandateComplianceRate * w.Mandate[j] * dt, w.Random.Uniform(RandomStream.Mandate, w.StepIndex, j)))
            {
                mode = AdoptionMode.Coerced;
            }
            if (mode != AdoptionMode.None)
            {
                w.Adopted[j] = true;
                w.Mode[j] = mode;
                w.AdoptedStep[j] = w.StepIndex + 1;
            }
        }
    }

    /// <summary>An event with hazard h (h = rate x dt) happens in a step with probability 1 - exp(-h).</summary>
    private static bool Happens(double hazardTimesDt, double u) => hazardTimesDt > 0 && u < 1 - Math.Exp(-hazardTimesDt);

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

    // ---- 7. Movement response --------------------------------------------------------------

    /// <summary>Mean fidelity of the forms adopted institutions deliver; null when none has adopted.</summary>
    public static double? DeliveredFidelity(World w)
    {
        double sum = 0;
        var n = 0;
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (w.Adopted[j])
            {
                sum += w.FormFidelity[w.InstOrg[j]];
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /// <summary>Outside actors compare delivered fidelity with their tolerance: satisfied actors are loyal (and
    /// exited ones may return); dissatisfied loyal actors voice; voicing actors exit with a hazard growing with the
    /// relative gap. Then movement capacity grows with engaged outside support (logistic), is crowded out by
    /// institutional reach and is commissioned by co-producing adopters.</summary>
    public static void RespondMovement(World w)
    {
        var p = w.P;
        var delivered = DeliveredFidelity(w);
        for (var i = 0; i < w.ActorCount; i++)
        {
            if (w.OrgPosition[w.ActorOrg[i]] != Position.Outside || delivered is null)
            {
                continue;
            }
            var tolerance = w.FidelityTolerance[i];
            var gap = tolerance - delivered.Value;
            if (gap <= 0)
            {
                if (w.Stance[i] == Stance.Exit)
                {
                    if (Happens(p.ReentryRate * p.DtYears, w.Random.Uniform(RandomStream.Reentry, w.StepIndex, i)))
                    {
                        w.Stance[i] = Stance.Loyalty;
                    }
                }
                else
                {
                    w.Stance[i] = Stance.Loyalty;
                }
            }
            else if (w.Stance[i] == Stance.Loyalty)
            {
                w.Stance[i] = Stance.Voice;
            }
            else if (w.Stance[i] == Stance.Voice &&
                     Happens(p.ExitRate * gap / tolerance * p.DtYears, w.Random.Uniform(RandomStream.Exit, w.StepIndex, i)))
            {
                w.Stance[i] = Stance.Exit;
            }
        }
        UpdateMembership(w);
        UpdateMovementCapacity(w);
    }

    public static void UpdateMovementCapacity(World w)
    {
        var p = w.P;
        double outsideSupport = 0;
        var outside = 0;
        for (var i = 0; i < w.ActorCount; i++)
        {
            if (w.OrgPosition[w.ActorOrg[i]] == Position.Outside)
            {
                outside++;
                outsideSupport += w.Stance[i] == Stance.Exit ? 0 : w.Support[i];
            }
        }
        var engaged = outside == 0 ? 0 : outsideSupport / outside;
        var m = w.MovementCapacity;
        var institutionalReach = w.People == 0 ? 0 : (double)w.InstitutionServed / w.People;
        double coproduction = 0;
        var adopters = 0;
        for (var j = 0; j < w.InstitutionCount; j++)
        {
            if (w.Adopted[j])
            {
                coproduction += w.Voice[w.InstOrg[j]];
                adopters++;
            }
        }
        coproduction = adopters == 0 ? 0 : coproduction / adopters;
        var growth = p.MovementCapacityMax > 0 ? p.MovementGrowth * engaged * m * (1 - m / p.MovementCapacityMax) : 0;
        var change = growth - p.CrowdOut * institutionalReach * m + p.Commissioning * coproduction * institutionalReach;
        w.MovementCapacity = Math.Clamp(m + p.DtYears * change, 0, 1);
    }

    /// <summary>Benefit to a person of receiving a form of fidelity f.</summary>
    public static double Benefit(ModelParameters p, double f) => p.BenefitFunction switch
    {
        BenefitFunction.Threshold => f >= p.BenefitThreshold ? f : f * p.BenefitBelowThreshold,
        _ => f,
    };
}
