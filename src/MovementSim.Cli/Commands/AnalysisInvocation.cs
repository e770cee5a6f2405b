using System.CommandLine;
using MovementSim.Analysis.Model;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary>Options shared by sensitivity and calibrate, made fresh for each command.</summary>
internal static class AnalysisOptions
{
    public static Option<string?> Ranges() => new("--ranges")
    {
        Description = "CSV with columns parameter,min,max: the range each parameter is varied or fitted over " +
            "(default: the parameter's valid range, see scenarios/README.md). Rows for other parameters are ignored.",
        HelpName = "FILE",
    };

    public static Option<int?> Reps() => new("--reps")
    {
        Description = $"Replicates per parameter point; outputs are replicate means (default {DesignRequest.DefaultReplicates}).",
        HelpName = "N",
    };

    public static Option<int?> Jobs() => new("--jobs", "-j") { Description = "Runs at once (default: all cores).", HelpName = "N" };

    public static Option<int?> Seed() => new("--seed")
    {
        Description = $"Master seed of the runs and of the analysis' own random choices (default {Seeds.DefaultMasterSeed}).",
        HelpName = "N",
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Output folder (default results/<scenario>/<timestamp>). Repeating the command with the same --out resumes it.",
        HelpName = "DIR",
    };

    public const string ExitCodes = "Exit codes: 0 done, 1 invalid input (every problem listed as file:line:column: message before anything runs), " +
        "2 usage error or output folder in use or holding something else, 3 some runs failed (see failures.csv in the batch folder named), " +
        "4 input/output failure (disk full, read-only, permission denied; the reason is printed).";
}

/// <summary>The scenario, ranges and parameters of an analysis, loaded and checked; problems collected in <see cref="Errors"/>.</summary>
internal sealed record AnalysisInputs(
    ScenarioLoadResult Loaded,
    RangesFileResult? Ranges,
    IReadOnlyList<VariedParameter> Parameters,
    List<string> Errors)
{
    public ScenarioDefinition? Scenario => Loaded.Scenario;
}

/// <summary>The path shared by sensitivity and calibrate: usage checks, loading with all errors collected, exit codes.</summary>
internal static class AnalysisInvocation
{
    /// <summary>Prints usage errors and returns exit code 2, or returns null when there are none.</summary>
    public static int? Usage(List<string> usage, TextWriter stderr)
    {
        if (usage.Count == 0)
        {
            return null;
        }
        foreach (var u in usage)
        {
            stderr.WriteLine($"movementsim: {u}");
        }
        return Cli.UsageError;
    }

    public static void CheckCommon(int? jobs, int? reps, List<string> usage)
    {
        if (jobs is < 1)
        {
            usage.Add($"--jobs must be at least 1 (got {jobs})");
        }
        if (reps is < 1)
        {
            usage.Add($"--reps must be at least 1 (got {reps})");
        }
    }

    /// <summary>Loads the scenario (with --set), the ranges file and the parameters named in <paramref name="option"/>.</summary>
    public static AnalysisInputs Load(string scenarioFolder, IReadOnlyList<(string Name, string Value)> overrides, string? rangesPath,
        string option, string? parameterList)
    {
        var errors = new List<string>();
        var loaded = ScenarioLoader.Load(scenarioFolder, overrides);
        errors.AddRange(loaded.Errors.Select(e => e.ToString()));
        RangesFileResult? ranges = null;
        if (rangesPath is not null)
        {
            ranges = RangesFile.Load(rangesPath);
            errors.AddRange(ranges.Errors.Select(e => e.ToString()));
        }
        var inputErrors = new List<ScenarioError>();
        var parameters = ParameterSelection.Resolve(option, parameterList, ranges, loaded.Scenario?.Parameters, inputErrors);
        errors.AddRange(inputErrors.Select(e => e.ToString()));
        return new AnalysisInputs(loaded, ranges, parameters, errors);
    }

    /// <summary>Prints every input error and the count; returns exit code 1.</summary>
    public static int InvalidInput(IReadOnlyList<string> errors, TextWriter stderr)
    {
        foreach (var e in errors)
        {
            stderr.WriteLine(e);
        }
        stderr.WriteLine($"movementsim: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}; nothing was run");
        return Cli.InvalidInput;
    }

    /// <summary>The scenario's files (named as in a snapshot) and the analysis' own input files, for plans and manifests.</summary>
    public static IReadOnlyList<InputSource> ExtraInputs(params (string? Path, string Name)[] files) =>
        files.Where(f => f.Path is not null).Select(f => new InputSource(Path.GetFullPath(f.Path!), f.Name)).ToArray();

    /// <summary>Runs the analysis and maps how it ended to an exit code.</summary>
    public static int Guard(TextWriter stderr, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"movementsim: {e.Message}");
            return Cli.UsageError;
        }
        catch (RunsFailedException e)
        {
            stderr.WriteLine($"movementsim: {e.Message}");
            return Cli.SomeRunsFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Failures.IoMessage(e));
            return Cli.IoFailure;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            stderr.WriteLine($"movementsim: {e.Message}");
            return Cli.InvalidInput;
        }
    }
}
