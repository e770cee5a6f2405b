using System.Security.Cryptography;
using MovementSim.Core;
using static MovementSim.Core.Tests.Fixtures;

namespace MovementSim.Core.Tests.Performance;

/// <summary>
/// Scenarios built in code for the output pins and the thread-count test. Their data is written out here
/// (rather than taken from shared fixtures) so that a pin cannot move because a fixture was edited; only the
/// small builders (Motives, Resources, Alternative) come from <see cref="Fixtures"/>.
/// </summary>
public static class PinnedScenarios
{
    /// <summary>The Bass docking set-up: one institution offering the original to everyone from the start,
    /// no movement, no drop-out, no actors.</summary>
    public static ScenarioDefinition Bass(int people, int steps, NetworkKind network, double dt = 0.1, double p = 0.03, double q = 0.38) =>
        new("bass",
            new ModelParameters
            {
                People = people, Steps = steps, DtYears = dt, StartYear = 0, Network = network,
                ExternalInfluence = p, Imitation = q, MovementCapacity = 0, MovementCapacityMax = 0,
                DropoutRate = 0, InitialReach = 0,
            },
            [new OrganisationSpec("service", Position.Inside, OrganisationRole.Institution, 1, 1, 1, true)],
            [],
            [new ComponentSpec("whole", 1, [Alternative("original", 1, 1, (Motive.Rights, 1))])],
            []);

    private static readonly ComponentSpec[] Components =
    [
        new("payment", 0.35,
        [
            Alternative("cash", 1, 1, (Motive.Rights, 1), (Motive.Money, 0.3), (Motive.Organisation, 0.2), (Motive.Process, 0.2), (Motive.Profession, 0.2), (Motive.Career, 0.5), (Motive.Pragmatism, 0.6)),
            Alternative("managed_account", 0.6, 0.85, (Motive.Rights, 0.5), (Motive.Money, 0.6), (Motive.Organisation, 0.6), (Motive.Process, 0.7), (Motive.Profession, 0.5), (Motive.Career, 0.5), (Motive.Pragmatism, 0.6)),
            Alternative("notional_budget", 0.3, 0.7, (Motive.Rights, 0.2), (Motive.Money, 0.9), (Motive.Organisation, 0.9), (Motive.Process, 0.8), (Motive.Profession, 0.7), (Motive.Career, 0.4), (Motive.Pragmatism, 0.5)),
        ]),
        new("planning", 0.25,
        [
            Alternative("person_led", 1, 1, (Motive.Rights, 1), (Motive.Money, 0.3), (Motive.Organisation, 0.3), (Motive.Process, 0.3), (Motive.Profession, 0.3), (Motive.Career, 0.5), (Motive.Pragmatism, 0.5)),
            Alternative("resource_allocation", 0.4, 0.8, (Motive.Rights, 0.3), (Motive.Money, 0.8), (Motive.Organisation, 0.7), (Motive.Process, 1), (Motive.Profession, 0.6), (Motive.Career, 0.5), (Motive.Pragmatism, 0.6)),
        ]),
    ];

    private static readonly OrganisationSpec[] Organisations =
    [
        new("government", Position.Inside, OrganisationRole.Government, 1, 0, 0, false),
        new("council", Position.Inside, OrganisationRole.Institution, 12, 0.6, 0.5, false),
        new("user_led_org", Position.Outside, OrganisationRole.Movement, 4, 0, 0, false),
        new("voluntary_org", Position.Grey, OrganisationRole.Intermediary, 3, 0, 0, false),
    ];

    private static readonly ArchetypeSpec[] Archetypes =
    [
        new("junior_minister", "government", 1, Motives((Motive.Career, 0.5), (Motive.Rights, 0.1), (Motive.Money, 0.1), (Motive.Pragmatism, 0.2), (Motive.Process, 0.1)),
            Resources((ResourceKind.Authority, 3), (ResourceKind.Budget, 1), (ResourceKind.Knowledge, 0.5)), 0.5, 0, true, false),
        new("commissioner", "council", 1, Motives((Motive.Money, 0.45), (Motive.Process, 0.2), (Motive.Organisation, 0.1), (Motive.Pragmatism, 0.15), (Motive.Rights, 0.1)),
            Resources((ResourceKind.Budget, 2), (ResourceKind.Authority, 1)), 0.35, 0, true, false),
        new("practitioner", "council", 2, Motives((Motive.Profession, 0.5), (Motive.Rights, 0.2), (Motive.Process, 0.2), (Motive.Pragmatism, 0.1)),
            Resources((ResourceKind.Delivery, 1), (ResourceKind.Knowledge, 0.5)), 0.4, 0, false, false),
        new("campaigner", "user_led_org", 1, Motives((Motive.Rights, 0.9), (Motive.Pragmatism, 0.1)),
            Resources((ResourceKind.Legitimacy, 2), (ResourceKind.Knowledge, 1)), 0.95, 0.7, false, false),
        new("ulo_leader", "user_led_org", 1, Motives((Motive.Rights, 0.6), (Motive.Organisation, 0.25), (Motive.Pragmatism, 0.15)),
            Resources((ResourceKind.Legitimacy, 1.5), (ResourceKind.Delivery, 1), (ResourceKind.Knowledge, 1)), 0.9, 0.6, true, false),
        new("voluntary_manager", "voluntary_org", 1, Motives((Motive.Organisation, 0.4), (Motive.Rights, 0.3), (Motive.Pragmatism, 0.3)),
            Resources((ResourceKind.Delivery, 1), (ResourceKind.Knowledge, 1), (ResourceKind.Legitimacy, 0.5)), 0.6, 0.5, true, true),
    ];

    /// <summary>A small direct-payments-like case with everything the take-up pass does: several localities,
    /// movement seeds and capacity, drop-out below tolerance, a mandate and a budget shock (forced drop-out).</summary>
    public static ScenarioDefinition Case(int people, int steps, NetworkKind network) =>
        new("case",
            new ModelParameters
            {
                People = people, Steps = steps, DtYears = 0.25, StartYear = 1997, InitialReach = 0.005,
                Network = network, MovementCapacity = 0.02, DropoutRate = 0.3,
            },
            Organisations, Archetypes, Components,
            [
                new EventSpec(2001, EventKind.Mandate, ScenarioDefinition.AllTargets, 1),
                new EventSpec(2006, EventKind.BudgetShock, ScenarioDefinition.AllTargets, 0.95),
            ]);

    /// <summary>The case with everything per-person forms add: two client groups (one eligible only later, one
    /// suited by the managed account only), a cash right and a managed account that ends in 2003, a notional budget
    /// from 2002, coverage targets, reviews, episodes that end, and a workforce — so that take-up, conversion,
    /// re-choice, completion and drop-out all run in the decide pass.</summary>
    public static ScenarioDefinition CaseWithForms(int people, int steps, NetworkKind network)
    {
        var s = Case(people, steps, network);
        ComponentSpec payment = new("payment", 0.35,
        [
            s.Components[0].Alternatives[0] with { Right = true, PersonEffort = 0.4, StaffEffort = 0.6 },
            s.Components[0].Alternatives[1] with { AvailableTo = 2003, PersonEffort = 0.1, StaffEffort = 0.2 },
            s.Components[0].Alternatives[2] with { AvailableFrom = 2002 },
        ]);
        return s with
        {
            Parameters = s.Parameters with
            {
                CompletionRate = 0.2, Caseload = 300, RealInstitutions = 120, EligiblePopulation = 1_000_000, OfferMargin = 0.05,
            },
            Components = [payment, s.Components[1] with { ChosenBy = Chooser.Institution }],
            Organisations = [.. s.Organisations.Select(o => o.Role == OrganisationRole.Institution ? o with { Capacity = 0.3 } : o)],
            Events =
            [
                .. s.Events,
                new EventSpec(2000, EventKind.WorkforceFunding, "council", 20),
                new EventSpec(2002.5, EventKind.CoverageTarget, "council", 0.8) { By = 2005 },
            ],
            Groups =
            [
                new GroupSpec("younger", 0.4, 1, 0.2, 1),
                new GroupSpec("older", 0.6, 0.3, 0, 0.7, EligibleFrom: 1999, Suits: ["managed_account", "notional_budget", "planning/person_led", "planning/resource_allocation"]),
            ],
        };
    }

    /// <summary>The measures of a Bass run as they were when the Bass pins were recorded. Later measures (counts of
    /// people, lost fidelity, targets) are left out of those pins, so that they still prove the Bass limit unchanged
    /// bit for bit.</summary>
    public static readonly string[] BassPinnedMeasures =
    [
        "reach", "reach_movement", "reach_institutional", "fidelity", "institutional_fidelity", "net_benefit",
        "institutions_adopted", "adopted_technical", "adopted_legitimacy", "adopted_coerced", "coalition_size",
        "coalition_inside", "coalition_grey", "coalition_outside", "coalition_breadth_position", "coalition_rights",
        "coalition_money", "coalition_organisation", "coalition_process", "coalition_profession", "coalition_career",
        "coalition_pragmatism", "coalition_breadth_motive", "support_inside", "support_grey", "support_outside",
        "support_rights", "support_money", "support_organisation", "support_process", "support_profession",
        "support_career", "support_pragmatism", "movement_capacity", "actors_voice", "actors_exit", "share_whole_original",
    ];

    /// <summary>SHA-256 of every measure at every step (bit patterns, in order) and the final state of every person.</summary>
    public static string RunHash(ScenarioDefinition scenario, int seed, int threads = 1, IReadOnlyList<string>? only = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sim = new Simulation(scenario, seed, new SimulationOptions(threads));
        var columns = only?.Select(sim.Measures.IndexOf).ToArray() ?? Enumerable.Range(0, sim.Measures.Count).ToArray();
        var buffer = new byte[8 * columns.Length];
        sim.Run((step, year, values) =>
        {
            for (var k = 0; k < columns.Length; k++)
            {
                BitConverter.TryWriteBytes(buffer.AsSpan(8 * k), BitConverter.DoubleToInt64Bits(values[columns[k]]));
            }
            hash.AppendData(buffer);
        });
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(sim.World.PersonState.AsSpan()));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of a graph's offsets and targets.</summary>
    public static string GraphHash(Graph g)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(g.Offsets.AsSpan(0, g.NodeCount + 1)));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(g.Targets.AsSpan(0, g.Offsets[g.NodeCount])));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
