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
public sealed record AlternativeSpec(string Name, double Fidelity, double Cost, IReadOnlyList<double> Appeal)
{
    /// <summary>Year from which it exists and can be offered or chosen; null: always (the original must be).</summary>
    public double? AvailableFrom { get; init; }

    /// <summary>Year from which it no longer exists; null: never ends (the original must not end).</summary>
    public double? AvailableTo { get; init; }

    /// <summary>A right: an institution that has adopted must keep offering it while it exists (it may still steer
    /// people away from it).</summary>
    public bool Right { get; init; }

    /// <summary>Needs the institution's systems: an institution offers it, and can make it its default, only once it
    /// has built the systems for its coverage targets (<see cref="Rules.HasSystems"/>); where target_build_up is 0
    /// every institution has them.</summary>
    public bool NeedsSystems { get; init; }

    /// <summary>Effort it asks of the person (0..1): the chance that a person who would prefer it over the default,
    /// where it asks more than the default, is put off asking for it.</summary>
    public double PersonEffort { get; init; }

    /// <summary>Effort it asks of the institution's staff (0..1): scales how hard a steering institution turns back
    /// a request for it, where it asks more than the default.</summary>
    public double StaffEffort { get; init; }

    /// <summary>Whether it exists in the year that starts at <paramref name="year"/>.</summary>
    public bool IsAvailable(double year) =>
        (AvailableFrom is not { } from || year >= from - 1e-9) && (AvailableTo is not { } to || year < to - 1e-9);
}

/// <summary>Who picks the alternative of a component for a recipient.</summary>
public enum Chooser
{
    /// <summary>The person, from what the institution offers, steered by it (e.g. how the money is paid).</summary>
    Person,
    /// <summary>The institution: every recipient gets its default (e.g. how budgets are set).</summary>
    Institution,
}

/// <summary>A part of the innovation, with its importance in fidelity and its alternatives (first = original).</summary>
public sealed record ComponentSpec(string Name, double Importance, IReadOnlyList<AlternativeSpec> Alternatives)
{
    /// <summary>Who picks this component's alternative for each recipient.</summary>
    public Chooser ChosenBy { get; init; } = Chooser.Person;
}

/// <summary>A client group of the eligible population (e.g. older people, people with a learning disability).</summary>
/// <param name="Share">Its share of the eligible population (the groups' shares sum to 1).</param>
/// <param name="Propensity">Multiplier of the take-up hazards of its members (1 = as the parameters say).</param>
/// <param name="ToleranceMin">Lowest fidelity tolerance among its members (uniform between min and max).</param>
/// <param name="EligibleFrom">Year from which its members may receive the innovation; null: from the start.</param>
/// <param name="Suits">The alternatives that suit it, as "component/alternative"; null: all of them.</param>
public sealed record GroupSpec(
    string Name,
    double Share,
    double Propensity,
    double ToleranceMin,
    double ToleranceMax,
    double? EligibleFrom = null,
    IReadOnlyList<string>? Suits = null)
{
    /// <summary>The name of the one group of a scenario without a groups file; it has no group measures.</summary>
    public const string Everyone = "everyone";
}

/// <summary>The real number of eligible people in a year, to turn shares into counts, with where it was published
/// (kept so that a scenario written back out keeps its sources).</summary>
public readonly record struct PopulationPoint(double Year, double People, string Source = "", string Note = "");

/// <summary>A scheduled event. <see cref="Target"/> is an organisation name or "all".</summary>
public sealed record EventSpec(double Year, EventKind Kind, string Target, double Value)
{
    /// <summary>For a coverage target: the year by which the share <see cref="Value"/> is to be reached.</summary>
    public double? By { get; init; }

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

    /// <summary>Client groups; empty: one group, everyone, with the person_tolerance_* parameters and no
    /// group measures.</summary>
    public IReadOnlyList<GroupSpec> Groups { get; init; } = [];

    /// <summary>The real eligible population by year (interpolated linearly, constant beyond the ends); empty: the
    /// eligible_population parameter, or the simulated people when that is 0.</summary>
    public IReadOnlyList<PopulationPoint> EligiblePopulation { get; init; } = [];
}
