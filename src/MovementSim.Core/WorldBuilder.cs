namespace MovementSim.Core;

/// <summary>Initialisation (ODD section 5): turns a scenario and a seed into the state at step 0.</summary>
public static partial class WorldBuilder
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
        w.TargetSystems = new double[j];
        w.TargetCapacity = new double[j];
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
