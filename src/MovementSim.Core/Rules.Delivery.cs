namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>People per chunk of the take-up pass; chunks may run on different threads.</summary>
    public const int ChunkSize = 1 << 15;

    /// <summary>
    /// Delivery and take-up (ODD 7.6). Each locality gets offers from its institution (if adopted, within its
    /// capacity, at its form's fidelity f) and from the movement (original form, within its share of movement
    /// capacity). An unreached person takes up with probability (p + q s) g dt, where s is the share of their
    /// neighbours reached (of everyone else, with complete mixing) and g = f_offer^quality_sensitivity damps
    /// take-up of poor offers (Euler step of the Bass hazard). Institutional recipients whose tolerance exceeds
    /// f drop out at dropout_rate; recipients beyond a shrunken capacity are dropped at random. All decisions
    /// use the state at the start of the step and random numbers keyed by (step, person), so the result does
    /// not depend on the number of threads; they are then applied in person order.
    /// </summary>
    public static void DeliverAndTakeUp(World w, DeliveryScratch scratch, int threads)
    {
        scratch.Prepare(w);
        var chunks = (w.People + ChunkSize - 1) / ChunkSize;
        if (threads > 1 && chunks > 1)
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                c => DecideChunk(w, scratch, c));
        }
        else
        {
            for (var c = 0; c < chunks; c++)
            {
                DecideChunk(w, scratch, c);
            }
        }
        ApplyDecisions(w, scratch, chunks);
    }

    private static void DecideChunk(World w, DeliveryScratch s, int chunk)
    {
        var start = chunk * ChunkSize;
        var end = Math.Min(w.People, start + ChunkSize);
        var buffer = s.Candidates[chunk];
        var count = 0;
        var state = w.PersonState;
        var counts = w.ReachedNeighbours;
        var inverse = w.InverseDegree;
        var completeShare = w.People > 1 ? (double)w.Reached / (w.People - 1) : 0;
        var l = s.LocalityOf(start);
        while (start < end)
        {
            var segmentEnd = Math.Min(end, w.LocalityStart[l + 1]);
            double a = s.Push[l], b = s.Imitation[l];
            double dropInstitutional = s.DropInstitutional[l], forcedInstitutional = s.ForcedInstitutional[l];
            var fidelity = s.InstitutionalFidelity[l];
            var forcedMovement = s.ForcedMovement;
            var tolMin = w.P.PersonToleranceMin;
            var tolSpan = w.P.PersonToleranceMax - tolMin;
            var checkTolerance = dropInstitutional > 0 && fidelity < w.P.PersonToleranceMax;
            for (var i = start; i < segmentEnd; i++)
            {
                var st = state[i];
                if (st == 0)
                {
                    if (a + b <= 0)
                    {
                        continue;
                    }
                    var share = counts is null ? completeShare : counts[i] * (double)inverse![i];
                    if (RunRandom.Uniform(s.TakeUpKey, i) < a + b * share)
                    {
                        buffer[count++] = i;
                    }
                }
                else if (st == 2)
                {
                    var drop = forcedInstitutional;
                    if (checkTolerance && fidelity < tolMin + tolSpan * RunRandom.Uniform(s.ToleranceKey, i))
                    {
                        drop = 1 - (1 - drop) * (1 - dropInstitutional);
                    }
                    if (drop > 0 && RunRandom.Uniform(s.DropKey, i) < drop)
                    {
                        buffer[count++] = ~i;
                    }
                }
                else if (forcedMovement > 0 && RunRandom.Uniform(s.DropKey, i) < forcedMovement)
                {
                    buffer[count++] = ~i;
                }
            }
            start = segmentEnd;
            l++;
        }
        s.CandidateCount[chunk] = count;
    }

    private static void ApplyDecisions(World w, DeliveryScratch s, int chunks)
    {
        // Count take-up candidates per locality first, so acceptance under scarce capacity is fair within a locality.
        Array.Clear(s.Demand);
        for (var c = 0; c < chunks; c++)
        {
            var buffer = s.Candidates[c];
            for (var k = 0; k < s.CandidateCount[c]; k++)
            {
                if (buffer[k] >= 0)
                {
                    s.Demand[s.LocalityOf(buffer[k])]++;
                }
            }
        }
        var movementSlots = s.MovementSlots;
        for (var c = 0; c < chunks; c++)
        {
            var buffer = s.Candidates[c];
            for (var k = 0; k < s.CandidateCount[c]; k++)
            {
                var code = buffer[k];
                if (code < 0)
                {
                    Leave(w, ~code, s);
                    continue;
                }
                var i = code;
                var l = s.LocalityOf(i);
                var offered = s.InstitutionalSpare[l] + s.MovementSpare[l];
                if (s.Demand[l] > offered && RunRandom.Uniform(s.AcceptKey, i) * s.Demand[l] >= offered)
                {
                    continue;
                }
                var j = w.InstitutionCount > 0 ? l : -1;
                var institutionOpen = j >= 0 && w.Adopted[j] && w.Served[j] < s.Capacity[l];
                var movementOpen = w.MovementServed < movementSlots;
                var wantsInstitution = RunRandom.Uniform(s.FormKey, i) < s.InstitutionalShare[l];
                if (wantsInstitution && institutionOpen || !movementOpen && institutionOpen)
                {
                    Reach(w, i, 2);
                    w.Served[j]++;
                }
                else if (movementOpen && s.MovementSpare[l] > 0)
                {
                    Reach(w, i, 1);
                }
            }
        }
    }

    /// <summary>Person i starts receiving a form (1 movement, 2 institution); neighbours learn of it.</summary>
    public static void Reach(World w, int i, byte form)
    {
        w.PersonState[i] = form;
        if (form == 1)
        {
            w.MovementServed++;
        }
        else
        {
            w.InstitutionServed++;
        }
        if (w.PeopleTies is { } g)
        {
            foreach (var t in g.Neighbours(i))
            {
                w.ReachedNeighbours![t]++;
            }
        }
    }

    private static void Leave(World w, int i, DeliveryScratch s)
    {
        if (w.PersonState[i] == 1)
        {
            w.MovementServed--;
        }
        else
        {
            w.InstitutionServed--;
            w.Served[s.LocalityOf(i)]--;
        }
        w.PersonState[i] = 0;
        if (w.PeopleTies is { } g)
        {
            foreach (var t in g.Neighbours(i))
            {
                w.ReachedNeighbours![t]--;
            }
        }
    }
}

/// <summary>Per-locality rates and per-chunk candidate buffers for the take-up pass, allocated once per run.</summary>
public sealed class DeliveryScratch
{
    public DeliveryScratch(World w)
    {
        var l = w.LocalityCount;
        Push = new double[l];
        Imitation = new double[l];
        DropInstitutional = new double[l];
        ForcedInstitutional = new double[l];
        InstitutionalFidelity = new double[l];
        InstitutionalSpare = new double[l];
        MovementSpare = new double[l];
        InstitutionalShare = new double[l];
        Capacity = new int[l];
        Demand = new int[l];
        var chunks = (w.People + Rules.ChunkSize - 1) / Rules.ChunkSize;
        Candidates = new int[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            Candidates[c] = new int[Math.Min(Rules.ChunkSize, w.People - c * Rules.ChunkSize)];
        }
        CandidateCount = new int[chunks];
        _localityStart = w.LocalityStart;
        ToleranceKey = w.Random.StepKey(RandomStream.PersonTolerance, 0);
    }

    private readonly int[] _localityStart;
    public double[] Push { get; }
    public double[] Imitation { get; }
    public double[] DropInstitutional { get; }
    public double[] ForcedInstitutional { get; }
    public double[] InstitutionalFidelity { get; }
    public double[] InstitutionalSpare { get; }
    public double[] MovementSpare { get; }
    public double[] InstitutionalShare { get; }
    public int[] Capacity { get; }
    public int[] Demand { get; }
    public int[][] Candidates { get; }
    public int[] CandidateCount { get; }
    public double ForcedMovement { get; private set; }
    public int MovementSlots { get; private set; }
    public ulong TakeUpKey { get; private set; }
    public ulong DropKey { get; private set; }
    public ulong AcceptKey { get; private set; }
    public ulong FormKey { get; private set; }
    public ulong ToleranceKey { get; }

    public int LocalityOf(int person)
    {
        var idx = Array.BinarySearch(_localityStart, person);
        if (idx < 0)
        {
            return ~idx - 1;
        }
        // Empty localities share a start: take the last one starting here.
        while (idx + 1 < _localityStart.Length - 1 && _localityStart[idx + 1] == person)
        {
            idx++;
        }
        return idx;
    }

    /// <summary>Per-locality offers and hazards for this step, from the state at its start.</summary>
    public void Prepare(World w)
    {
        var p = w.P;
        var dt = p.DtYears;
        var step = w.StepIndex;
        TakeUpKey = w.Random.StepKey(RandomStream.TakeUp, step);
        DropKey = w.Random.StepKey(RandomStream.Dropout, step);
        AcceptKey = w.Random.StepKey(RandomStream.Acceptance, step);
        FormKey = w.Random.StepKey(RandomStream.FormChoice, step);
        MovementSlots = (int)Math.Floor(w.MovementCapacity * w.People);
        var movementSpareTotal = Math.Max(0, MovementSlots - w.MovementServed);
        var movementExcess = Math.Max(0, w.MovementServed - MovementSlots);
        ForcedMovement = w.MovementServed > 0 ? (double)movementExcess / w.MovementServed : 0;
        for (var l = 0; l < w.LocalityCount; l++)
        {
            var size = w.LocalityStart[l + 1] - w.LocalityStart[l];
            double instSpare = 0, fidelity = 1, forced = 0;
            var capacity = 0;
            if (w.InstitutionCount > 0 && w.Adopted[l])
            {
                var o = w.InstOrg[l];
                var spec = w.Scenario.Organisations[w.OrgSpec[o]];
                capacity = (int)Math.Min(size, Math.Floor(spec.Capacity * w.BudgetFactor[l] / w.FormCost[o] * size));
                instSpare = Math.Max(0, capacity - w.Served[l]);
                fidelity = w.FormFidelity[o];
                forced = w.Served[l] > capacity ? (double)(w.Served[l] - capacity) / w.Served[l] : 0;
            }
            var movSpare = w.People > 0 ? (double)movementSpareTotal * size / w.People : 0;
            var open = instSpare + movSpare;
            Capacity[l] = capacity;
            InstitutionalSpare[l] = instSpare;
            MovementSpare[l] = movSpare;
            InstitutionalFidelity[l] = fidelity;
            ForcedInstitutional[l] = forced;
            DropInstitutional[l] = p.DropoutRate * dt;
            if (open > 0)
            {
                var offerFidelity = (instSpare * fidelity + movSpare) / open;
                var damping = p.QualitySensitivity == 0 ? 1 : Math.Pow(offerFidelity, p.QualitySensitivity);
                Push[l] = p.ExternalInfluence * damping * dt;
                Imitation[l] = p.Imitation * damping * dt;
                InstitutionalShare[l] = instSpare / open;
            }
            else
            {
                Push[l] = 0;
                Imitation[l] = 0;
                InstitutionalShare[l] = 0;
            }
        }
    }
}
