namespace MovementSim.Core;

/// <summary>Initialisation (ODD section 5): turns a scenario and a seed into the state at step 0.</summary>
public static class WorldBuilder
{
    public static World Build(ScenarioDefinition scenario, RunRandom random)
    {
        var w = new World(scenario, random);
        var p = scenario.Parameters;
        BuildInnovation(w);
        BuildOrganisations(w);
        BuildActors(w);
        BuildInstitutions(w);
        BuildGroups(w);
        BuildPeople(w);
        Rules.UpdateMembership(w);
        // Forms are chosen before institutions adopted at the start are marked, so these take the best form
        // at adoption, without inertia, like any institution adopting later.
        Rules.Adapt(w);
        if (MarkAdoptedAtStart(w))
        {
            // Adaptation again, now that they have adopted: their forms stay (they are already the best), and they
            // set the menus and steering they deliver with from the first step.
            Rules.Adapt(w);
        }
        Rules.Appraise(w);
        w.MovementCapacity = p.MovementCapacity;
        SeedInitialReach(w);
        return w;
    }

    private static void BuildInnovation(World w)
    {
        var components = w.Scenario.Components;
        var total = components.Sum(c => c.Importance);
        w.ComponentWeight = components.Select(c => total > 0 ? c.Importance / total : 1.0 / components.Count).ToArray();
        w.AlternativeAppeal = components.Select(c => c.Alternatives.SelectMany(a => a.Appeal).ToArray()).ToArray();
        w.AlternativeFidelity = components.Select(c => c.Alternatives.Select(a => a.Fidelity).ToArray()).ToArray();
        w.AlternativeCost = components.Select(c => c.Alternatives.Select(a => a.Cost).ToArray()).ToArray();
        w.OriginalCost = components.Select((c, k) => w.ComponentWeight[k] * c.Alternatives[0].Cost).Sum();
        w.PersonEffort = components.Select(c => c.Alternatives.Select(a => a.PersonEffort).ToArray()).ToArray();
        w.StaffEffort = components.Select(c => c.Alternatives.Select(a => a.StaffEffort).ToArray()).ToArray();
        w.ChosenBy = components.Select(c => c.ChosenBy).ToArray();
        w.Forms = new FormTable(components, w.ComponentWeight);
        w.Available = components.Select(c => new bool[c.Alternatives.Count]).ToArray();
        Rules.UpdateAvailability(w);
    }

    private static void BuildOrganisations(World w)
    {
        var specs = w.Scenario.Organisations;
        var spec = new List<int>();
        for (var s = 0; s < specs.Count; s++)
        {
            for (var c = 0; c < specs[s].Count; c++)
            {
                spec.Add(s);
            }
        }
        w.OrgCount = spec.Count;
        w.OrgSpec = spec.ToArray();
        w.OrgPosition = spec.Select(s => specs[s].Position).ToArray();
        w.OrgRole = spec.Select(s => specs[s].Role).ToArray();
        w.Form = new int[w.OrgCount * w.ComponentCount];
        w.FormFidelity = new double[w.OrgCount];
        w.FormCost = new double[w.OrgCount];
        w.FormAppeal = new double[w.OrgCount * Names.MotiveCount];
        w.Voice = new double[w.OrgCount];
        for (var o = 0; o < w.OrgCount; o++)
        {
            Rules.RefreshForm(w, o);
        }
    }

    private static void BuildActors(World w)
    {
        var specs = w.Scenario.Organisations;
        var archetypes = w.Scenario.Archetypes;
        var firstInstance = new int[specs.Count];
        for (int o = w.OrgCount - 1; o >= 0; o--)
        {
            firstInstance[w.OrgSpec[o]] = o;
        }
        var org = new List<int>();
        var arch = new List<int>();
        for (var a = 0; a < archetypes.Count; a++)
        {
            var s = FindOrganisation(specs, archetypes[a].Organisation);
            for (var c = 0; c < specs[s].Count; c++)
            {
                for (var k = 0; k < archetypes[a].CountPerOrganisation; k++)
                {
                    org.Add(firstInstance[s] + c);
                    arch.Add(a);
                }
            }
        }
        var n = org.Count;
        int mc = Names.MotiveCount, rc = Names.ResourceCount;
        w.ActorOrg = org.ToArray();
        w.ActorArchetype = arch.ToArray();
        w.Weights = new double[n * mc];
        w.Resources = new double[n * rc];
        w.Support = new double[n];
        w.CoreBelief = new double[n];
        w.Appraisal = new double[n];
        w.Member = new bool[n];
        w.Stance = new Stance[n];
        w.DecisionMaker = new bool[n];
        w.Broker = new bool[n];
        w.FidelityTolerance = new double[n];
        w.PreviousSupport = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = archetypes[arch[i]];
            DrawActor(w, i, a, RandomStream.MotiveNoise, 0);
            for (var r = 0; r < rc; r++)
            {
                w.Resources[i * rc + r] = a.Resources[r];
            }
            w.DecisionMaker[i] = a.DecisionMaker;
            w.Broker[i] = a.Broker;
            w.FidelityTolerance[i] = a.FidelityTolerance;
        }
        w.OrgActors = Grouping(w.OrgCount, w.ActorOrg);
        w.ActorTies = BuildActorTies(w);
        w.Access = BuildAccess(w);
    }

    /// <summary>Draws an actor from its archetype: motive weights each scaled by a lognormal factor (log-sd
    /// motive_noise) and renormalised; initial support, which is also its core belief, normal around the
    /// archetype's (sd support_noise), clamped to 0..1; stance loyalty. Used at the start and by leadership change.</summary>
    internal static void DrawActor(World w, int actor, ArchetypeSpec a, RandomStream stream, int key)
    {
        var mc = Names.MotiveCount;
        var sigma = w.P.MotiveNoise;
        // Index mc of the actor's block of mc + 1 draws is its support noise.
        var support = a.InitialSupport + (w.P.SupportNoise > 0 ? w.P.SupportNoise * w.Random.Normal(stream, key, actor * (mc + 1) + mc) : 0);
        w.Support[actor] = Math.Clamp(support, 0, 1);
        w.CoreBelief[actor] = w.Support[actor];
        w.Stance[actor] = Stance.Loyalty;
        double sum = 0;
        for (var m = 0; m < mc; m++)
        {
            var z = sigma > 0 ? w.Random.Normal(stream, key, actor * (mc + 1) + m) : 0;
            var v = a.MotiveWeights[m] * Math.Exp(sigma * z);
            w.Weights[actor * mc + m] = v;
            sum += v;
        }
        for (var m = 0; m < mc; m++)
        {
            w.Weights[actor * mc + m] = sum > 0 ? w.Weights[actor * mc + m] / sum : 1.0 / mc;
        }
    }

    /// <summary>A person may be a movement seed if their group is eligible at the start.</summary>
    private static bool IsSeedCandidate(World w, ulong key, int i) =>
        RunRandom.Uniform(key, i) < w.P.InitialReach && w.GroupEligible[w.PersonGroup[i]];

    private static int FindOrganisation(IReadOnlyList<OrganisationSpec> specs, string name)
    {
        for (var s = 0; s < specs.Count; s++)
        {
            if (specs[s].Name == name)
            {
                return s;
            }
        }
        throw new ArgumentException($"archetype refers to unknown organisation '{name}'");
    }

    /// <summary>Group members by key into CSR rows (row k lists the indices whose key is k, ascending).</summary>
    private static Graph Grouping(int groups, int[] keyOf)
    {
        var offsets = new int[groups + 1];
        foreach (var k in keyOf)
        {
            offsets[k + 1]++;
        }
        for (var g = 0; g < groups; g++)
        {
            offsets[g + 1] += offsets[g];
        }
        var fill = offsets[..groups];
        var targets = new int[keyOf.Length];
        for (var i = 0; i < keyOf.Length; i++)
        {
            targets[fill[keyOf[i]]++] = i;
        }
        return new Graph(offsets, targets);
    }

    /// <summary>Ties among actors: everyone within one organisation instance, the chosen network across all
    /// actors, and brokers' extra ties to actors in other positions.</summary>
    private static Graph BuildActorTies(World w)
    {
        var n = w.ActorCount;
        var us = new List<int>();
        var vs = new List<int>();
        for (var o = 0; o < w.OrgCount; o++)
        {
            var members = w.OrgActors.Neighbours(o);
            for (var a = 0; a < members.Length; a++)
            {
                for (var b = a + 1; b < members.Length; b++)
                {
                    us.Add(members[a]);
                    vs.Add(members[b]);
                }
            }
        }
        if (n > 1 && (w.P.ActorMeanDegree > 0 || w.P.ActorNetwork == NetworkKind.Complete))
        {
            var g = NetworkBuilder.Build(w.P.ActorNetwork, n, Math.Min(w.P.ActorMeanDegree, n - 1), w.P.Rewiring,
                w.Random.Sequential(RandomStream.ActorNetwork));
            for (var i = 0; i < n; i++)
            {
                foreach (var j in g.Neighbours(i))
                {
                    if (j > i)
                    {
                        us.Add(i);
                        vs.Add(j);
                    }
                }
            }
        }
        var rng = w.Random.Sequential(RandomStream.BrokerTies);
        for (var i = 0; i < n; i++)
        {
            if (!w.Broker[i])
            {
                continue;
            }
            var mine = w.OrgPosition[w.ActorOrg[i]];
            var others = Enumerable.Range(0, n).Where(j => w.OrgPosition[w.ActorOrg[j]] != mine).ToArray();
            for (var t = 0; t < w.P.BrokerTies && others.Length > 0; t++)
            {
                us.Add(i);
                vs.Add(others[rng.Next(others.Length)]);
            }
        }
        return Graph.FromEdges(n, us.ToArray(), vs.ToArray());
    }

    /// <summary>Who can press each organisation: its members, anyone tied to a member, and government actors.</summary>
    private static Graph BuildAccess(World w)
    {
        var stamp = new int[w.ActorCount];
        Array.Fill(stamp, -1);
        var offsets = new int[w.OrgCount + 1];
        var targets = new List<int>();
        var government = Enumerable.Range(0, w.ActorCount)
            .Where(i => w.OrgRole[w.ActorOrg[i]] == OrganisationRole.Government).ToArray();
        for (var o = 0; o < w.OrgCount; o++)
        {
            var row = new List<int>();
            void Add(int i)
            {
                if (stamp[i] != o)
                {
                    stamp[i] = o;
                    row.Add(i);
                }
            }
            foreach (var m in w.OrgActors.Neighbours(o))
            {
                Add(m);
                foreach (var t in w.ActorTies.Neighbours(m))
                {
                    Add(t);
                }
            }
            foreach (var g in government)
            {
                Add(g);
            }
            row.Sort();
            targets.AddRange(row);
            offsets[o + 1] = targets.Count;
        }
        return new Graph(offsets, targets.ToArray());
    }

    private static void BuildInstitutions(World w)
    {
        var inst = Enumerable.Range(0, w.OrgCount).Where(o => w.OrgRole[o] == OrganisationRole.Institution).ToArray();
        var j = inst.Length;
        w.InstOrg = inst;
        w.OrgInstitution = Enumerable.Repeat(-1, w.OrgCount).ToArray();
        for (var k = 0; k < j; k++)
        {
            w.OrgInstitution[inst[k]] = k;
        }
        w.Adopted = new bool[j];
        w.Mode = new AdoptionMode[j];
        w.AdoptedStep = new int[j];
        w.Threshold = new double[j];
        w.BudgetFactor = new double[j];
        w.Mandate = new double[j];
        w.Pressure = new double[j];
        w.Served = new int[j];
        w.Menu = new uint[j * w.ComponentCount];
        w.FormOffered = new bool[j * w.Forms.Count];
        w.WithdrawalPending = new bool[j];
        w.Steering = new double[j];
        w.TargetShare = new double[j];
        w.TargetYear = new double[j];
        w.Compliance = new double[j];
        w.DeliveryPressure = new double[j];
        w.FundedWorkers = new double[j];
        w.Workers = new double[j];
        w.LastDemand = new int[j];
        w.LastSpare = new double[j];
        for (var k = 0; k < j; k++)
        {
            var spec = w.Scenario.Organisations[w.OrgSpec[inst[k]]];
            var u = w.Random.Uniform(RandomStream.Thresholds, 0, k);
            w.Threshold[k] = Math.Clamp(spec.AdoptionThreshold + w.P.ThresholdSpread * (2 * u - 1), 0, 1);
            w.BudgetFactor[k] = 1;
            w.AdoptedStep[k] = -1;
            var c = w.Random.Uniform(RandomStream.TargetCompliance, 0, k);
            w.Compliance[k] = Math.Clamp(w.P.TargetCompliance + w.P.TargetComplianceSpread * (2 * c - 1), 0, 1);
        }
        w.PeerShare = new double[j];
        var localities = Math.Max(1, j);
        var n = w.P.People;
        w.LocalityStart = new int[localities + 1];
        for (var l = 0; l <= localities; l++)
        {
            w.LocalityStart[l] = (int)((long)l * n / localities);
        }
    }

    /// <summary>Institutions of kinds adopted before step 0 count as technical adopters, unless institutional
    /// adoption is switched off (the movement-alone counterfactual).</summary>
    /// <returns>Whether any institution was marked.</returns>
    private static bool MarkAdoptedAtStart(World w)
    {
        if (w.P.InstitutionalAdoption == 0)
        {
            return false;
        }
        var any = false;
        for (var k = 0; k < w.InstitutionCount; k++)
        {
            if (w.Scenario.Organisations[w.OrgSpec[w.InstOrg[k]]].AdoptedAtStart)
            {
                w.Adopted[k] = true;
                w.Mode[k] = AdoptionMode.Technical;
                w.AdoptedStep[k] = 0;
                any = true;
            }
        }
        return any;
    }

    /// <summary>The client groups (or the one group "everyone" with the person_tolerance_* parameters), which
    /// alternatives suit each, and each person's group: person i is in the group whose cumulative share first
    /// exceeds a keyed uniform draw, so groups are mixed across localities and the network.</summary>
    private static void BuildGroups(World w)
    {
        var groups = w.Scenario.Groups.Count > 0
            ? w.Scenario.Groups
            : [new GroupSpec(GroupSpec.Everyone, 1, 1, w.P.PersonToleranceMin, w.P.PersonToleranceMax)];
        if (groups.Count > byte.MaxValue + 1)
        {
            throw new ArgumentException($"at most {byte.MaxValue + 1} client groups are allowed");
        }
        w.Groups = groups;
        w.ToleranceMin = groups.Select(g => g.ToleranceMin).ToArray();
        w.ToleranceSpan = groups.Select(g => g.ToleranceMax - g.ToleranceMin).ToArray();
        var components = w.Scenario.Components;
        var kc = components.Count;
        w.Suits = new uint[groups.Count * kc];
        for (var g = 0; g < groups.Count; g++)
        {
            for (var k = 0; k < kc; k++)
            {
                w.Suits[g * kc + k] = groups[g].Suits is null ? uint.MaxValue : 0;
            }
            foreach (var name in groups[g].Suits ?? [])
            {
                var (k, a) = FindAlternative(components, name);
                w.Suits[g * kc + k] |= 1u << a;
            }
        }
        w.GroupPropensity = new double[groups.Count];
        w.GroupEligible = new bool[groups.Count];
        Rules.UpdateGroupEligibility(w);
        var n = w.P.People;
        w.PersonGroup = new byte[n];
        if (groups.Count == 1)
        {
            return;
        }
        var total = groups.Sum(g => g.Share);
        var cumulative = new double[groups.Count];
        double running = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            running += groups[g].Share / total;
            cumulative[g] = running;
        }
        var key = w.Random.StepKey(RandomStream.PersonGroup, 0);
        for (var i = 0; i < n; i++)
        {
            var u = RunRandom.Uniform(key, i);
            var g = 0;
            while (g < groups.Count - 1 && u >= cumulative[g])
            {
                g++;
            }
            w.PersonGroup[i] = (byte)g;
        }
    }

    /// <summary>An alternative named "component/alternative", or by its name alone when no other component has one
    /// of that name.</summary>
    private static (int Component, int Alternative) FindAlternative(IReadOnlyList<ComponentSpec> components, string name)
    {
        var slash = name.IndexOf('/');
        var matches = new List<(int, int)>();
        for (var k = 0; k < components.Count; k++)
        {
            if (slash >= 0 && components[k].Name != name[..slash])
            {
                continue;
            }
            var alternative = slash >= 0 ? name[(slash + 1)..] : name;
            for (var a = 0; a < components[k].Alternatives.Count; a++)
            {
                if (components[k].Alternatives[a].Name == alternative)
                {
                    matches.Add((k, a));
                }
            }
        }
        return matches.Count == 1
            ? matches[0]
            : throw new ArgumentException(matches.Count == 0
                ? $"a group names unknown alternative '{name}'"
                : $"a group names alternative '{name}', which several components have: write component/alternative");
    }

    private static void BuildPeople(World w)
    {
        var n = w.P.People;
        w.PersonState = new PersonState[n];
        w.PersonForm = new ushort[n];
        w.BestForm = new ushort[n];
        Array.Fill(w.BestForm, FormTable.None);
        w.ProviderForm = new int[(w.InstitutionCount + 1) * w.Forms.Count];
        w.GroupForm = new int[w.GroupCount * w.Forms.Count];
        w.GroupLost = new int[w.GroupCount];
        if (w.P.Network == NetworkKind.Complete)
        {
            return;
        }
        var g = NetworkBuilder.Build(w.P.Network, n, w.P.MeanDegree, w.P.Rewiring, w.Random.Sequential(RandomStream.PeopleNetwork));
        w.PeopleTies = g;
        w.ReachedNeighbours = new int[n];
        var inv = new float[n];
        for (var i = 0; i < n; i++)
        {
            var d = g.Degree(i);
            inv[i] = d > 0 ? 1f / d : 0f;
        }
        w.InverseDegree = inv;
    }

    /// <summary>Movement "seeds": each person independently with probability initial_reach; when that asks for more
    /// than movement capacity, each candidate is kept with probability capacity / candidates (then capped), so
    /// seeds spread over all localities rather than filling the first ones.</summary>
    private static void SeedInitialReach(World w)
    {
        if (w.P.InitialReach <= 0)
        {
            return;
        }
        var slots = (int)Math.Floor(w.MovementCapacity * w.People);
        var key = w.Random.StepKey(RandomStream.InitialReach, 0);
        var candidates = 0;
        for (var i = 0; i < w.People; i++)
        {
            candidates += IsSeedCandidate(w, key, i) ? 1 : 0;
        }
        var keep = candidates > slots ? (double)slots / candidates : 1;
        var thin = w.Random.StepKey(RandomStream.InitialReach, 1);
        for (var i = 0; i < w.People && w.MovementServed < slots; i++)
        {
            if (IsSeedCandidate(w, key, i) && RunRandom.Uniform(thin, i) < keep)
            {
                Rules.Reach(w, i, Core.PersonState.Movement, 0);
            }
        }
    }
}
