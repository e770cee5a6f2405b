using MovementSim.Core;

namespace MovementSim.Benchmarks;

/// <summary>Scenarios the benchmarks run, built in code so that they do not depend on scenario files.</summary>
public static class BenchmarkScenarios
{
    /// <summary>Steps of the take-up benchmark (30 years at dt = 0.1).</summary>
    public const int TakeUpSteps = 300;

    /// <summary>The shipped <c>scenarios/bass-docking</c> (as the tests' <c>Fixtures.Bass</c>), with the network, its
    /// mean degree and the population as arguments: one institution offering the original form to everyone from the
    /// start, no movement, no drop-out, no actors; p = 0.03, q = 0.38 per year. With no actors every rule but delivery
    /// and take-up is empty, so a step is the people take-up pass.</summary>
    public static ScenarioDefinition BassDocking(int people, NetworkKind network = NetworkKind.Random, double meanDegree = 10,
        double dtYears = 0.1, int steps = TakeUpSteps) =>
        new("bass-docking",
            new ModelParameters
            {
                People = people, Steps = steps, DtYears = dtYears, StartYear = 2000, Network = network, MeanDegree = meanDegree,
                ExternalInfluence = 0.03, Imitation = 0.38, MovementCapacity = 0, MovementCapacityMax = 0,
                DropoutRate = 0, InitialReach = 0,
            },
            [new OrganisationSpec("service", Position.Inside, OrganisationRole.Institution, 1, 1, 1, true)],
            [],
            [new ComponentSpec("whole", 1, [new AlternativeSpec("original", 1, 1, [1, 0, 0, 0, 0, 0, 0])])],
            []);
}
