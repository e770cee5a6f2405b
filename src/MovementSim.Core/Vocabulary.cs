namespace MovementSim.Core;

/// <summary>What an actor can be moved by. The source's four alternatives to person-centred care
/// (money-, provider-, process- and professionally-driven) are Money, Organisation, Process and
/// Profession winning over Rights.</summary>
public enum Motive
{
    Rights,
    Money,
    Organisation,
    Process,
    Profession,
    Career,
    Pragmatism,
}

/// <summary>Kinds of resource a coalition needs together to carry change (complementarity).</summary>
public enum ResourceKind
{
    Authority,
    Budget,
    Legitimacy,
    Delivery,
    Knowledge,
}

/// <summary>Where an organisation stands relative to the system.</summary>
public enum Position
{
    Inside,
    Grey,
    Outside,
}

/// <summary>What an organisation does in the model.</summary>
public enum OrganisationRole
{
    /// <summary>Central government: its actors have access to every institution (mandates are scheduled events).</summary>
    Government,
    /// <summary>Local institution (council, NHS body) that adopts, adapts and delivers at scale to one locality.</summary>
    Institution,
    /// <summary>User-led organisation or campaign: keeps the original form (the movement's delivery is one shared capacity).</summary>
    Movement,
    /// <summary>Voluntary sector, providers: keeps the original form and delivers nothing itself (brokerage comes from actors' broker flag).</summary>
    Intermediary,
}

/// <summary>Why an institution adopted (Tolbert and Zucker 1983; DiMaggio and Powell 1983).</summary>
public enum AdoptionMode : byte
{
    None = 0,
    Technical = 1,
    Legitimacy = 2,
    Coerced = 3,
}

/// <summary>What a person receives. Stored as one byte per person; the take-up kernels compare the bytes in bulk.</summary>
public enum PersonState : byte
{
    /// <summary>Neither form: the status quo (traditional services).</summary>
    Unreached = 0,
    /// <summary>The movement's own form: the original in every component.</summary>
    Movement = 1,
    /// <summary>A form offered by the institution of the person's locality.</summary>
    Institution = 2,
}

/// <summary>Hirschman's responses of an outside actor to the fidelity it sees delivered.</summary>
public enum Stance : byte
{
    Loyalty = 0,
    Voice = 1,
    Exit = 2,
}

public enum NetworkKind
{
    Complete,
    Random,
    SmallWorld,
    ScaleFree,
}

public enum BenefitFunction
{
    Linear,
    Threshold,
}

public enum EventKind
{
    Mandate,
    BudgetShock,
    Forum,
    LeadershipChange,
    MovementFunding,
    /// <summary>A share of eligible people each targeted institution must reach by a date (acts after adoption).</summary>
    CoverageTarget,
    /// <summary>Workforce posts funded per real institution of the targeted kind (replaces earlier funding).</summary>
    WorkforceFunding,
}

/// <summary>The names used in files and on the command line for the model's vocabularies.</summary>
public static class Names
{
    public static readonly int MotiveCount = Enum.GetValues<Motive>().Length;
    public static readonly int ResourceCount = Enum.GetValues<ResourceKind>().Length;
    public static readonly int PositionCount = Enum.GetValues<Position>().Length;

    public static string Of(Motive m) => m.ToString().ToLowerInvariant();
    public static string Of(ResourceKind r) => r.ToString().ToLowerInvariant();
    public static string Of(Position p) => p.ToString().ToLowerInvariant();
    public static string Of(OrganisationRole r) => r.ToString().ToLowerInvariant();
    public static string Of(AdoptionMode m) => m.ToString().ToLowerInvariant();
    public static string Of(NetworkKind n) => n switch
    {
        NetworkKind.Complete => "complete",
        NetworkKind.Random => "random",
        NetworkKind.SmallWorld => "small_world",
        NetworkKind.ScaleFree => "scale_free",
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };
    public static string Of(BenefitFunction b) => b.ToString().ToLowerInvariant();
    public static string Of(Chooser c) => c.ToString().ToLowerInvariant();
    public static string Of(EventKind e) => e switch
    {
        EventKind.Mandate => "mandate",
        EventKind.BudgetShock => "budget_shock",
        EventKind.Forum => "forum",
        EventKind.LeadershipChange => "leadership_change",
        EventKind.MovementFunding => "movement_funding",
        EventKind.CoverageTarget => "coverage_target",
        EventKind.WorkforceFunding => "workforce_funding",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static IReadOnlyList<string> AllOf<T>(Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(name).ToArray();

    public static IReadOnlyList<string> Motives => AllOf<Motive>(Of);
    public static IReadOnlyList<string> Resources => AllOf<ResourceKind>(Of);
    public static IReadOnlyList<string> Positions => AllOf<Position>(Of);
    public static IReadOnlyList<string> Roles => AllOf<OrganisationRole>(Of);
    public static IReadOnlyList<string> Networks => AllOf<NetworkKind>(Of);
    public static IReadOnlyList<string> Events => AllOf<EventKind>(Of);
    public static IReadOnlyList<string> BenefitFunctions => AllOf<BenefitFunction>(Of);
    public static IReadOnlyList<string> Choosers => AllOf<Chooser>(Of);

    public static bool TryParse<T>(string text, Func<T, string> name, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(name(v), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
