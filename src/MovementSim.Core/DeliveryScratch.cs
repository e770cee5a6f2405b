namespace MovementSim.Core;

/// <summary>
/// Per-locality offers and rates, per-step random keys and per-chunk candidate buffers for the delivery rule of one
/// world, allocated once per run so that a step allocates nothing. <see cref="Rules.PrepareOffers"/> fills the
/// per-step values; the decide and apply passes read them.
/// </summary>
public sealed class DeliveryScratch
{
    public DeliveryScratch(World w)
    {
        var l = w.LocalityCount;
        Push = new double[l];
        Imitation = new double[l];
        Conversion = new double[l];
        DropInstitutional = new double[l];
        ForcedInstitutional = new double[l];
        CheckTolerance = new bool[l];
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
        ChoiceKeys = new ulong[w.ComponentCount];
        RechoiceKeys = new ulong[w.ComponentCount];
        ToleranceKey = w.ToleranceKey;
        World = w;
        Passes = new DeliveryPasses(this);
    }

    /// <summary>The world these buffers belong to.</summary>
    public World World { get; }

    /// <summary>The passes of the delivery rule that may run on several threads.</summary>
    internal DeliveryPasses Passes { get; }

    // ---- Per locality, set by PrepareOffers ----
    /// <summary>Per-step take-up probability from the external push, p g dt (before group propensity).</summary>
    public double[] Push { get; }
    /// <summary>Per-step take-up probability per unit share of neighbours reached, q g dt (before group propensity).</summary>
    public double[] Imitation { get; }
    /// <summary>Per-step probability that an unreached eligible person is moved onto the institution's forms to meet a
    /// coverage target.</summary>
    public double[] Conversion { get; }
    /// <summary>Per-step drop-out probability of a recipient whose form's fidelity is below their tolerance.</summary>
    public double[] DropInstitutional { get; }
    /// <summary>Share of the institution's recipients dropped because its capacity shrank below what they use.</summary>
    public double[] ForcedInstitutional { get; }
    /// <summary>Some recipient of the institution may hold a form below their tolerance.</summary>
    public bool[] CheckTolerance { get; }
    public double[] InstitutionalSpare { get; }
    public double[] MovementSpare { get; }
    public double[] InstitutionalShare { get; }
    /// <summary>Institutional places: those served at the start of the step plus the spare places.</summary>
    public int[] Capacity { get; }
    /// <summary>Take-up candidates per locality in this step (voluntary and moved by targets).</summary>
    public int[] Demand { get; }

    // ---- Per step ----
    public double ForcedMovement { get; internal set; }
    public int MovementSlots { get; internal set; }
    /// <summary>Per-step probability that a recipient's episode of support ends.</summary>
    public double Completion { get; internal set; }
    /// <summary>Per-step probability that a recipient holding a withdrawn form has their review in this step.</summary>
    public double Review { get; internal set; }
    /// <summary>Some recipient may leave or re-choose this step, so every person, not only the unreached, needs a visit.</summary>
    public bool RecipientsMayChange { get; internal set; }
    public ulong TakeUpKey { get; internal set; }
    public ulong ConversionKey { get; internal set; }
    public ulong DropKey { get; internal set; }
    public ulong ReviewKey { get; internal set; }
    public ulong AcceptKey { get; internal set; }
    public ulong FormKey { get; internal set; }
    /// <summary>Keys of the per-component draws of a person choosing their form at take-up, and at review.</summary>
    public ulong[] ChoiceKeys { get; }
    public ulong[] RechoiceKeys { get; }
    public ulong ToleranceKey { get; }

    // ---- Per chunk ----
    /// <summary>Decision codes of each chunk, in person order (see <see cref="DecisionCode"/>).</summary>
    public int[][] Candidates { get; }
    public int[] CandidateCount { get; }
    /// <summary>Per chunk, how many of its candidates changed who is reached (kept at the front of its buffer).</summary>
    public int[] ChangeCount { get; }

    public int LocalityOf(int person) => World.LocalityOf(person);
}
