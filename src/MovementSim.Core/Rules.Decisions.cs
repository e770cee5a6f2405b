using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MovementSim.Core;

public static partial class Rules
{
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
}
