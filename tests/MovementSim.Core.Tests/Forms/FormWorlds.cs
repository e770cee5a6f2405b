using MovementSim.Core;
using static MovementSim.Core.Tests.Fixtures;

namespace MovementSim.Core.Tests.Forms;

/// <summary>
/// One council, adopted from the start, whose only decision maker is moved by money alone, with practitioners moved
/// by profession alone, and no movement: small worlds for the per-person forms, menus, targets and groups, whose
/// results can be worked out by hand. The payment is chosen by the person: a cash direct payment (the original, a
/// right, asking effort 0.4 of the person and 0.6 of staff) and a notional budget (fidelity 0.3, effortless, which
/// the money-minded council prefers) that exists only from 2005.
/// </summary>
public static class FormWorlds
{
    public const int Council = 0;

    public static AlternativeSpec Cash => Alternative("cash", 1, 1, (Motive.Rights, 1), (Motive.Money, 0.2)) with
    {
        Right = true, PersonEffort = 0.4, StaffEffort = 0.6,
    };

    public static AlternativeSpec Notional => Alternative("notional", 0.3, 1, (Motive.Rights, 0.2), (Motive.Money, 0.9)) with
    {
        AvailableFrom = 2005,
    };

    public static ModelParameters Parameters => new()
    {
        People = 2_000, Steps = 40, DtYears = 0.25, StartYear = 2000, Network = NetworkKind.Complete,
        MotiveNoise = 0, SupportNoise = 0, ThresholdSpread = 0, MovementCapacity = 0, MovementCapacityMax = 0,
        InitialReach = 0, DropoutRate = 0, Coproduction = 0, QualitySensitivity = 0,
        ExternalInfluence = 0, Imitation = 0, Gatekeeping = 1, TargetSteering = 0, PressureWeight = 0,
    };

    public static ScenarioDefinition Scenario(
        Func<ModelParameters, ModelParameters>? tweak = null,
        IReadOnlyList<AlternativeSpec>? payment = null,
        IReadOnlyList<GroupSpec>? groups = null,
        params EventSpec[] events) =>
        new("forms", tweak?.Invoke(Parameters) ?? Parameters,
        [
            new OrganisationSpec("council", Position.Inside, OrganisationRole.Institution, 1, 1, 1, true),
        ],
        [
            new ArchetypeSpec("commissioner", "council", 1, Motives((Motive.Money, 1)), Resources(), 0.4, 0, true, false),
            new ArchetypeSpec("practitioner", "council", 2, Motives((Motive.Profession, 1)), Resources(), 0.4, 0, false, false),
        ],
        [new ComponentSpec("payment", 1, payment ?? [Cash, Notional])],
        events)
        {
            Groups = groups ?? [],
        };

    public static World Build(ScenarioDefinition scenario, int seed = 1) => WorldBuilder.Build(scenario, new RunRandom(seed));

    /// <summary>A measure's value after the simulation's last step.</summary>
    public static double Measure(Simulation sim, string name) => sim.Current[sim.Measures.IndexOf(name)];

    /// <summary>Runs the world's schedule step by step until the step that starts at <paramref name="year"/>.</summary>
    public static Simulation RunTo(ScenarioDefinition scenario, double year, int seed = 1)
    {
        var sim = new Simulation(scenario, seed);
        while (sim.Year < year - 1e-9)
        {
            sim.Step();
        }
        return sim;
    }

    /// <summary>Bit of alternative a in a menu.</summary>
    public static uint Bit(int a) => 1u << a;
}
