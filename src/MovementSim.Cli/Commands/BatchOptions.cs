using System.CommandLine;

namespace MovementSim.Cli.Commands;

/// <summary>Arguments and options shared by run and batch, made fresh for each command.</summary>
internal static class BatchOptions
{
    public static Argument<string> Scenario() => new("SCENARIO") { Description = "The scenario folder (e.g. scenarios/direct-payments)." };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override a parameter: --set name=value (repeat, or give several after one --set).",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "name=value",
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Output folder (default results/<scenario>/<timestamp>). Repeating a command with the same --out resumes it.",
        HelpName = "DIR",
    };

    public static Option<int?> Threads(string defaultText) => new("--threads")
    {
        Description = $"Threads each run uses for its steps ({defaultText}); the results are the same bytes whatever the number.",
        HelpName = "N",
    };

    /// <summary>For large sweeps and clusters: the charts and report can be made later with <c>report DIR</c>.</summary>
    public static Option<bool> NoReport() => new("--no-report") { Description = "Do not draw the charts and report.html when the results are complete (make them later with: report DIR)." };

    /// <summary>Each run paired with the same world without institutional take-up, for the report's answer to the source's question.</summary>
    public static Option<bool> Counterfactual() => new("--counterfactual")
    {
        Description = "Run each run also as its counterfactual (institutional_adoption = 0, same seed) and add, for reach, fidelity, net_benefit, " +
            "lost, people_reached and people_lost, the columns m_counterfactual and m_difference; the report then leads with the answer against it.",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress display." };
}
