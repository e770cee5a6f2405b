namespace MovementSim.Core;

/// <summary>A measure declared as its name and how it is computed from a step's tallies, so that a name can never
/// drift from its value.</summary>
public sealed record Measure(string Name, Func<MeasureContext, double> Compute);

/// <summary>
/// The measures collected every step, declared in one place (ODD 7.8). The fixed measures come first, in this
/// order; then, for every alternative of every component, its share of recipients, its share of the population and
/// its count of people (<c>share_</c>, <c>reach_</c>, <c>people_&lt;component&gt;_&lt;alternative&gt;</c>); then, when the
/// scenario has client groups, five measures per group (<c>group_&lt;group&gt;_...</c>). Output files use exactly these
/// names as columns.
/// </summary>
public sealed class MeasureSet
{
    public const string Reach = "reach";
    public const string ReachMovement = "reach_movement";
    public const string ReachInstitutional = "reach_institutional";
    public const string Fidelity = "fidelity";
    public const string InstitutionalFidelity = "institutional_fidelity";
    public const string NetBenefit = "net_benefit";
    public const string Lost = "lost";
    public const string TakeUpRate = "take_up_rate";
    public const string EligiblePeople = "eligible_people";
    public const string PeopleReached = "people_reached";
    public const string PeopleMovement = "people_movement";
    public const string PeopleInstitutional = "people_institutional";
    public const string PeopleLost = "people_lost";
    public const string PeopleTakingUp = "people_taking_up_per_year";
    public const string InstitutionsAdopted = "institutions_adopted";
    public const string AdoptedTechnical = "adopted_technical";
    public const string AdoptedLegitimacy = "adopted_legitimacy";
    public const string AdoptedCoerced = "adopted_coerced";
    public const string DeliveryPressure = "delivery_pressure";
    public const string TargetShare = "target_share";
    public const string Workforce = "workforce";
    public const string WorkforceFunded = "workforce_funded";
    public const string CaseloadPerWorker = "caseload_per_worker";
    public const string UnmetDemand = "unmet_demand";
    public const string CoalitionSize = "coalition_size";
    public const string CoalitionBreadthPosition = "coalition_breadth_position";
    public const string CoalitionBreadthMotive = "coalition_breadth_motive";
    public const string MovementCapacity = "movement_capacity";
    public const string ActorsVoice = "actors_voice";
    public const string ActorsExit = "actors_exit";

    /// <summary>Share of coalition members in each position: coalition_inside, coalition_grey, coalition_outside.</summary>
    public static string CoalitionByPosition(Position p) => "coalition_" + Core.Names.Of(p);

    /// <summary>Share of coalition members whose strongest motive is m.</summary>
    public static string CoalitionByMotive(Motive m) => "coalition_" + Core.Names.Of(m);

    /// <summary>Mean support of actors whose strongest motive is m.</summary>
    public static string SupportByMotive(Motive m) => "support_" + Core.Names.Of(m);

    /// <summary>Mean support of actors in position p.</summary>
    public static string SupportByPosition(Position p) => "support_" + Core.Names.Of(p);

    /// <summary>Share of institutional recipients receiving an alternative.</summary>
    public static string AlternativeShare(string component, string alternative) => $"share_{component}_{alternative}";

    /// <summary>Share of the eligible population receiving an alternative from an institution.</summary>
    public static string AlternativeReach(string component, string alternative) => $"reach_{component}_{alternative}";

    /// <summary>Real eligible people receiving an alternative from an institution.</summary>
    public static string AlternativePeople(string component, string alternative) => $"people_{component}_{alternative}";

    /// <summary>A measure of one client group, e.g. group_older_people_reach.</summary>
    public static string OfGroup(string group, string measure) => $"group_{group}_{measure}";

    /// <summary>The measures of each client group, in order (see <see cref="GroupMeasures"/>).</summary>
    public static readonly IReadOnlyList<string> PerGroup = [Reach, Fidelity, NetBenefit, Lost, PeopleReached];

    /// <summary>Whether a measure is a count of people (the rest are shares, scores or rates).</summary>
    public static bool IsCount(string name) => name.StartsWith("people_", StringComparison.Ordinal) ||
                                               name is EligiblePeople or Workforce or WorkforceFunded or CaseloadPerWorker ||
                                               name.EndsWith("_" + PeopleReached, StringComparison.Ordinal);

    private static double Share(double count, double total) => total > 0 ? count / total : 0;

    private static double PerInstitution(MeasureContext c, int count) => (double)count / Math.Max(1, c.World.InstitutionCount);

    private static readonly Measure[] FixedDefinitions = BuildFixed();

    private static Measure[] BuildFixed()
    {
        var list = new List<Measure>
        {
            new(Reach, c => c.Reached / c.People),
            new(ReachMovement, c => c.World.MovementServed / c.People),
            new(ReachInstitutional, c => c.World.InstitutionServed / c.People),
            new(Fidelity, c => Share(c.FidelitySum, c.Reached)),
            new(InstitutionalFidelity, c => Rules.DeliveredFidelity(c.World) ?? 0),
            new(NetBenefit, c => c.GainSum / c.People),
            new(Lost, c => Share(c.Lost, c.Reached)),
            new(TakeUpRate, c => c.World.TakeUps / c.People / c.World.P.DtYears),
            new(EligiblePeople, c => c.Eligible),
            new(PeopleReached, c => c.PeopleOf(c.Reached)),
            new(PeopleMovement, c => c.PeopleOf(c.World.MovementServed)),
            new(PeopleInstitutional, c => c.PeopleOf(c.World.InstitutionServed)),
            new(PeopleLost, c => c.PeopleOf(c.Lost)),
            new(PeopleTakingUp, c => c.PeopleOf(c.World.TakeUps) / c.World.P.DtYears),
            new(InstitutionsAdopted, c => PerInstitution(c, c.Adopted)),
            new(AdoptedTechnical, c => PerInstitution(c, c.Technical)),
            new(AdoptedLegitimacy, c => PerInstitution(c, c.Legitimacy)),
            new(AdoptedCoerced, c => PerInstitution(c, c.Coerced)),
            new(DeliveryPressure, c => Share(c.PressureSum, c.Adopted)),
            new(TargetShare, c => c.TargetSum / Math.Max(1, c.World.InstitutionCount)),
            new(Workforce, c => c.Workers),
            new(WorkforceFunded, c => c.FundedWorkers),
            new(CaseloadPerWorker, c => c.Workers > 0 ? c.PeopleOf(c.World.InstitutionalTakeUps) / c.World.P.DtYears / c.Workers : 0),
            new(UnmetDemand, c => Share(c.Unmet, c.Demand)),
            new(CoalitionSize, c => Share(c.Members, c.World.ActorCount)),
        };
        foreach (var p in Enum.GetValues<Position>())
        {
            list.Add(new(CoalitionByPosition(p), c => Share(c.MembersByPosition[(int)p], c.Members)));
        }
        list.Add(new(CoalitionBreadthPosition, c => Measurement.NormalisedEntropy(c.MembersByPosition, c.Members)));
        foreach (var m in Enum.GetValues<Motive>())
        {
            list.Add(new(CoalitionByMotive(m), c => Share(c.MembersByMotive[(int)m], c.Members)));
        }
        list.Add(new(CoalitionBreadthMotive, c => Measurement.NormalisedEntropy(c.MembersByMotive, c.Members)));
        foreach (var p in Enum.GetValues<Position>())
        {
            list.Add(new(SupportByPosition(p), c => Share(c.SupportByPosition[(int)p], c.ActorsByPosition[(int)p])));
        }
        foreach (var m in Enum.GetValues<Motive>())
        {
            list.Add(new(SupportByMotive(m), c => Share(c.SupportByMotive[(int)m], c.ActorsByMotive[(int)m])));
        }
        list.Add(new(MovementCapacity, c => c.World.MovementCapacity));
        list.Add(new(ActorsVoice, c => Share(c.Voice, c.Outside)));
        list.Add(new(ActorsExit, c => Share(c.Exit, c.Outside)));
        return list.ToArray();
    }

    /// <summary>Names of the measures every scenario has, whatever its innovation and groups.</summary>
    public static readonly IReadOnlyList<string> Fixed = FixedDefinitions.Select(m => m.Name).ToArray();

    /// <summary>The three measures of alternative a of component k.</summary>
    private static IEnumerable<Measure> AlternativeMeasures(ComponentSpec component, int k, int a)
    {
        var name = component.Alternatives[a].Name;
        yield return new(AlternativeShare(component.Name, name), c => Share(c.AlternativeCount[k][a], c.World.InstitutionServed));
        yield return new(AlternativeReach(component.Name, name), c => c.AlternativeCount[k][a] / c.People);
        yield return new(AlternativePeople(component.Name, name), c => c.PeopleOf(c.AlternativeCount[k][a]));
    }

    /// <summary>The measures of group g: share of its members reached, mean fidelity among its recipients, net benefit
    /// per member, share of its recipients who lost fidelity, and its real people reached.</summary>
    private static IEnumerable<Measure> GroupMeasures(string group, int g)
    {
        yield return new(OfGroup(group, Reach), c => Share(c.GroupReached[g], c.GroupSize[g]));
        yield return new(OfGroup(group, Fidelity), c => Share(c.GroupFidelity[g], c.GroupReached[g]));
        yield return new(OfGroup(group, NetBenefit), c => Share(c.GroupGain[g], c.GroupSize[g]));
        yield return new(OfGroup(group, Lost), c => Share(c.World.GroupLost[g], c.GroupReached[g]));
        yield return new(OfGroup(group, PeopleReached), c => c.PeopleOf(c.GroupReached[g]));
    }

    public MeasureSet(ScenarioDefinition scenario)
    {
        var definitions = new List<Measure>(FixedDefinitions);
        for (var k = 0; k < scenario.Components.Count; k++)
        {
            for (var a = 0; a < scenario.Components[k].Alternatives.Count; a++)
            {
                definitions.AddRange(AlternativeMeasures(scenario.Components[k], k, a));
            }
        }
        for (var g = 0; g < scenario.Groups.Count; g++)
        {
            definitions.AddRange(GroupMeasures(scenario.Groups[g].Name, g));
        }
        Definitions = definitions;
        Names = definitions.Select(m => m.Name).ToArray();
        _index = Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        if (_index.Count != Names.Count)
        {
            var twice = Names.GroupBy(n => n, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw new ArgumentException($"two measures would be named '{twice}': rename a component, alternative or group");
        }
    }

    private readonly Dictionary<string, int> _index;

    /// <summary>Every measure of the scenario, in output order.</summary>
    public IReadOnlyList<Measure> Definitions { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"unknown measure '{name}'");

    public bool Contains(string name) => _index.ContainsKey(name);
}
