namespace MovementSim.Core;

/// <summary>Initialisation of the actors: drawing each from its archetype, their ties and who has access to which organisation.</summary>
public static partial class WorldBuilder
{
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
}
