using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
        var chunks = scratch.CandidateCount.Length;
        var peopleToVisit = scratch.RecipientsMayLeave ? w.People : w.People - w.Reached;
        if (threads > 1 && chunks > 1 && peopleToVisit >= ParallelMinimumPeople)
        {
            scratch.RunInParallel(threads, DeliveryScratch.Pass.Decide);
        }
        else
        {
            for (var c = 0; c < chunks; c++)
            {
                DecideChunk(w, scratch, c);
            }
        }
        ApplyDecisions(w, scratch, chunks, threads);
    }

    /// <summary>Below this many people to visit, the decide pass stays on one thread: waking another costs more than it
    /// saves. Either way the result is the same. A worker that wakes late costs little (the calling thread takes the
    /// parts no worker has claimed), so the thresholds are low: on an idle machine, higher ones (65,536 people and
    /// 32,768 counts) left the second thread idle in most steps of a 10^6-person Bass run and made it slower.</summary>
    private const int ParallelMinimumPeople = ChunkSize;

    /// <summary>Below about this many neighbour counts to update, the update stays on one thread.</summary>
    private const long ParallelMinimumTies = 1 << 12;

    /// <summary>Decides, for the people of one chunk, who takes up and who leaves; writes their indices (leavers as ~i),
    /// in ascending order, to the chunk's candidate buffer. Reads the state only.</summary>
    internal static void DecideChunk(World w, DeliveryScratch s, int chunk)
    {
        var start = chunk * ChunkSize;
        var end = Math.Min(w.People, start + ChunkSize);
        var count = 0;
        var l = s.LocalityOf(start);
        while (start < end)
        {
            var segmentEnd = Math.Min(end, w.LocalityStart[l + 1]);
            count = DecideSegment(w, s, l, start, segmentEnd, s.Candidates[chunk], count);
            start = segmentEnd;
            l++;
        }
        s.CandidateCount[chunk] = count;
    }

    /// <summary>The people [start, end) of locality l. When recipients can neither drop out nor be dropped (the usual
    /// case once capacity suffices), only unreached people need a draw, and they are found 32 at a time.</summary>
    private static int DecideSegment(World w, DeliveryScratch s, int l, int start, int end, int[] buffer, int count)
    {
        double a = s.Push[l], b = s.Imitation[l];
        var takeUp = !(a + b <= 0);
        var forcedInstitutional = s.ForcedInstitutional[l];
        var fidelity = s.InstitutionalFidelity[l];
        var checkTolerance = s.DropInstitutional[l] > 0 && fidelity < w.P.PersonToleranceMax;
        // A recipient needs a draw only if some drop probability can be positive (see DecideGeneral).
        var recipientsMayLeave = forcedInstitutional > 0 || checkTolerance || s.ForcedMovement > 0;
        if (recipientsMayLeave)
        {
            return DecideGeneral(w, s, l, start, end, buffer, count);
        }
        if (!takeUp)
        {
            return count;
        }
        var counts = w.ReachedNeighbours;
        if (counts is null)
        {
            var completeShare = w.People > 1 ? (double)w.Reached / (w.People - 1) : 0;
            return TakeUpUnreached(w.PersonState, start, end, s.TakeUpKey, a + b * completeShare, buffer, count);
        }
        return TakeUpUnreached(w.PersonState, counts, w.InverseDegree!, start, end, s.TakeUpKey, a, b, buffer, count);
    }

    /// <summary>Take-up among the unreached of [start, end) on a network: person i takes up when
    /// U(i) &lt; a + b * reached_neighbours(i) / degree(i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static int TakeUpUnreached(byte[] state, int[] counts, float[] inverse, int start, int end, ulong key,
        double a, double b, int[] buffer, int count)
    {
        // Bounds are checked once here; the loops below index without checks.
        if ((uint)end > (uint)state.Length || (uint)end > (uint)counts.Length || (uint)end > (uint)inverse.Length ||
            start < 0 || end - start > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }
        ref var st = ref MemoryMarshal.GetArrayDataReference(state);
        ref var c = ref MemoryMarshal.GetArrayDataReference(counts);
        ref var inv = ref MemoryMarshal.GetArrayDataReference(inverse);
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= end - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var unreached = Vector256.Equals(Vector256.LoadUnsafe(ref st, (nuint)i), Vector256<byte>.Zero)
                    .ExtractMostSignificantBits();
                if (unreached == 0)
                {
                    continue;
                }
                if (Avx2.IsSupported && BitOperations.PopCount(unreached) >= DenseBlock)
                {
                    // Mostly unreached: drawing for all 32, four at a time, beats visiting them one by one.
                    var takes = TakeUpBlock(ref c, ref inv, i, key, a, b) & unreached;
                    while (takes != 0)
                    {
                        Unsafe.Add(ref output, count++) = i + BitOperations.TrailingZeroCount(takes);
                        takes &= takes - 1;
                    }
                    continue;
                }
                while (unreached != 0)
                {
                    var k = i + BitOperations.TrailingZeroCount(unreached);
                    unreached &= unreached - 1;
                    var share = Unsafe.Add(ref c, k) * (double)Unsafe.Add(ref inv, k);
                    if (RunRandom.Uniform(key, k) < a + b * share)
                    {
                        Unsafe.Add(ref output, count++) = k;
                    }
                }
            }
        }
        for (; i < end; i++)
        {
            if (Unsafe.Add(ref st, i) == 0)
            {
                var share = Unsafe.Add(ref c, i) * (double)Unsafe.Add(ref inv, i);
                if (RunRandom.Uniform(key, i) < a + b * share)
                {
                    Unsafe.Add(ref output, count++) = i;
                }
            }
        }
        return count;
    }

    /// <summary>Blocks of 32 people with at least this many unreached are drawn for in full (measured break-even ~20).</summary>
    private const int DenseBlock = 20;

    /// <summary>Bit k set when person first + k would take up if unreached: the same draws and the same arithmetic as
    /// the scalar test, four people at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint TakeUpBlock(ref int counts, ref float inverse, int first, ulong key, double a, double b)
    {
        var va = Vector256.Create(a);
        var vb = Vector256.Create(b);
        uint takes = 0;
        for (var q = 0; q < Vector256<byte>.Count; q += 4)
        {
            var k = first + q;
            var reached = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref counts, (nuint)k));
            var inv = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref inverse, (nuint)k));
            var probability = va + vb * (reached * inv);
            takes |= Vector256.LessThan(RunRandom.Uniform4(key, k), probability).ExtractMostSignificantBits() << q;
        }
        return takes;
    }

    /// <summary>Take-up among the unreached of [start, end) with complete mixing: the same probability for all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static int TakeUpUnreached(byte[] state, int start, int end, ulong key, double probability, int[] buffer, int count)
    {
        if ((uint)end > (uint)state.Length || start < 0 || end - start > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }
        ref var st = ref MemoryMarshal.GetArrayDataReference(state);
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= end - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var unreached = Vector256.Equals(Vector256.LoadUnsafe(ref st, (nuint)i), Vector256<byte>.Zero)
                    .ExtractMostSignificantBits();
                while (unreached != 0)
                {
                    var k = i + BitOperations.TrailingZeroCount(unreached);
                    unreached &= unreached - 1;
                    if (RunRandom.Uniform(key, k) < probability)
                    {
                        Unsafe.Add(ref output, count++) = k;
                    }
                }
            }
        }
        for (; i < end; i++)
        {
            if (Unsafe.Add(ref st, i) == 0 && RunRandom.Uniform(key, i) < probability)
            {
                Unsafe.Add(ref output, count++) = i;
            }
        }
        return count;
    }

    /// <summary>Every person of [start, end): take-up for the unreached; for recipients, drop-out below their tolerance
    /// (institutional form) and forced drop-out where capacity shrank below the number served. People are taken 32 at a
    /// time: each kind is decided from a bit mask of who is in that state, and the decisions are written in person order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static int DecideGeneral(World w, DeliveryScratch s, int l, int start, int end, int[] buffer, int count)
    {
        var state = w.PersonState;
        if ((uint)end > (uint)state.Length || start < 0 || end - start > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }
        var rules = new PersonRules(w, s, l);
        var counts = w.ReachedNeighbours;
        var inverse = w.InverseDegree;
        ref var st = ref MemoryMarshal.GetArrayDataReference(state);
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            var two = Vector256.Create((byte)2);
            for (; i <= end - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref st, (nuint)i);
                var unreached = Vector256.Equals(block, Vector256<byte>.Zero).ExtractMostSignificantBits();
                var institutional = Vector256.Equals(block, two).ExtractMostSignificantBits();
                var movement = ~(unreached | institutional);
                uint takes = 0, leaves = 0;
                if (rules.TakeUp && unreached != 0)
                {
                    if (counts is not null && Avx2.IsSupported && BitOperations.PopCount(unreached) >= DenseBlock)
                    {
                        takes = TakeUpBlock(ref MemoryMarshal.GetArrayDataReference(counts),
                            ref MemoryMarshal.GetArrayDataReference(inverse!), i, s.TakeUpKey, rules.A, rules.B) & unreached;
                    }
                    else
                    {
                        for (var m = unreached; m != 0; m &= m - 1)
                        {
                            var bit = BitOperations.TrailingZeroCount(m);
                            takes |= rules.TakesUp(i + bit) ? 1u << bit : 0;
                        }
                    }
                }
                if (rules.InstitutionalMayLeave)
                {
                    for (var m = institutional; m != 0; m &= m - 1)
                    {
                        var bit = BitOperations.TrailingZeroCount(m);
                        leaves |= rules.LeavesInstitution(i + bit) ? 1u << bit : 0;
                    }
                }
                if (rules.MovementMayLeave)
                {
                    for (var m = movement; m != 0; m &= m - 1)
                    {
                        var bit = BitOperations.TrailingZeroCount(m);
                        leaves |= rules.LeavesMovement(i + bit) ? 1u << bit : 0;
                    }
                }
                for (var m = takes | leaves; m != 0; m &= m - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(m);
                    buffer[count++] = (leaves & (1u << bit)) != 0 ? ~(i + bit) : i + bit;
                }
            }
        }
        for (; i < end; i++)
        {
            var code = rules.Decide(state[i], i);
            if (code != NoChange)
            {
                buffer[count++] = code;
            }
        }
        return count;
    }

    /// <summary>What <see cref="PersonRules.Decide"/> returns when a person stays as they are (no index maps to it).</summary>
    private const int NoChange = int.MinValue;

    /// <summary>The decisions of one locality in one step, person by person (ODD 7.6); every draw is keyed by person.</summary>
    private readonly struct PersonRules
    {
        public PersonRules(World w, DeliveryScratch s, int l)
        {
            A = s.Push[l];
            B = s.Imitation[l];
            TakeUp = !(A + B <= 0);
            _counts = w.ReachedNeighbours;
            _inverse = w.InverseDegree;
            _completeShare = w.People > 1 ? (double)w.Reached / (w.People - 1) : 0;
            _dropInstitutional = s.DropInstitutional[l];
            _forcedInstitutional = s.ForcedInstitutional[l];
            _fidelity = s.InstitutionalFidelity[l];
            _tolMin = w.P.PersonToleranceMin;
            _tolSpan = w.P.PersonToleranceMax - _tolMin;
            _checkTolerance = _dropInstitutional > 0 && _fidelity < w.P.PersonToleranceMax;
            _forcedMovement = s.ForcedMovement;
            _takeUpKey = s.TakeUpKey;
            _dropKey = s.DropKey;
            _toleranceKey = s.ToleranceKey;
            InstitutionalMayLeave = _forcedInstitutional > 0 || _checkTolerance;
            MovementMayLeave = _forcedMovement > 0;
        }

        private readonly int[]? _counts;
        private readonly float[]? _inverse;
        private readonly double _completeShare, _dropInstitutional, _forcedInstitutional, _fidelity, _tolMin, _tolSpan, _forcedMovement;
        private readonly bool _checkTolerance;
        private readonly ulong _takeUpKey, _dropKey, _toleranceKey;

        public double A { get; }
        public double B { get; }
        public bool TakeUp { get; }
        public bool InstitutionalMayLeave { get; }
        public bool MovementMayLeave { get; }

        /// <summary>An unreached person takes up with probability a + b * (share of neighbours reached).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TakesUp(int i)
        {
            var share = _counts is null ? _completeShare : _counts[i] * (double)_inverse![i];
            return RunRandom.Uniform(_takeUpKey, i) < A + B * share;
        }

        /// <summary>An institutional recipient leaves if dropped for capacity, or (with the drop-out rate) if the form's
        /// fidelity is below their tolerance; the two combine as independent hazards.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool LeavesInstitution(int i)
        {
            var drop = _forcedInstitutional;
            if (_checkTolerance && _fidelity < _tolMin + _tolSpan * RunRandom.Uniform(_toleranceKey, i))
            {
                drop = 1 - (1 - drop) * (1 - _dropInstitutional);
            }
            return drop > 0 && RunRandom.Uniform(_dropKey, i) < drop;
        }

        /// <summary>A movement recipient is dropped when the movement's capacity has shrunk below those it serves.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool LeavesMovement(int i) => _forcedMovement > 0 && RunRandom.Uniform(_dropKey, i) < _forcedMovement;

        /// <summary>The change for person i in state st: i (takes up), ~i (leaves) or <see cref="NoChange"/>.</summary>
        public int Decide(byte st, int i) => st switch
        {
            0 => TakeUp && TakesUp(i) ? i : NoChange,
            2 => LeavesInstitution(i) ? ~i : NoChange,
            _ => LeavesMovement(i) ? ~i : NoChange,
        };
    }

    /// <summary>Applies the chunks' decisions in person order: leavers leave; take-up candidates are accepted within the
    /// offers of their locality and choose a form. Neighbours' counts are updated afterwards, since nothing here reads
    /// them.</summary>
    private static void ApplyDecisions(World w, DeliveryScratch s, int chunks, int threads)
    {
        CountDemand(w, s, chunks);
        for (var c = 0; c < chunks; c++)
        {
            s.ChangeCount[c] = AcceptChunk(w, s, c);
        }
        if (w.PeopleTies is not { } g)
        {
            return;
        }
        long changes = 0;
        for (var c = 0; c < chunks; c++)
        {
            changes += s.ChangeCount[c];
        }
        var ties = changes * g.Targets.Length / Math.Max(1, w.People);
        if (threads > 1 && chunks > 1 && ties >= ParallelMinimumTies)
        {
            // Each thread applies its share of the changes with atomic additions. Integer sums do not depend on the
            // order of their terms, so the counts are those of one thread. (Giving each thread a slice of the counts
            // instead avoids the atomics but makes every thread fetch every changed person's row: measured slower
            // than one thread, since the update is bound by memory latency, not by the additions.)
            s.SplitChangesInto(threads);
            s.RunInParallel(threads, DeliveryScratch.Pass.NeighbourCounts);
        }
        else
        {
            UpdateNeighbourCounts(w, s, 0, chunks, atomic: false);
        }
    }

    /// <summary>Take-up candidates per locality, so that acceptance under scarce capacity is fair within a locality.
    /// Candidates are in ascending person order across chunks, so the locality is found by walking forward.</summary>
    private static void CountDemand(World w, DeliveryScratch s, int chunks)
    {
        var localityStart = w.LocalityStart;
        var demand = s.Demand;
        Array.Clear(demand);
        var l = 0;
        for (var c = 0; c < chunks; c++)
        {
            foreach (var code in s.Candidates[c].AsSpan(0, s.CandidateCount[c]))
            {
                if (code >= 0)
                {
                    while (localityStart[l + 1] <= code)
                    {
                        l++;
                    }
                    demand[l]++;
                }
            }
        }
    }

    /// <summary>Decides the outcome of each candidate of a chunk, in order, and changes states and served counts. The
    /// changes that happen (i for a new recipient, ~i for a leaver) overwrite the chunk's candidates; returns their number.</summary>
    private static int AcceptChunk(World w, DeliveryScratch s, int chunk)
    {
        var buffer = s.Candidates[chunk].AsSpan(0, s.CandidateCount[chunk]);
        if (buffer.IsEmpty)
        {
            return 0;
        }
        var localityStart = w.LocalityStart;
        var state = w.PersonState;
        var demand = s.Demand;
        var served = w.Served;
        var movementSlots = s.MovementSlots;
        var hasInstitutions = w.InstitutionCount > 0;
        int movementServed = w.MovementServed, institutionServed = w.InstitutionServed;
        var changes = 0;
        var first = buffer[0];
        var l = s.LocalityOf(first < 0 ? ~first : first);
        foreach (var code in buffer)
        {
            var i = code < 0 ? ~code : code;
            while (localityStart[l + 1] <= i)
            {
                l++;
            }
            if (code < 0)
            {
                if (state[i] == 1)
                {
                    movementServed--;
                }
                else
                {
                    institutionServed--;
                    served[l]--;
                }
                state[i] = 0;
                buffer[changes++] = code;
                continue;
            }
            var offered = s.InstitutionalSpare[l] + s.MovementSpare[l];
            if (demand[l] > offered && RunRandom.Uniform(s.AcceptKey, i) * demand[l] >= offered)
            {
                continue;
            }
            var institutionOpen = hasInstitutions && w.Adopted[l] && served[l] < s.Capacity[l];
            var movementOpen = movementServed < movementSlots;
            // The form draw only matters when both are open (a keyed draw that is not needed is simply not made).
            if (institutionOpen && (!movementOpen || RunRandom.Uniform(s.FormKey, i) < s.InstitutionalShare[l]))
            {
                state[i] = 2;
                institutionServed++;
                served[l]++;
                buffer[changes++] = i;
            }
            else if (movementOpen && s.MovementSpare[l] > 0)
            {
                state[i] = 1;
                movementServed++;
                buffer[changes++] = i;
            }
        }
        w.MovementServed = movementServed;
        w.InstitutionServed = institutionServed;
        return changes;
    }

    /// <summary>Adds one to the reached-neighbour count of every neighbour of a new recipient, and takes one off for
    /// every neighbour of a leaver, for the changes of chunks [<paramref name="firstChunk"/>, <paramref name="endChunk"/>).
    /// With <paramref name="atomic"/>, other threads may be adding to the same counts at the same time; integer additions
    /// commute, so the counts do not depend on how the changes are split.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    internal static unsafe void UpdateNeighbourCounts(World w, DeliveryScratch s, int firstChunk, int endChunk, bool atomic)
    {
        var g = w.PeopleTies!;
        var counts = w.ReachedNeighbours!;
        var offsets = g.Offsets;
        var targets = g.Targets;
        // Each change touches a row and about mean-degree counts scattered over the whole population: fetch the row
        // offsets, the row and then the counts of changes a little ahead, so that the cache misses overlap.
        const int RowStartAhead = 16, RowAhead = 8, CountsAhead = 3;
        fixed (int* offsetsAt = offsets)
        fixed (int* targetsAt = targets)
        fixed (int* countsAt = counts)
        {
            for (var c = firstChunk; c < endChunk; c++)
            {
                var changes = s.Candidates[c].AsSpan(0, s.ChangeCount[c]);
                for (var k = 0; k < changes.Length; k++)
                {
                    if (k + RowStartAhead < changes.Length)
                    {
                        Memory.Prefetch(offsetsAt + Person(changes[k + RowStartAhead]));
                    }
                    if (k + RowAhead < changes.Length)
                    {
                        Memory.Prefetch(targetsAt + offsets[Person(changes[k + RowAhead])]);
                    }
                    if (k + CountsAhead < changes.Length)
                    {
                        foreach (var t in g.Neighbours(Person(changes[k + CountsAhead])))
                        {
                            Memory.Prefetch(countsAt + t);
                        }
                    }
                    var code = changes[k];
                    var delta = code < 0 ? -1 : 1;
                    if (atomic)
                    {
                        foreach (var t in g.Neighbours(Person(code)))
                        {
                            Interlocked.Add(ref counts[t], delta);
                        }
                    }
                    else
                    {
                        foreach (var t in g.Neighbours(Person(code)))
                        {
                            counts[t] += delta;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The person of a change code (i for a new recipient, ~i for a leaver).</summary>
    private static int Person(int code) => code < 0 ? ~code : code;

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
            var counts = w.ReachedNeighbours!;
            foreach (var t in g.Neighbours(i))
            {
                counts[t]++;
            }
        }
    }
}

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

/// <summary>
/// Runs one body on parts 0 .. n-1 at once and waits for all. Part p &gt; 0 is offered to a thread-pool work item made
/// once; the calling thread runs part 0 and then every part no worker has claimed yet, so running allocates nothing
/// and never waits for a part that no thread has started, even when the pool is busy (as in a batch of runs). Each
/// run has a generation number: a work item left over from an earlier run can only claim parts of the current run,
/// and only once the run is fully set up. The first exception of any part is rethrown after all have finished.
/// </summary>
internal sealed class ForkJoin
{
    public ForkJoin(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        Parts = parts;
        _claimedIn = new int[parts];
        _items = new Item[parts];
        for (var p = 1; p < parts; p++)
        {
            _items[p] = new Item(this, p);
        }
    }

    /// <summary>The generation in which each part was last claimed.</summary>
    private readonly int[] _claimedIn;
    private readonly Item[] _items;
    private readonly ManualResetEventSlim _done = new(false, spinCount: 200);
    private Action<int>? _body;
    private int _generation;
    private int _remaining;
    private Exception? _error;

    public int Parts { get; }

    public void Run(Action<int> body)
    {
        if (Parts == 1)
        {
            body(0);
            return;
        }
        _body = body;
        _error = null;
        _remaining = Parts;
        _done.Reset();
        var generation = Interlocked.Increment(ref _generation); // publishes the set-up above
        for (var p = 1; p < Parts; p++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_items[p], preferLocal: false);
        }
        for (var p = 0; p < Parts; p++)
        {
            TryRun(p, generation);
        }
        _done.Wait();
        if (_error is { } e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        }
    }

    private void TryRun(int part, int generation)
    {
        // Only a claim for a later generation than the part's last one succeeds: a worker still holding an earlier
        // generation's number finds every part of that run claimed.
        var seen = Volatile.Read(ref _claimedIn[part]);
        if (seen >= generation || Interlocked.CompareExchange(ref _claimedIn[part], generation, seen) != seen)
        {
            return;
        }
        try
        {
            _body!(part);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _error, e, null);
        }
        finally
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.Set();
            }
        }
    }

    private sealed class Item(ForkJoin owner, int part) : IThreadPoolWorkItem
    {
        public void Execute() => owner.TryRun(part, Volatile.Read(ref owner._generation));
    }
}
