using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MovementSim.Core;

/// <summary>What the decide pass writes for a person who changes: <c>i</c> takes up by their own choice,
/// <c>i | Moved</c> is moved onto the institution's forms to meet a target, <c>i | Rechooses</c> re-chooses a
/// withdrawn form at review, <c>~i</c> leaves. Person indices are below 2^29 (the catalog allows 5e7 people).</summary>
public static class DecisionCode
{
    public const int Moved = 1 << 30;
    public const int Rechooses = 1 << 29;
    private const int PersonMask = Rechooses - 1;

    /// <summary>Written for a person who stays as they are (no code maps to it).</summary>
    public const int NoChange = int.MinValue;

    public static int Person(int code) => code < 0 ? ~code : code & PersonMask;

    /// <summary>The person starts receiving a form (by choice or moved by a target).</summary>
    public static bool IsTakeUp(int code) => code >= 0 && (code & Rechooses) == 0;
}

public static partial class Rules
{
    /// <summary>Decides, for the people of one chunk, who takes up, who leaves and who re-chooses; writes their codes
    /// (<see cref="DecisionCode"/>), in ascending person order, to the chunk's candidate buffer. Reads the state only.</summary>
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

    /// <summary>The people [start, end) of locality l. When recipients can neither leave nor re-choose (the usual case
    /// once capacity suffices) and everyone takes up alike, only unreached people need a draw, and they are found 32
    /// at a time.</summary>
    private static int DecideSegment(World w, DeliveryScratch s, int l, int start, int end, int[] buffer, int count)
    {
        var rules = new PersonRules(w, s, l);
        if (rules.InstitutionalMayChange || rules.MovementMayLeave || !rules.Uniform)
        {
            return DecideGeneral(w, rules, start, end, buffer, count);
        }
        if (!rules.TakeUp)
        {
            return count;
        }
        var counts = w.ReachedNeighbours;
        if (counts is null)
        {
            var completeShare = w.People > 1 ? (double)w.Reached / (w.People - 1) : 0;
            return TakeUpUnreached(w.PersonState, start, end, s.TakeUpKey, rules.A + rules.B * completeShare, buffer, count);
        }
        return TakeUpUnreached(w.PersonState, counts, w.InverseDegree!, start, end, s.TakeUpKey, rules.A, rules.B, buffer, count);
    }

    /// <summary>Every person of [start, end) who may change: take-up for the unreached; for recipients, drop-out below
    /// their tolerance, forced drop-out where capacity shrank, and re-choice of a withdrawn form. People are taken 32
    /// at a time from bit masks of who is in which state; where everyone takes up alike and most are unreached, the
    /// take-up draws of a block are made four at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static int DecideGeneral(World w, PersonRules rules, int start, int end, int[] buffer, int count)
    {
        var state = w.PersonState;
        if ((uint)end > (uint)state.Length || start < 0 || end - start > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }
        var counts = w.ReachedNeighbours;
        var inverse = w.InverseDegree;
        ref var st = ref Unsafe.As<PersonState, byte>(ref MemoryMarshal.GetArrayDataReference(state));
        var visitUnreached = rules.TakeUp ? uint.MaxValue : 0;
        var visitInstitutional = rules.InstitutionalMayChange ? uint.MaxValue : 0;
        var visitMovement = rules.MovementMayLeave ? uint.MaxValue : 0;
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            var institution = Vector256.Create((byte)PersonState.Institution);
            for (; i <= end - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref st, (nuint)i);
                var unreached = Vector256.Equals(block, Vector256<byte>.Zero).ExtractMostSignificantBits();
                var institutional = Vector256.Equals(block, institution).ExtractMostSignificantBits();
                var movement = ~(unreached | institutional);
                var visit = (unreached & visitUnreached) | (institutional & visitInstitutional) | (movement & visitMovement);
                if (visit == 0)
                {
                    continue;
                }
                var drawnTogether = rules.TakeUp && rules.Uniform && counts is not null && Avx2.IsSupported &&
                                    BitOperations.PopCount(unreached) >= DenseBlock;
                var takes = drawnTogether
                    ? TakeUpBlock(ref MemoryMarshal.GetArrayDataReference(counts!),
                        ref MemoryMarshal.GetArrayDataReference(inverse!), i, rules.TakeUpKey, rules.A, rules.B)
                    : 0;
                for (var m = visit; m != 0; m &= m - 1)
                {
                    var bit = 1u << BitOperations.TrailingZeroCount(m);
                    var k = i + BitOperations.TrailingZeroCount(m);
                    var code = (unreached & bit) != 0
                        ? drawnTogether ? (takes & bit) != 0 ? k : DecisionCode.NoChange : rules.TakeUpCode(k)
                        : (institutional & bit) != 0 ? rules.InstitutionalCode(k) : rules.MovementCode(k);
                    if (code != DecisionCode.NoChange)
                    {
                        buffer[count++] = code;
                    }
                }
            }
        }
        for (; i < end; i++)
        {
            var code = rules.Decide(state[i], i);
            if (code != DecisionCode.NoChange)
            {
                buffer[count++] = code;
            }
        }
        return count;
    }

    /// <summary>The decisions of one locality in one step, person by person (ODD 7.6.2); every draw is keyed by person.</summary>
    private readonly struct PersonRules
    {
        public PersonRules(World w, DeliveryScratch s, int l)
        {
            _group = w.PersonGroup;
            _form = w.PersonForm;
            _formFidelity = w.Forms.Fidelity;
            _propensity = w.GroupPropensity;
            _eligible = w.GroupEligible;
            _toleranceMin = w.ToleranceMin;
            _toleranceSpan = w.ToleranceSpan;
            A = s.Push[l];
            B = s.Imitation[l];
            _conversion = s.Conversion[l];
            // With one group and nobody moved by a target everyone takes up alike: its propensity (0 before it is
            // eligible) scales the rates here, once. Otherwise TakeUpCode scales each person's probability.
            Uniform = w.GroupCount == 1 && _conversion == 0;
            if (Uniform)
            {
                A *= _propensity[0];
                B *= _propensity[0];
            }
            TakeUp = !(A + B <= 0) || _conversion > 0;
            _counts = w.ReachedNeighbours;
            _inverse = w.InverseDegree;
            _completeShare = w.People > 1 ? (double)w.Reached / (w.People - 1) : 0;
            _dropInstitutional = s.DropInstitutional[l];
            _forcedInstitutional = s.ForcedInstitutional[l];
            _checkTolerance = s.CheckTolerance[l];
            _withdrawal = w.InstitutionCount > 0 && w.WithdrawalPending[l] && s.Review > 0;
            _offered = w.FormOffered;
            _offeredStart = l * w.Forms.Count;
            _review = s.Review;
            _forcedMovement = s.ForcedMovement;
            _completion = s.Completion;
            TakeUpKey = s.TakeUpKey;
            _conversionKey = s.ConversionKey;
            _dropKey = s.DropKey;
            _reviewKey = s.ReviewKey;
            _toleranceKey = s.ToleranceKey;
            InstitutionalMayChange = _forcedInstitutional > 0 || _checkTolerance || _withdrawal || _completion > 0;
            MovementMayLeave = _forcedMovement > 0 || _completion > 0;
        }

        private readonly byte[] _group;
        private readonly ushort[] _form;
        private readonly double[] _formFidelity;
        private readonly double[] _propensity;
        private readonly bool[] _eligible;
        private readonly double[] _toleranceMin, _toleranceSpan;
        private readonly int[]? _counts;
        private readonly float[]? _inverse;
        private readonly bool[] _offered;
        private readonly int _offeredStart;
        private readonly double _completeShare, _dropInstitutional, _forcedInstitutional, _forcedMovement, _conversion, _review, _completion;
        private readonly bool _checkTolerance, _withdrawal;
        private readonly ulong _conversionKey, _dropKey, _reviewKey, _toleranceKey;

        /// <summary>Per-step take-up probability from the push, and per unit share of neighbours reached (with one
        /// group, already scaled by its propensity).</summary>
        public double A { get; }
        public double B { get; }
        public ulong TakeUpKey { get; }
        /// <summary>Everyone unreached takes up with the same a + b s: one group and no target moving people.</summary>
        public bool Uniform { get; }
        public bool TakeUp { get; }
        public bool InstitutionalMayChange { get; }
        public bool MovementMayLeave { get; }

        /// <summary>An unreached person of an eligible group takes up with probability (a + b s) x propensity, where s is
        /// the share of their neighbours reached; failing that, a target moves them on with the locality's conversion
        /// probability.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int TakeUpCode(int i)
        {
            var g = _group[i];
            if (!_eligible[g])
            {
                return DecisionCode.NoChange;
            }
            var share = _counts is null ? _completeShare : _counts[i] * (double)_inverse![i];
            var probability = A + B * share;
            if (!Uniform)
            {
                probability *= _propensity[g];
            }
            if (RunRandom.Uniform(TakeUpKey, i) < probability)
            {
                return i;
            }
            return _conversion > 0 && RunRandom.Uniform(_conversionKey, i) < _conversion ? i | DecisionCode.Moved : DecisionCode.NoChange;
        }

        /// <summary>An institutional recipient leaves if dropped for capacity, if their episode ends, or (at the drop-out
        /// rate) if their form's fidelity is below their tolerance, these combining as independent hazards; otherwise,
        /// holding a form the institution withdrew, they re-choose if their review falls in this step.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int InstitutionalCode(int i)
        {
            var drop = Combined(_forcedInstitutional, _completion);
            if (_checkTolerance)
            {
                var g = _group[i];
                var tolerance = _toleranceMin[g] + _toleranceSpan[g] * RunRandom.Uniform(_toleranceKey, i);
                if (_formFidelity[_form[i]] < tolerance)
                {
                    drop = Combined(drop, _dropInstitutional);
                }
            }
            if (drop > 0 && RunRandom.Uniform(_dropKey, i) < drop)
            {
                return ~i;
            }
            return _withdrawal && !_offered[_offeredStart + _form[i]] && RunRandom.Uniform(_reviewKey, i) < _review
                ? i | DecisionCode.Rechooses
                : DecisionCode.NoChange;
        }

        /// <summary>A movement recipient leaves when the movement's capacity has shrunk below those it serves or their
        /// episode ends (independent hazards).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int MovementCode(int i)
        {
            var drop = Combined(_forcedMovement, _completion);
            return drop > 0 && RunRandom.Uniform(_dropKey, i) < drop ? ~i : DecisionCode.NoChange;
        }

        /// <summary>The probability that at least one of two independent events happens (the first alone, exactly, when
        /// the second cannot).</summary>
        private static double Combined(double a, double b) => b > 0 ? 1 - (1 - a) * (1 - b) : a;

        /// <summary>The code for person i in state <paramref name="state"/>.</summary>
        public int Decide(PersonState state, int i) => state switch
        {
            PersonState.Unreached => TakeUp ? TakeUpCode(i) : DecisionCode.NoChange,
            PersonState.Institution => InstitutionalMayChange ? InstitutionalCode(i) : DecisionCode.NoChange,
            _ => MovementMayLeave ? MovementCode(i) : DecisionCode.NoChange,
        };
    }
}
