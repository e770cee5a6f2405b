namespace MovementSim.Core;

/// <summary>
/// The model's rules (ODD section 7, submodels), one small method each. <see cref="Simulation.Step"/>
/// calls them in this order: events, appraisal, influence, adoption, adaptation, delivery and take-up,
/// movement response; then the measures are collected.
/// </summary>
public static partial class Rules
{
    private static int MC => Names.MotiveCount;
    private static int RC => Names.ResourceCount;

}
