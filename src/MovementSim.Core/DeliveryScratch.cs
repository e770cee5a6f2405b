namespace MovementSim.Core;

/// <summary>Per-locality rates and per-chunk candidate buffers for the take-up pass of one world, allocated once per run
/// (with the workers of the parallel passes), so that a step allocates nothing.</summary>
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
        ChangeCount = new int[chunks];
        _localityStart = w.LocalityStart;
        _world = w;
        _decidePart = DecidePart;
        _neighbourPart = NeighbourPart;
        ToleranceKey = w.Random.StepKey(RandomStream.PersonTolerance, 0);
    }

    private readonly int[] _localityStart;
    private readonly World _world;
    private readonly Action<int> _decidePart;
    private readonly Action<int> _neighbourPart;
    private ForkJoin? _workers;

    /// <summary>The parts of the take-up pass that run on several threads.</summary>
    internal enum Pass
    {
        /// <summary>Deciding, chunk by chunk, who takes up and who leaves.</summary>
        Decide,
        /// <summary>Updating reached-neighbour counts, each thread applying a share of the changes.</summary>
        NeighbourCounts,
    }

    /// <summary>Runs a pass on <paramref name="threads"/> threads (the calling one included) and waits for it; the
    /// workers are set up once, so a step allocates nothing.</summary>
    internal void RunInParallel(int threads, Pass pass)
    {
        if (_workers is null || _workers.Parts != threads)
        {
            _workers = new ForkJoin(threads);
        }
        _workers.Run(pass == Pass.Decide ? _decidePart : _neighbourPart);
    }

    /// <summary>Part p of the decide pass: a contiguous run of chunks.</summary>
    private void DecidePart(int p)
    {
        var parts = _workers!.Parts;
        var chunks = CandidateCount.Length;
        for (int c = (int)((long)p * chunks / parts), end = (int)((long)(p + 1) * chunks / parts); c < end; c++)
        {
            Rules.DecideChunk(_world, this, c);
        }
    }

    /// <summary>Part p of the neighbour-count pass: the counts of people in slice p.</summary>
    private void NeighbourPart(int p) =>
        Rules.UpdateNeighbourCounts(_world, this, _changeSplit[p], _changeSplit[p + 1], atomic: true);

    /// <summary>Part p of the neighbour-count pass takes chunks [split[p], split[p + 1]).</summary>
    private int[] _changeSplit = [];

    /// <summary>
    /// Cuts the chunks into <paramref name="parts"/> contiguous runs holding about equal numbers of changes (they
    /// cluster where institutions have adopted, so equal numbers of chunks would leave one thread waiting).
    /// </summary>
    internal void SplitChangesInto(int parts)
    {
        if (_changeSplit.Length != parts + 1)
        {
            _changeSplit = new int[parts + 1];
        }
        long total = 0;
        foreach (var n in ChangeCount)
        {
            total += n;
        }
        var chunks = ChangeCount.Length;
        long seen = 0;
        var c = 0;
        for (var p = 1; p < parts; p++)
        {
            var target = total * p / parts;
            while (c < chunks && seen + ChangeCount[c] <= target)
            {
                seen += ChangeCount[c];
                c++;
            }
            _changeSplit[p] = c;
        }
        _changeSplit[0] = 0;
        _changeSplit[parts] = chunks;
    }

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
    /// <summary>Per chunk, how many of its candidates became changes (kept at the front of its buffer).</summary>
    public int[] ChangeCount { get; }
    public double ForcedMovement { get; private set; }
    public int MovementSlots { get; private set; }
    public ulong TakeUpKey { get; private set; }
    public ulong DropKey { get; private set; }
    public ulong AcceptKey { get; private set; }
    public ulong FormKey { get; private set; }
    public ulong ToleranceKey { get; }
    /// <summary>Some recipient may leave this step, so every person, not only the unreached, needs a visit.</summary>
    public bool RecipientsMayLeave { get; private set; }

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
        if (!ReferenceEquals(w, _world))
        {
            throw new ArgumentException("the scratch belongs to another world", nameof(w));
        }
        var p = w.P;
        var dt = p.DtYears;
        var step = w.StepIndex;
        TakeUpKey = w.Random.StepKey(RandomStream.TakeUp, step);
        DropKey = w.Random.StepKey(RandomStream.Dropout, step);
        AcceptKey = w.Random.StepKey(RandomStream.Acceptance, step);
        FormKey = w.Random.StepKey(RandomStream.FormChoice, step);
        MovementSlots = (int)Math.Floor(w.MovementCapacity * w.People);
        var recipientsMayLeave = false;
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
            recipientsMayLeave |= forced > 0 || (DropInstitutional[l] > 0 && fidelity < p.PersonToleranceMax);
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
        RecipientsMayLeave = recipientsMayLeave || ForcedMovement > 0;
    }
}
