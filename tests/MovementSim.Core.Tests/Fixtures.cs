using MovementSim.Core;

namespace MovementSim.Core.Tests;

/// <summary>Scenarios built in code, small enough to reason about by hand.</summary>
public static class Fixtures
{
    public static double[] Motives(params (Motive Motive, double Weight)[] weights)
    {
        var w = new double[Names.MotiveCount];
        foreach (var (m, v) in weights)
        {
            w[(int)m] = v;
        }
        return w;
    }

    public static double[] Resources(params (ResourceKind Kind, double Amount)[] amounts)
    {
        var r = new double[Names.ResourceCount];
        foreach (var (k, v) in amounts)
        {
            r[(int)k] = v;
        }
        return r;
    }

    public static AlternativeSpec Alternative(string name, double fidelity, double cost, params (Motive Motive, double Appeal)[] appeal) =>
        new(name, fidelity, cost, Motives(appeal));

    /// <summary>The Bass docking set-up: one institution offering the original to everyone from the start,
    /// complete mixing, no movement, no drop-out, no actors.</summary>
    public static ScenarioDefinition Bass(int people, double p, double q, double dt, int steps, NetworkKind network = NetworkKind.Complete) =>
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

    public static readonly ComponentSpec[] DirectPaymentComponents =
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
        new("support", 0.2,
        [
            Alternative("peer_support", 1, 1, (Motive.Rights, 1), (Motive.Money, 0.4), (Motive.Organisation, 0.2), (Motive.Process, 0.3), (Motive.Profession, 0.3), (Motive.Career, 0.4), (Motive.Pragmatism, 0.6)),
            Alternative("care_management", 0.3, 0.8, (Motive.Rights, 0.2), (Motive.Money, 0.6), (Motive.Organisation, 0.7), (Motive.Process, 0.7), (Motive.Profession, 1), (Motive.Career, 0.4), (Motive.Pragmatism, 0.5)),
        ]),
        new("choice", 0.2,
        [
            Alternative("open_choice", 1, 1, (Motive.Rights, 1), (Motive.Money, 0.3), (Motive.Organisation, 0.3), (Motive.Process, 0.3), (Motive.Profession, 0.4), (Motive.Career, 0.5), (Motive.Pragmatism, 0.5)),
            Alternative("approved_list", 0.4, 0.85, (Motive.Rights, 0.3), (Motive.Money, 0.7), (Motive.Organisation, 0.8), (Motive.Process, 0.8), (Motive.Profession, 0.6), (Motive.Career, 0.5), (Motive.Pragmatism, 0.6)),
        ]),
    ];

    public static readonly OrganisationSpec[] CaseOrganisations =
    [
        new("government", Position.Inside, OrganisationRole.Government, 1, 0, 0, false),
        new("council", Position.Inside, OrganisationRole.Institution, 20, 0.6, 0.5, false),
        new("user_led_org", Position.Outside, OrganisationRole.Movement, 6, 0, 0, false),
        new("voluntary_org", Position.Grey, OrganisationRole.Intermediary, 4, 0, 0, false),
    ];

    public static readonly ArchetypeSpec[] CaseArchetypes =
    [
        new("junior_minister", "government", 1, Motives((Motive.Career, 0.5), (Motive.Rights, 0.1), (Motive.Money, 0.1), (Motive.Pragmatism, 0.2), (Motive.Process, 0.1)),
            Resources((ResourceKind.Authority, 3), (ResourceKind.Budget, 1), (ResourceKind.Knowledge, 0.5)), 0.5, 0, true, false),
        new("civil_servant", "government", 2, Motives((Motive.Process, 0.4), (Motive.Money, 0.2), (Motive.Career, 0.1), (Motive.Pragmatism, 0.2), (Motive.Rights, 0.1)),
            Resources((ResourceKind.Authority, 1), (ResourceKind.Knowledge, 1)), 0.4, 0, false, false),
        new("commissioner", "council", 1, Motives((Motive.Money, 0.45), (Motive.Process, 0.2), (Motive.Organisation, 0.1), (Motive.Pragmatism, 0.15), (Motive.Rights, 0.1)),
            Resources((ResourceKind.Budget, 2), (ResourceKind.Authority, 1)), 0.35, 0, true, false),
        new("senior_leader", "council", 1, Motives((Motive.Organisation, 0.3), (Motive.Money, 0.25), (Motive.Career, 0.2), (Motive.Pragmatism, 0.15), (Motive.Rights, 0.1)),
            Resources((ResourceKind.Authority, 2), (ResourceKind.Budget, 1)), 0.35, 0, true, false),
        new("practitioner", "council", 2, Motives((Motive.Profession, 0.5), (Motive.Rights, 0.2), (Motive.Process, 0.2), (Motive.Pragmatism, 0.1)),
            Resources((ResourceKind.Delivery, 1), (ResourceKind.Knowledge, 0.5)), 0.4, 0, false, false),
        new("campaigner", "user_led_org", 1, Motives((Motive.Rights, 0.9), (Motive.Pragmatism, 0.1)),
            Resources((ResourceKind.Legitimacy, 2), (ResourceKind.Knowledge, 1)), 0.95, 0.7, false, false),
        new("ulo_leader", "user_led_org", 1, Motives((Motive.Rights, 0.6), (Motive.Organisation, 0.25), (Motive.Pragmatism, 0.15)),
            Resources((ResourceKind.Legitimacy, 1.5), (ResourceKind.Delivery, 1), (ResourceKind.Knowledge, 1)), 0.9, 0.6, true, false),
        new("voluntary_manager", "voluntary_org", 1, Motives((Motive.Organisation, 0.4), (Motive.Rights, 0.3), (Motive.Pragmatism, 0.3)),
            Resources((ResourceKind.Delivery, 1), (ResourceKind.Knowledge, 1), (ResourceKind.Legitimacy, 0.5)), 0.6, 0.5, true, true),
    ];

    /// <summary>A small direct-payments-like case: 20 councils, a government, user-led and voluntary organisations.</summary>
    public static ScenarioDefinition Case(int people = 20_000, int steps = 80, params EventSpec[] events) =>
        new("case",
            new ModelParameters { People = people, Steps = steps, DtYears = 0.25, StartYear = 1997, InitialReach = 0.005 },
            CaseOrganisations, CaseArchetypes, DirectPaymentComponents, events);
}
