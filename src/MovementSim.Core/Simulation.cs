namespace MovementSim.Core;

/// <summary>Options that change how fast a run goes, never what it computes.</summary>
public sealed record SimulationOptions(int Threads = 1);

/// <summary>Receives the measures of step 0 (the initial state) and of every step after it.</summary>
public delegate void MeasureObserver(int step, double year, ReadOnlySpan<double> values);

/// <summary>
/// One run: the root object holding the world, its random numbers and its measures. <see cref="Step"/>
/// is the schedule of the model (ODD section 3); nothing else changes the world.
/// </summary>
public sealed class Simulation
{
    public Simulation(ScenarioDefinition scenario, int seed, SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        World = WorldBuilder.Build(scenario, new RunRandom(seed));
        Measures = new MeasureSet(scenario);
        _values = new double[Measures.Count];
        _scratch = new DeliveryScratch(World);
        _tallies = new MeasureContext(World);
        Measurement.Collect(_tallies, Measures, _values);
    }

    private readonly double[] _values;
    private readonly DeliveryScratch _scratch;
    private readonly MeasureContext _tallies;

    public World World { get; }
    public SimulationOptions Options { get; }
    public MeasureSet Measures { get; }
    public int StepIndex => World.StepIndex;
    public double Year => World.Year;
    public bool Finished => World.StepIndex >= World.P.Steps;

    /// <summary>Measures of the current state, in the order of <see cref="MeasureSet.Names"/>.</summary>
    public ReadOnlySpan<double> Current => _values;

    public void Step()
    {
        var w = World;
        Rules.AdvanceCalendar(w);
        Rules.ApplyEvents(w);
        Rules.Appraise(w);
        Rules.Influence(w);
        Rules.Adopt(w);
        Rules.BuildTargetCapacity(w);
        Rules.Adapt(w);
        Rules.Recruit(w);
        Rules.DeliverAndTakeUp(w, _scratch, Options.Threads);
        Rules.RespondMovement(w);
        w.StepIndex++;
        Measurement.Collect(_tallies, Measures, _values);
    }

    /// <summary>Reports step 0, then steps until <c>steps</c> is reached.</summary>
    public void Run(MeasureObserver observer)
    {
        observer(StepIndex, Year, _values);
        while (!Finished)
        {
            Step();
            observer(StepIndex, Year, _values);
        }
    }
}
