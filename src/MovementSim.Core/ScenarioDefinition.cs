namespace MovementSim.Core;

/// <summary>A kind of organisation; <see cref="Count"/> instances of it exist (e.g. 150 councils).</summary>
/// <param name="Capacity">Share of its locality an institution can serve with the original form (cost 1); only institutions use it.</param>
/// <param name="AdoptionThreshold">Coalition pressure (0..1) an institution needs to adopt.</param>
/// <param name="AdoptedAtStart">Institutions of this kind have adopted (technically) before step 0.</param>
public sealed record OrganisationSpec(
    string Name,
    Position Position,
    OrganisationRole Role,
    int Count,
    double Capacity,
    double AdoptionThreshold,
    bool AdoptedAtStart);

/// <summary>A kind of actor; <see cref="CountPerOrganisation"/> of them sit in every instance of <see cref="Organisation"/>.</summary>
/// <param name="MotiveWeights">One weight per <see cref="Motive"/>, summing to 1.</param>
/// <param name="Resources">One amount per <see cref="ResourceKind"/>, each at least 0.</param>
/// <param name="InitialSupport">Support for the innovation at step 0, also the actor's core belief (0..1).</param>
/// <param name="FidelityTolerance">Lowest delivered fidelity an outside actor accepts without voice or exit (0..1).</param>
/// <param name="DecisionMaker">Its motives decide how its organisation adapts the innovation.</param>
/// <param name="Broker">Gets extra ties across positions and is listened to by all positions.</param>
public sealed record ArchetypeSpec(
    string Name,
    string Organisation,
    int CountPerOrganisation,
    IReadOnlyList<double> MotiveWeights,
    IReadOnlyList<double> Resources,
    double InitialSupport,
    double FidelityTolerance,
    bool DecisionMaker,
    bool Broker);

/// <summary>One way of delivering a component. The original has fidelity 1.</summary>
/// <param name="Cost">Unit cost relative to the original (original = 1).</param>
/// <param name="Appeal">How well it serves each <see cref="Motive"/> (0..1).</param>
public sealed record AlternativeSpec(string Name, double Fidelity, double Cost, IReadOnlyList<double> Appeal);

/// <summary>A part of the innovation, with its importance in fidelity and its alternatives (first = original).</summary>
public sealed record ComponentSpec(string Name, double Importance, IReadOnlyList<AlternativeSpec> Alternatives);

/// <summary>A scheduled event. <see cref="Target"/> is an organisation name or "all".</summary>
public sealed record EventSpec(double Year, EventKind Kind, string Target, double Value)
{
    /// <summary>What happened, in words, for charts and reports ("duty to offer"); null: the event's kind.</summary>
    public string? Label { get; init; }
}

/// <summary>Everything a run needs besides its seed. Built by the scenario loader or by hand in tests.</summary>
public sealed record ScenarioDefinition(
    string Name,
    ModelParameters Parameters,
    IReadOnlyList<OrganisationSpec> Organisations,
    IReadOnlyList<ArchetypeSpec> Archetypes,
    IReadOnlyList<ComponentSpec> Components,
    IReadOnlyList<EventSpec> Events)
{
    public const string AllTargets = "all";
}
