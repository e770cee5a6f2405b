using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>How a column's text is read.</summary>
public enum ColumnKind
{
    /// <summary>A new name: letters, digits, '_' and '-'.</summary>
    Name,
    /// <summary>The name of something defined elsewhere (an organisation, a component, a parameter).</summary>
    Reference,
    /// <summary>One of a fixed list of words.</summary>
    Choice,
    /// <summary>A plain decimal number (no comma, exponent, NaN or infinity).</summary>
    Real,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>0 or 1 (true or false also accepted).</summary>
    Flag,
    /// <summary>Text whose meaning depends on another column (a parameter's value).</summary>
    Text,
}

/// <summary>
/// One column of a scenario file. The loader validates against it, the writer writes its header from it,
/// and scenarios/README.md is generated from it, so the three cannot drift apart.
/// </summary>
/// <param name="Min">Lowest valid value of a number column (exclusive when <paramref name="MinExclusive"/>).</param>
/// <param name="Max">Highest valid value of a number column (exclusive when <paramref name="MaxExclusive"/>).</param>
/// <param name="AllowedText">What is allowed, when the kind and range alone do not say it.</param>
/// <param name="Optional">The header may leave the column out, and a row may leave it empty; either means the
/// meaning's stated default.</param>
public sealed record ColumnFormat(
    string Name,
    ColumnKind Kind,
    string Meaning,
    string Unit = "",
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    bool MinExclusive = false,
    bool MaxExclusive = false,
    IReadOnlyList<string>? Choices = null,
    string? AllowedText = null,
    bool Optional = false)
{
    /// <summary>What a valid value looks like, in words, as error messages and the README say it.</summary>
    public string Allowed => AllowedText ?? Kind switch
    {
        ColumnKind.Name => "a name of letters, digits, '_' and '-'",
        ColumnKind.Choice => "one of " + string.Join(", ", Choices!),
        ColumnKind.Flag => "0 or 1 (true or false also accepted)",
        ColumnKind.Real => ("a number " + RangeWords()).TrimEnd(),
        ColumnKind.Integer => ("a whole number " + RangeWords()).TrimEnd(),
        _ => "text",
    };

    public bool InRange(double v) =>
        (MinExclusive ? v > Min : v >= Min) && (MaxExclusive ? v < Max : v <= Max);

    private string RangeWords()
    {
        var lowOpen = double.IsNegativeInfinity(Min);
        var highOpen = double.IsPositiveInfinity(Max);
        var min = PlainNumber.Format(lowOpen ? 0 : Min);
        var max = PlainNumber.Format(highOpen ? 0 : Max);
        return (lowOpen, highOpen) switch
        {
            (true, true) => "",
            (false, true) => MinExclusive ? $"greater than {min}" : $"of at least {min}",
            (true, false) => MaxExclusive ? $"below {max}" : $"of at most {max}",
            _ => (MinExclusive, MaxExclusive) switch
            {
                (false, false) => $"from {min} to {max}",
                (false, true) => $"from {min} up to but not including {max}",
                (true, false) => $"greater than {min}, up to {max}",
                _ => $"strictly between {min} and {max}",
            },
        };
    }
}

/// <summary>One input file (of a scenario folder, or a sweep, ranges or observations file) and its columns, in the order the writer writes them.</summary>
/// <param name="Required">The folder (or one of its bases) must have it.</param>
/// <param name="OtherColumnsAllowed">Columns the format does not name are allowed and ignored (notes a user keeps beside the data).</param>
public sealed record FileFormat(string Name, bool Required, string Meaning, IReadOnlyList<ColumnFormat> Columns, bool OtherColumnsAllowed = false)
{
    public string HeaderLine => string.Join(',', Columns.Select(c => c.Name));

    /// <summary>The header as messages show it: optional columns in brackets.</summary>
    public string HeaderShape => string.Join(',', Columns.Where(c => !c.Optional).Select(c => c.Name))
        + string.Concat(Columns.Where(c => c.Optional).Select(c => $"[,{c.Name}]"));

    public ColumnFormat this[string column] => Columns.First(c => c.Name == column);
}

/// <summary>The valid values of one kind of event.</summary>
/// <param name="TargetsAll">The event acts on everyone: its target must be "all".</param>
public sealed record EventFormat(EventKind Kind, double Min, double Max, bool MaxExclusive, bool TargetsAll, string ValueMeaning)
{
    public string Name => Names.Of(Kind);

    /// <summary>The value column as this kind of event reads it: its own range, named in error messages.</summary>
    public ColumnFormat ValueColumn
    {
        get
        {
            var column = new ColumnFormat("value", ColumnKind.Real, ValueMeaning, Min: Min, Max: Max, MaxExclusive: MaxExclusive);
            return column with { AllowedText = $"{column.Allowed} for {Name} events" };
        }
    }
}

/// <summary>
/// The scenario folder format: file names, columns, meanings and valid values. This is the one place the
/// format is written down in code; scenarios/README.md is generated from it (a test keeps them equal).
/// </summary>
public static class ScenarioFormat
{
    public const string ParametersFile = "parameters.csv";
    public const string OrganisationsFile = "organisations.csv";
    public const string ActorsFile = "actors.csv";
    public const string ComponentsFile = "components.csv";
    public const string AlternativesFile = "alternatives.csv";
    public const string EventsFile = "events.csv";
    public const string GroupsFile = "groups.csv";
    public const string PopulationFile = "population.csv";

    /// <summary>Separator of the alternatives listed in a group's suits column.</summary>
    public const char ListSeparator = ';';

    /// <summary>How far from 1 the groups' shares may sum.</summary>
    public const double ShareSumTolerance = 1e-6;

    /// <summary>The design of experiments batch reads (scenarios/SWEEP.md) and the analyses' ranges: other tools' files.</summary>
    public const string SweepFile = "sweep.csv";
    public const string RangesFile = "ranges.csv";

    /// <summary>The reserved row of parameters.csv that names the scenario this one is a variant of.</summary>
    public const string BaseRow = "base";

    /// <summary>Files other tools own (batch and the analyses); the loader leaves them alone.</summary>
    public static readonly IReadOnlyList<string> OtherToolsFiles = [SweepFile, RangesFile];

    /// <summary>Longest distance from 1 that a motive profile's weights may sum to.</summary>
    public const double WeightSumTolerance = 1e-6;

    private static readonly Dictionary<string, string> MotiveMeaning = new(StringComparer.Ordinal)
    {
        ["rights"] = "choice and control for the person: the innovation's original purpose",
        ["money"] = "budgets and savings",
        ["organisation"] = "survival and growth of one's own organisation; provider-centred",
        ["process"] = "compliance, paperwork and IT systems",
        ["profession"] = "professional judgement and control",
        ["career"] = "visibility and promotion",
        ["pragmatism"] = "a fix that works",
    };

    private static readonly Dictionary<string, string> ResourceMeaning = new(StringComparer.Ordinal)
    {
        ["authority"] = "formal authority: power to decide or direct",
        ["budget"] = "money to spend",
        ["legitimacy"] = "legitimacy of lived experience",
        ["delivery"] = "capacity to deliver services",
        ["knowledge"] = "knowledge of and access to the system",
    };

    private static string Describe(Dictionary<string, string> table, string name) =>
        table.TryGetValue(name, out var meaning) ? meaning : name;

    public static readonly FileFormat Parameters = new(ParametersFile, false,
        "Scalar parameters by name; every parameter not listed keeps its default. The reserved row "
        + "`base,<folder>` makes this scenario a variant of another folder (see *Variants* below).",
        [
            new("parameter", ColumnKind.Reference,
                "Snake_case name of a parameter (see the parameter table below), or `base`.",
                AllowedText: "a parameter name from the table below, or base"),
            new("value", ColumnKind.Text,
                "The parameter's value in its unit; for `base`, the folder of the base scenario, relative to this folder's parent.",
                AllowedText: "as the parameter's range says; for base, a folder path"),
        ]);

    public static readonly FileFormat Organisations = new(OrganisationsFile, true,
        "Kinds of organisation (at least one). Each row stands for `count` identical organisations (e.g. 150 councils).",
        [
            new("organisation", ColumnKind.Name, "Name of the kind of organisation; unique in the file. `all` is reserved."),
            new("position", ColumnKind.Choice, "Where it stands relative to the system.", Choices: Names.Positions),
            new("role", ColumnKind.Choice,
                "What it does: government's actors reach every institution (mandates themselves are events); institution adopts, "
                + "adapts and delivers at scale to its locality; movement and intermediary keep the original form and deliver nothing "
                + "themselves (the movement's delivery is one shared capacity, see movement_capacity; brokering comes from actors' broker flag).",
                Choices: Names.Roles),
            new("count", ColumnKind.Integer, "Number of organisations of this kind.", "organisations", Min: 1),
            new("capacity", ColumnKind.Real,
                "Share of its locality an institution can serve with the original form (unit cost 1); used only by institutions.",
                "share of locality", Min: 0, Max: 1),
            new("adoption_threshold", ColumnKind.Real, "Coalition pressure an institution needs to adopt.", "pressure", Min: 0, Max: 1),
            new("adopted_at_start", ColumnKind.Flag, "1: institutions of this kind have adopted (technically) before step 0; ignored when institutional_adoption is 0."),
        ]);

    public static readonly FileFormat Actors = new(ActorsFile, true,
        "Kinds of actor (archetypes). `count` actors of the kind sit in every organisation of its kind. "
        + "May hold only the header (no actors).",
        [
            new("archetype", ColumnKind.Name, "Name of the archetype (e.g. commissioner); unique in the file."),
            new("organisation", ColumnKind.Reference, "The kind of organisation the actors belong to.",
                AllowedText: "the organisation name of a row of organisations.csv"),
            new("count", ColumnKind.Integer, "Actors of this archetype in each organisation of that kind.", "actors per organisation", Min: 0),
            .. Names.Motives.Select(m => new ColumnFormat("w_" + m, ColumnKind.Real,
                $"Weight of the {m} motive ({Describe(MotiveMeaning, m)}) in the archetype's motivation profile. "
                + "The w_ columns of a row must sum to 1.", "weight", Min: 0)),
            .. Names.Resources.Select(r => new ColumnFormat("r_" + r, ColumnKind.Real,
                $"Amount of the {r} resource ({Describe(ResourceMeaning, r)}) each actor holds.", "resource units", Min: 0)),
            new("initial_support", ColumnKind.Real, "Support for the innovation at step 0 (each actor drawn around it, see support_noise); also the actor's sticky core belief.",
                "support", Min: 0, Max: 1),
            new("fidelity_tolerance", ColumnKind.Real,
                "Lowest delivered fidelity an outside actor accepts without voice or exit.", "fidelity", Min: 0, Max: 1),
            new("decision_maker", ColumnKind.Flag, "1: its motives decide how its organisation adapts the innovation."),
            new("broker", ColumnKind.Flag, "1: gets extra ties across positions and is listened to by all positions."),
        ]);

    public static readonly FileFormat Components = new(ComponentsFile, true,
        "The parts of the innovation (at least one). Fidelity of a delivered form is the importance-weighted mean of "
        + "its chosen alternatives' fidelity.",
        [
            new("component", ColumnKind.Name, "Name of the component (e.g. payment); unique in the file."),
            new("importance", ColumnKind.Real, "Relative weight of the component in fidelity.", "weight", Min: 0, MinExclusive: true),
            new("chosen_by", ColumnKind.Choice,
                "Who picks a recipient's alternative: `person` (from what the institution offers, steered by it; the default) or "
                + "`institution` (every recipient gets its default, e.g. how budgets are set).",
                Choices: Names.Choosers, Optional: true),
        ]);

    public static readonly FileFormat Alternatives = new(AlternativesFile, true,
        "Ways of delivering each component. The first row of a component is its original form and must have fidelity 1; "
        + "every component of components.csv needs at least one row.",
        [
            new("component", ColumnKind.Reference, "The component this is an alternative for.",
                AllowedText: "the component name of a row of components.csv"),
            new("alternative", ColumnKind.Name, "Name of the alternative (e.g. notional_budget); unique within its component."),
            new("fidelity", ColumnKind.Real, "How much of the original this alternative keeps (1 for the original).", "fidelity",
                Min: 0, Max: 1),
            new("cost", ColumnKind.Real, "Unit cost relative to the original (original = 1).", "relative cost", Min: 0, MinExclusive: true),
            .. Names.Motives.Select(m => new ColumnFormat("appeal_" + m, ColumnKind.Real,
                $"How well the alternative serves the {m} motive ({Describe(MotiveMeaning, m)}).", "appeal", Min: 0, Max: 1)),
            new("available_from", ColumnKind.Real,
                "Year from which the alternative exists and can be offered or chosen; empty: always. An original must exist from start_year.",
                "year", Optional: true),
            new("available_to", ColumnKind.Real,
                "Year from which it no longer exists (after available_from); empty: never ends. An original cannot end.",
                "year", Optional: true),
            new("right", ColumnKind.Flag,
                "1: a right: an institution that has adopted must keep offering it while it exists, though it may steer people away "
                + "from it; empty or 0: not a right.", Optional: true),
            new("needs_systems", ColumnKind.Flag,
                "1: an institution offers it, or makes it its default, only once it has built the systems for its coverage targets "
                + "(see target_build_up; with target_build_up 0 every institution has them); empty or 0: it needs none.", Optional: true),
            new("person_effort", ColumnKind.Real,
                "Effort it asks of the person: the chance that someone who would rather have it than the default, where it asks "
                + "more than the default, is put off asking; empty: 0.", "probability", Min: 0, Max: 1, Optional: true),
            new("staff_effort", ColumnKind.Real,
                "Effort it asks of the institution's staff: scales how often a steering institution turns back a request for it, "
                + "where it asks more than the default; empty: 0.", "factor", Min: 0, Max: 1, Optional: true),
        ]);

    /// <summary>Valid values of each event kind, in the order of <see cref="EventKind"/>.</summary>
    public static readonly IReadOnlyList<EventFormat> EventKinds =
    [
        new(EventKind.Mandate, 0, 1, false, false,
            "strength of the mandate (at 1, institutions adopt at the hazard mandate_compliance_rate)"),
        new(EventKind.BudgetShock, 0, 1, true, false,
            "size of the cut (capacity down, weight of the money motive up)"),
        new(EventKind.Forum, 0, 1, false, true,
            "rise of the constructive-conversation level (capped at 1): how much actors and organisations hear other positions"),
        new(EventKind.LeadershipChange, 0, 1, false, false,
            "probability that each decision maker of the target is replaced by a fresh draw of its archetype"),
        new(EventKind.MovementFunding, 0, 1, false, true,
            "funding for the movement's own capacity"),
        new(EventKind.CoverageTarget, 0, 1, false, false,
            "share of eligible people each targeted institution is to have on its forms by the year in `by` (replaces an earlier "
            + "target; 0 lifts it); acts on institutions that have adopted, moving people at their reviews as fast as their "
            + "compliance and the capacity they have built since their first target allow (target_build_up)"),
        new(EventKind.WorkforceFunding, 0, 1000, false, false,
            "full-time workforce posts funded per real institution of the target (replaces earlier funding; adopted institutions "
            + "fill them at recruitment_rate; see caseload and real_institutions)"),
    ];

    public static EventFormat EventFormatOf(EventKind kind) => EventKinds.First(e => e.Kind == kind);

    public static readonly FileFormat Events = new(EventsFile, false,
        "Scheduled events. Optional; a file with only the header means no events (and hides a base's events).",
        [
            new("year", ColumnKind.Real,
                "Calendar year the event happens; fractions allowed (2003.25 is April 2003).", "year",
                AllowedText: "a year from start_year up to but not including start_year + steps × dt_years"),
            new("event", ColumnKind.Choice, "Kind of event.", Choices: Names.Events),
            new("target", ColumnKind.Reference, "The kind of organisation it acts on, or `all`.",
                AllowedText: "the organisation name of a row of organisations.csv, or all (forum and movement_funding: all only)"),
            new("value", ColumnKind.Real, "Size of the event; its meaning and range depend on the event (see the table below).",
                AllowedText: "a number in the event's range (see the table below)"),
            new("by", ColumnKind.Real, "For coverage_target only (required there): the year by which the target is to be met.",
                "year", AllowedText: "a year at or after the event's year, for coverage_target; empty for every other event", Optional: true),
            new("label", ColumnKind.Text, "What happened, in a few words, for the markers on charts and the report (e.g. duty to offer); empty: the event's kind. A label too long for its place on a chart shows its date alone there (the caption names it in full).",
                AllowedText: "any text", Optional: true),
        ]);

    public static readonly FileFormat Groups = new(GroupsFile, false,
        "Client groups of the eligible population. Optional: without it (or with only its header) everyone is one group whose "
        + "tolerance is set by person_tolerance_min and person_tolerance_max. Each person belongs to one group, drawn at random "
        + "with the groups' shares, which must sum to 1. Measures are reported per group as well as overall.",
        [
            new("group", ColumnKind.Name, "Name of the group (e.g. older_people); unique in the file."),
            new("share", ColumnKind.Real, "Its share of the eligible population.", "share", Min: 0, Max: 1, MinExclusive: true),
            new("propensity", ColumnKind.Real, "Multiplier of its members' own take-up hazards (1: as external_influence and imitation say).",
                "factor", Min: 0, Max: 100),
            new("tolerance_min", ColumnKind.Real, "Lowest fidelity tolerance among its members (uniform between min and max).",
                "fidelity", Min: 0, Max: 1),
            new("tolerance_max", ColumnKind.Real, "Highest fidelity tolerance among its members (at least tolerance_min).",
                "fidelity", Min: 0, Max: 1),
            new("eligible_from", ColumnKind.Real, "Year from which its members may receive the innovation; empty: from the start.",
                "year", Optional: true),
            new("suits", ColumnKind.Text,
                "The alternatives that suit the group, separated by ';', each written `alternative` or `component/alternative`; a "
                + "component none of whose listed alternatives is offered falls back to all it offers. Empty: every alternative suits.",
                AllowedText: "empty, or alternative names of alternatives.csv separated by ';'", Optional: true),
        ]);

    public static readonly FileFormat Population = new(PopulationFile, false,
        "The real number of eligible people, year by year, so that every share also has a count of people (the people_* "
        + "measures). Interpolated linearly between rows and constant beyond the first and last. Optional: without it, the "
        + "eligible_population parameter, or the simulated people when that is 0.",
        [
            new("year", ColumnKind.Real, "Calendar year of the figure (fractions allowed); rows in increasing year.", "year"),
            new("people", ColumnKind.Real, "Eligible people in that year.", "persons", Min: 0, MinExclusive: true),
            new("source", ColumnKind.Text, "Where the figure was published (publication, date, table).", Optional: true),
            new("note", ColumnKind.Text, "Its definition, and any break in definition.", Optional: true),
        ]);

    /// <summary>Every file the model is built from, in the order the loader reads them (and the writer writes them).</summary>
    public static readonly IReadOnlyList<FileFormat> Files = [Parameters, Organisations, Actors, Components, Alternatives, Events, Groups, Population];

    /// <summary>The observations a scenario may ship: read and checked by the loader, but not part of the model.</summary>
    public static FileFormat Observed => ObservedFile.Format;

    /// <summary>Every file of a scenario folder that scenarios/README.md documents and the loader reads.</summary>
    public static IReadOnlyList<FileFormat> Documented => [.. Files, Observed];

    public static FileFormat? FindFile(string name) => Files.FirstOrDefault(f => f.Name == name);

    /// <summary>All file names a scenario folder may hold, for "valid names are" messages.</summary>
    public static IReadOnlyList<string> KnownCsvFiles => [.. Documented.Select(f => f.Name), .. OtherToolsFiles];

    /// <summary>The text a value of <paramref name="spec"/> is written as in files.</summary>
    public static string FormatParameter(ParameterSpec spec, ModelParameters p) =>
        spec.Kind == ParameterKind.Real ? PlainNumber.Format(spec.Get(p)) : spec.FormatOf(p);

    public static string FormatParameterValue(ParameterSpec spec, double value) =>
        spec.Kind == ParameterKind.Real ? PlainNumber.Format(value) : spec.Format(value);
}
