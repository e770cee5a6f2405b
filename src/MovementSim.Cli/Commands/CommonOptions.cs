using System.CommandLine;

namespace MovementSim.Cli.Commands;

/// <summary>What the options every command that runs the model shares hold, once parsed.</summary>
internal sealed record CommonArguments(int? Reps, int? Jobs, int? Seed, IReadOnlyList<string> Sets, string? Out, bool Quiet);

/// <summary>
/// The options batch, sensitivity and calibrate share (--reps, --jobs, --seed, --set, --out, --quiet), made fresh for each
/// command since their descriptions differ, and read in one place.
/// </summary>
internal sealed record CommonOptions(Option<int?> Reps, Option<int?> Jobs, Option<int?> Seed, Option<string[]> Set, Option<string?> Out, Option<bool> Quiet)
{
    /// <summary>The analyses' versions: replicate means, all cores, one master seed for runs and the analysis' own draws.</summary>
    public static CommonOptions ForAnalysis() =>
        new(AnalysisOptions.Reps(), AnalysisOptions.Jobs(), AnalysisOptions.Seed(), BatchOptions.Set(), AnalysisOptions.Out(), BatchOptions.Quiet());

    public CommonArguments Read(ParseResult parse) =>
        new(parse.GetValue(Reps), parse.GetValue(Jobs), parse.GetValue(Seed), parse.GetValue(Set) ?? [], parse.GetValue(Out), parse.GetValue(Quiet));
}
