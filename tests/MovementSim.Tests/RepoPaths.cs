namespace MovementSim.Tests;

/// <summary>Locates the repository from the test's output folder, so tests can read shipped files.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Scenario(string name) => Path.Combine(Scenarios, name);

    public static readonly string[] ShippedScenarios =
    [
        "direct-payments", "social-prescribing", "movement-only", "narrow-coalition", "broad-coalition",
        "early-mandate", "austerity-shock", "strong-coproduction", "bass-docking",
    ];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MovementSim.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("MovementSim.sln not found above " + AppContext.BaseDirectory);
    }
}
