using BenchmarkDotNet.Attributes;
using MovementSim.Core;

namespace MovementSim.Benchmarks;

/// <summary>
/// The people take-up step alone: 300 steps of bass-docking on a random network (mean degree 10, dt = 0.1 year) on
/// one thread. Building the world (network included) is done before each iteration and not timed. The
/// <see cref="PeopleStepsColumn"/> turns the time into people-steps per second and checks the 200 million target at
/// 10^6 people.
/// </summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class TakeUpBenchmarks
{
    private Simulation _simulation = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int People { get; set; }

    [IterationSetup]
    public void Build() => _simulation = new Simulation(BenchmarkScenarios.BassDocking(People), seed: 1);

    [Benchmark(Description = "take-up step x300")]
    public double TakeUp()
    {
        var sim = _simulation;
        while (!sim.Finished)
        {
            sim.Step();
        }
        return sim.Current[0];
    }
}

/// <summary>One large run (10^6 people) on one and on two threads. That both give the same output bit for bit is
/// checked by a unit test (ThreadCountTests), not here.</summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class TakeUpThreadsBenchmarks
{
    private Simulation _simulation = null!;

    [Params(1_000_000)]
    public int People { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [IterationSetup]
    public void Build() =>
        _simulation = new Simulation(BenchmarkScenarios.BassDocking(People), seed: 1, new SimulationOptions(Threads));

    [Benchmark(Description = "take-up step x300")]
    public double TakeUp()
    {
        var sim = _simulation;
        while (!sim.Finished)
        {
            sim.Step();
        }
        return sim.Current[0];
    }
}

/// <summary>Building the world of one bass-docking run (random network of mean degree 10), the start-up cost of a run.</summary>
[Config(typeof(NoisyMachineConfig))]
[MemoryDiagnoser]
public class WorldBuildBenchmarks
{
    [Params(100_000, 1_000_000)]
    public int People { get; set; }

    [Benchmark(Description = "build world")]
    public int Build() => new Simulation(BenchmarkScenarios.BassDocking(People), seed: 1).World.PeopleTies!.NodeCount;
}
