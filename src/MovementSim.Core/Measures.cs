namespace MovementSim.Core;

/// <summary>
/// The measures collected every step, declared in one place. The fixed measures come first, in this
/// order, then the share of each alternative per component (<c>share_&lt;component&gt;_&lt;alternative&gt;</c>).
/// Output files use exactly these names as columns.
/// </summary>
public sealed class MeasureSet
{
    public const string Reach = "reach";
    public const string ReachMovement = "reach_movement";
    public const string ReachInstitutional = "reach_institutional";
    public const string Fidelity = "fidelity";
    public const string NetBenefit = "net_benefit";
    public const string InstitutionsAdopted = "institutions_adopted";
    public const string AdoptedTechnical = "adopted_technical";
    public const string AdoptedLegitimacy = "adopted_legitimacy";
    public const string AdoptedCoerced = "adopted_coerced";
    public const string CoalitionSize = "coalition_size";
    public const string CoalitionBreadthPosition = "coalition_breadth_position";
    public const string CoalitionBreadthMotive = "coalition_breadth_motive";
    public const string MovementCapacity = "movement_capacity";
    public const string ActorsVoice = "actors_voice";
    public const string ActorsExit = "actors_exit";
    public const string InstitutionalFidelity = "institutional_fidelity";

    /// <summary>Share of coalition members in each position: coalition_inside, coalition_grey, coalition_outside.</summary>
    public static string CoalitionByPosition(Position p) => "coalition_" + Core.Names.Of(p);

    /// <summary>Share of coalition members whose strongest motive is m.</summary>
    public static string CoalitionByMotive(Motive m) => "coalition_" + Core.Names.Of(m);

    /// <summary>Mean support of actors whose strongest motive is m.</summary>
    public static string SupportByMotive(Motive m) => "support_" + Core.Names.Of(m);

    /// <summary>Mean support of actors in position p.</summary>
    public static string SupportByPosition(Position p) => "support_" + Core.Names.Of(p);

    public static string AlternativeShare(string component, string alternative) => $"share_{component}_{alternative}";

    /// <summary>Measures every scenario has, whatever its innovation.</summary>
    public static readonly IReadOnlyList<string> Fixed = BuildFixed();

    private static string[] BuildFixed()
    {
        var names = new List<string>
        {
            Reach, ReachMovement, ReachInstitutional, Fidelity, InstitutionalFidelity, NetBenefit,
            InstitutionsAdopted, AdoptedTechnical, AdoptedLegitimacy, AdoptedCoerced,
            CoalitionSize,
        };
        names.AddRange(Enum.GetValues<Position>().Select(p => CoalitionByPosition(p)));
        names.Add(CoalitionBreadthPosition);
        names.AddRange(Enum.GetValues<Motive>().Select(m => CoalitionByMotive(m)));
        names.Add(CoalitionBreadthMotive);
        names.AddRange(Enum.GetValues<Position>().Select(p => SupportByPosition(p)));
        names.AddRange(Enum.GetValues<Motive>().Select(m => SupportByMotive(m)));
        names.AddRange([MovementCapacity, ActorsVoice, ActorsExit]);
        return names.ToArray();
    }

    public MeasureSet(ScenarioDefinition scenario)
    {
        var names = new List<string>(Fixed);
        foreach (var c in scenario.Components)
        {
            names.AddRange(c.Alternatives.Select(a => AlternativeShare(c.Name, a.Name)));
        }
        Names = names;
        _index = names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, int> _index;

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"unknown measure '{name}'");

    public bool Contains(string name) => _index.ContainsKey(name);
}
