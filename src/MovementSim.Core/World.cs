namespace MovementSim.Core;

/// <summary>
/// The whole state of one run: organisations, actors, institutions and people, as flat arrays so the
/// rules can run over them without allocating. Built once by <see cref="WorldBuilder"/>; changed only
/// by the rules in <see cref="Rules"/>, called in order by <see cref="Simulation.Step"/>.
/// </summary>
public sealed class World
{
    internal World(ScenarioDefinition scenario, RunRandom random)
    {
        Scenario = scenario;
        P = scenario.Parameters;
        Random = random;
        Conversation = P.Conversation;
    }

    public ScenarioDefinition Scenario { get; }
    public ModelParameters P { get; }
    public RunRandom Random { get; }

    /// <summary>Steps completed so far; rules of the current step see the step being computed.</summary>
    public int StepIndex { get; internal set; }
    public double Year => P.StartYear + StepIndex * P.DtYears;

    /// <summary>Constructive conversation in force (raised by forums).</summary>
    public double Conversation { get; internal set; }

    // ---- The innovation ------------------------------------------------------------------
    public int ComponentCount => Scenario.Components.Count;
    /// <summary>Importance of each component divided by their sum.</summary>
    public double[] ComponentWeight { get; internal set; } = [];
    /// <summary>Appeal of each alternative to each motive, flattened per component: <c>AlternativeAppeal[k][a * MotiveCount + m]</c>.</summary>
    public double[][] AlternativeAppeal { get; internal set; } = [];
    /// <summary>Fidelity of each alternative: <c>AlternativeFidelity[k][a]</c>.</summary>
    public double[][] AlternativeFidelity { get; internal set; } = [];
    /// <summary>Unit cost of each alternative: <c>AlternativeCost[k][a]</c>.</summary>
    public double[][] AlternativeCost { get; internal set; } = [];
    /// <summary>Importance-weighted unit cost of the original form (the reference for relative cost).</summary>
    public double OriginalCost { get; internal set; }
    /// <summary>Effort each alternative asks of the person and of staff: <c>PersonEffort[k][a]</c>, <c>StaffEffort[k][a]</c>.</summary>
    public double[][] PersonEffort { get; internal set; } = [];
    public double[][] StaffEffort { get; internal set; } = [];
    /// <summary>Who picks each component's alternative for a recipient.</summary>
    public Chooser[] ChosenBy { get; internal set; } = [];
    /// <summary>Every form the innovation can take, with its fidelity and relative cost; people hold form codes.</summary>
    public FormTable Forms { get; internal set; } = null!;
    /// <summary>Whether each alternative exists in the current step: <c>Available[k][a]</c> (updated by adaptation).</summary>
    public bool[][] Available { get; internal set; } = [];

    // ---- Organisation instances ----------------------------------------------------------
    public int OrgCount { get; internal set; }
    public int[] OrgSpec { get; internal set; } = [];
    public Position[] OrgPosition { get; internal set; } = [];
    public OrganisationRole[] OrgRole { get; internal set; } = [];
    /// <summary>Chosen alternative per organisation and component: <c>Form[o * ComponentCount + k]</c>. Outside and grey organisations keep the original (0).</summary>
    public int[] Form { get; internal set; } = [];
    public double[] FormFidelity { get; internal set; } = [];
    /// <summary>Unit cost of the form relative to the original.</summary>
    public double[] FormCost { get; internal set; } = [];
    /// <summary>Appeal of the form to each motive: <c>FormAppeal[o * MotiveCount + m]</c>.</summary>
    public double[] FormAppeal { get; internal set; } = [];
    /// <summary>Co-production voice in each organisation's choice (before the coproduction weight), 0..1.</summary>
    public double[] Voice { get; internal set; } = [];
    /// <summary>Actors of each organisation: <c>OrgActors.Neighbours(o)</c>.</summary>
    public Graph OrgActors { get; internal set; } = null!;
    /// <summary>Actors with access to each organisation: its members, their ties, and government actors.</summary>
    public Graph Access { get; internal set; } = null!;

    // ---- Institutions (organisation instances with role Institution) ---------------------
    public int InstitutionCount => InstOrg.Length;
    public int[] InstOrg { get; internal set; } = [];
    /// <summary>Institution index of each organisation instance, -1 for organisations that are not institutions.</summary>
    public int[] OrgInstitution { get; internal set; } = [];
    public bool[] Adopted { get; internal set; } = [];
    public AdoptionMode[] Mode { get; internal set; } = [];
    public double[] Threshold { get; internal set; } = [];
    /// <summary>Budget multiplier of capacity (1 until a budget shock).</summary>
    public double[] BudgetFactor { get; internal set; } = [];
    public double[] Mandate { get; internal set; } = [];
    public double[] Pressure { get; internal set; } = [];
    /// <summary>People of locality j are <c>LocalityStart[j] .. LocalityStart[j+1]-1</c>; with no institutions there is one locality.</summary>
    public int[] LocalityStart { get; internal set; } = [];
    /// <summary>People served by each institution in its locality.</summary>
    public int[] Served { get; internal set; } = [];
    /// <summary>Step at which each institution adopted (-1 before adoption, 0 for adopted at the start).</summary>
    public int[] AdoptedStep { get; internal set; } = [];
    /// <summary>Alternatives each adopted institution offers, a bit per alternative: <c>Menu[j * ComponentCount + k]</c>;
    /// its default (<see cref="Form"/>) is always among them. 0 before adoption.</summary>
    public uint[] Menu { get; internal set; } = [];
    /// <summary>Whether institution j offers form c (every component's alternative is on its menu):
    /// <c>FormOffered[j * Forms.Count + c]</c>.</summary>
    public bool[] FormOffered { get; internal set; } = [];
    /// <summary>Some recipient of institution j holds a form it no longer offers, and re-chooses at review.</summary>
    public bool[] WithdrawalPending { get; internal set; } = [];
    /// <summary>How hard institution j steers people to its default (0..1): gatekeeping plus target pressure.</summary>
    public double[] Steering { get; internal set; } = [];
    /// <summary>Coverage target in force: share of the locality to reach (0: none), and the year to reach it by.</summary>
    public double[] TargetShare { get; internal set; } = [];
    public double[] TargetYear { get; internal set; } = [];
    /// <summary>How fully each institution pursues a coverage target (0..1), fixed for the run.</summary>
    public double[] Compliance { get; internal set; } = [];
    /// <summary>What each institution has built towards a coverage target since it first came under one (0..1): its
    /// systems (allocation system, payment and finance arrangements), then its capacity, the share of its reviews
    /// that can move people onto its forms (staff trained in them, rolled out across its teams).</summary>
    public double[] TargetSystems { get; internal set; } = [];
    public double[] TargetCapacity { get; internal set; } = [];
    /// <summary>Delivery pressure on each institution (0..1): the larger of its target's relative shortfall times its
    /// compliance, and the share of last step's demand for its places that it could not meet.</summary>
    public double[] DeliveryPressure { get; internal set; } = [];
    /// <summary>Workforce posts each institution is funded for, and those filled (in real full-time posts).</summary>
    public double[] FundedWorkers { get; internal set; } = [];
    public double[] Workers { get; internal set; } = [];
    /// <summary>Take-up candidates each institution's locality had in the last step, and the institutional places it
    /// had open for them; their difference is unmet demand.</summary>
    public int[] LastDemand { get; internal set; } = [];
    public double[] LastSpare { get; internal set; } = [];

    // ---- Actors ---------------------------------------------------------------------------
    public int ActorCount => ActorOrg.Length;
    public int[] ActorOrg { get; internal set; } = [];
    public int[] ActorArchetype { get; internal set; } = [];
    /// <summary><c>Weights[i * MotiveCount + m]</c>, each row summing to 1.</summary>
    public double[] Weights { get; internal set; } = [];
    /// <summary><c>Resources[i * ResourceCount + r]</c>.</summary>
    public double[] Resources { get; internal set; } = [];
    public double[] Support { get; internal set; } = [];
    /// <summary>Policy-core belief: sticky, set at the start and by leadership change.</summary>
    public double[] CoreBelief { get; internal set; } = [];
    public double[] Appraisal { get; internal set; } = [];
    public bool[] Member { get; internal set; } = [];
    public bool[] DecisionMaker { get; internal set; } = [];
    public bool[] Broker { get; internal set; } = [];
    /// <summary>Lowest delivered fidelity an actor accepts (used for outside actors' response).</summary>
    public double[] FidelityTolerance { get; internal set; } = [];
    public Stance[] Stance { get; internal set; } = [];
    public Graph ActorTies { get; internal set; } = null!;

    // ---- Client groups ---------------------------------------------------------------------
    /// <summary>The scenario's groups, or the one group "everyone" when it has none.</summary>
    public IReadOnlyList<GroupSpec> Groups { get; internal set; } = [];
    public int GroupCount => Groups.Count;
    /// <summary>Alternatives that suit each group, a bit per alternative: <c>Suits[g * ComponentCount + k]</c>.</summary>
    public uint[] Suits { get; internal set; } = [];
    /// <summary>Each group's lowest tolerance, and the width of its tolerance range (a person's tolerance is
    /// min + span x their keyed draw).</summary>
    public double[] ToleranceMin { get; internal set; } = [];
    public double[] ToleranceSpan { get; internal set; } = [];
    /// <summary>Key of every person's tolerance draw (one stream, fixed for the run).</summary>
    public ulong ToleranceKey { get; internal set; }
    /// <summary>Whether each group is eligible in the current step (from its eligible_from year).</summary>
    public bool[] GroupEligible { get; internal set; } = [];
    /// <summary>Take-up multiplier of each group in the current step: its propensity once eligible, 0 before.</summary>
    public double[] GroupPropensity { get; internal set; } = [];

    // ---- People ---------------------------------------------------------------------------
    public int People => P.People;
    public PersonState[] PersonState { get; internal set; } = [];
    /// <summary>The form each recipient receives (a code of <see cref="Forms"/>); meaningless while unreached.</summary>
    public ushort[] PersonForm { get; internal set; } = [];
    /// <summary>The highest-fidelity form each person has received so far (<see cref="FormTable.None"/> if never).</summary>
    public ushort[] BestForm { get; internal set; } = [];
    /// <summary>Each person's client group.</summary>
    public byte[] PersonGroup { get; internal set; } = [];
    /// <summary>Number of reached neighbours of each person (null with complete mixing).</summary>
    public int[]? ReachedNeighbours { get; internal set; }
    /// <summary>1 / degree, 0 for isolated people (null with complete mixing).</summary>
    public float[]? InverseDegree { get; internal set; }
    public Graph? PeopleTies { get; internal set; }

    public int MovementServed { get; internal set; }
    public int InstitutionServed { get; internal set; }
    /// <summary>Recipients by provider and form: <c>ProviderForm[j * Forms.Count + c]</c> for institution j, and row
    /// <see cref="InstitutionCount"/> for the movement.</summary>
    public int[] ProviderForm { get; internal set; } = [];
    /// <summary>Recipients by group and form: <c>GroupForm[g * Forms.Count + c]</c>.</summary>
    public int[] GroupForm { get; internal set; } = [];
    /// <summary>Recipients of each group whose form is of lower fidelity than the best they have had.</summary>
    public int[] GroupLost { get; internal set; } = [];
    /// <summary>Person i's fidelity tolerance: the lowest fidelity they accept without leaving, fixed for the run.</summary>
    public double Tolerance(int i) =>
        ToleranceMin[PersonGroup[i]] + ToleranceSpan[PersonGroup[i]] * RunRandom.Uniform(ToleranceKey, i);

    /// <summary>People who started receiving a form in the last step, and of them those who started with an
    /// institution's.</summary>
    public int TakeUps { get; internal set; }
    public int InstitutionalTakeUps { get; internal set; }
    public int Reached => MovementServed + InstitutionServed;
    /// <summary>Movement capacity as a share of the population.</summary>
    public double MovementCapacity { get; internal set; }

    /// <summary>Support at the start of the influence rule (all actors update from it); reused every step.</summary>
    internal double[] PreviousSupport { get; set; } = [];
    /// <summary>Peer share adopted of each institution at the start of the adoption rule; reused every step.</summary>
    internal double[] PeerShare { get; set; } = [];

    public int LocalityCount => LocalityStart.Length - 1;

    /// <summary>The locality of a person (and so, with institutions, the index of the institution serving them).</summary>
    public int LocalityOf(int person)
    {
        var idx = Array.BinarySearch(LocalityStart, person);
        if (idx < 0)
        {
            return ~idx - 1;
        }
        // Empty localities share a start: take the last one starting here.
        while (idx + 1 < LocalityStart.Length - 1 && LocalityStart[idx + 1] == person)
        {
            idx++;
        }
        return idx;
    }

    public int ActorCountInPosition(Position p)
    {
        var n = 0;
        for (var i = 0; i < ActorCount; i++)
        {
            if (OrgPosition[ActorOrg[i]] == p)
            {
                n++;
            }
        }
        return n;
    }
}
