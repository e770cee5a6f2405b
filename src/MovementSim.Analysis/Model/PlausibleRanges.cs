using System.Globalization;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>
/// A parameter a robustness analysis samples: its catalog entry, the range it is sampled over and where that range
/// comes from (the catalog's plausible range and its source, a scenario's ranges.csv, or --ranges). A choice is
/// sampled over the option indices [Min, Max], each option equally likely.
/// </summary>
public sealed record UncertainParameter(ParameterSpec Spec, double Min, double Max, string Source)
{
    public string Name => Spec.Name;

    public bool IsChoice => Spec.Kind == ParameterKind.Choice;

    /// <summary>The options sampled, for a choice (empty otherwise).</summary>
    public IReadOnlyList<string> Levels => IsChoice ? Spec.Choices!.Skip((int)Min).Take((int)(Max - Min) + 1).ToArray() : [];

    /// <summary>
    /// The value a run takes at coordinate u of the unit interval: a real parameter u of the way from Min to Max; a
    /// whole-number one that rounded (halves away from zero); a choice the option of stratum ⌊u × count⌋ (as sweep
    /// designs pick listed values, scenarios/SWEEP.md).
    /// </summary>
    public double FromUnit(double u)
    {
        if (IsChoice)
        {
            var count = (int)(Max - Min) + 1;
            return Min + Math.Min(count - 1, (int)Math.Floor(u * count));
        }
        var value = Math.Clamp(Min + u * (Max - Min), Min, Max);
        return Spec.Kind == ParameterKind.Integer ? Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Spec.Min, Spec.Max) : value;
    }

    /// <summary>The range in words: "0.005–0.1", "linear or threshold".</summary>
    public string RangeText => IsChoice ? string.Join(" or ", Levels) : $"{Spec.Format(Min)}–{Spec.Format(Max)}";
}

/// <summary>
/// The uncertain parameters of a scenario and their plausible ranges: the catalog's
/// (<see cref="ParameterSpec.PlausibleMin"/>), replaced row by row by the scenario's own ranges.csv (in its folder, or
/// the nearest of its bases that has one), then by the file given with --ranges. A row may also make uncertain a
/// parameter the catalog does not call so (a scenario's caseload, say). Parameters given with --set are held at that
/// value; the time axis and the counterfactual switch cannot be uncertain.
/// </summary>
public static class PlausibleRanges
{
    /// <summary>Parameters no ranges file may make uncertain: the time axis measures are read on, and the switch the analysis compares.</summary>
    public static readonly IReadOnlyList<string> NeverSampled = [.. ParameterSelection.TimeAxis, "institutional_adoption"];

    /// <summary>
    /// The scenario's own ranges file: ranges.csv in its folder or the nearest of its bases that has one, as error
    /// messages name it (the folder as given, like the scenario's other files); null when none has one.
    /// </summary>
    public static string? ScenarioFile(ScenarioLoadResult loaded)
    {
        var folder = loaded.Chain.FirstOrDefault(f => File.Exists(Path.Combine(f, ScenarioFormat.RangesFile)));
        if (folder is null)
        {
            return null;
        }
        var shown = loaded.Files.FirstOrDefault(f => Path.GetDirectoryName(f.FullPath) == Path.TrimEndingDirectorySeparator(folder));
        return Path.Combine(shown is null ? folder : Path.GetDirectoryName(shown.DisplayPath) ?? folder, ScenarioFormat.RangesFile);
    }

    /// <summary>
    /// The scenario's own ranges file, read and checked (every problem of the file, and rows of parameters that can
    /// never be sampled, which are reported here and left out of its ranges so that nobody reports them again); null
    /// when the scenario has none.
    /// </summary>
    public static RangesFileResult? LoadScenarioFile(ScenarioLoadResult loaded)
    {
        if (ScenarioFile(loaded) is not { } path)
        {
            return null;
        }
        var file = RangesFile.Load(path);
        var errors = new List<ScenarioError>(file.Errors);
        Resolve(file, null, new HashSet<string>(), errors);
        var sampled = file.Ranges.Where(r => !NeverSampled.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        return file with { Ranges = sampled, Errors = errors };
    }

    /// <summary>
    /// The parameters to sample, in catalog order. Rows of <paramref name="given"/> take precedence over those of
    /// <paramref name="scenarioFile"/>, which take precedence over the catalog. Problems (a row for a parameter that
    /// can never be sampled) are added to <paramref name="errors"/> at the row.
    /// </summary>
    /// <param name="held">Parameters held at the scenario's value (given with --set): not sampled.</param>
    public static IReadOnlyList<UncertainParameter> Resolve(RangesFileResult? scenarioFile, RangesFileResult? given,
        IReadOnlySet<string> held, List<ScenarioError> errors)
    {
        var rows = new Dictionary<string, RangeEntry>(StringComparer.Ordinal);
        foreach (var file in new[] { scenarioFile, given })
        {
            foreach (var (name, entry) in file?.Ranges ?? new Dictionary<string, RangeEntry>())
            {
                if (NeverSampled.Contains(name))
                {
                    errors.Add(entry.Where.Error(name == "institutional_adoption"
                        ? "institutional_adoption is the switch a robustness analysis compares (take-up against the movement alone): it cannot be uncertain"
                        : $"{name} sets the time axis ({string.Join(", ", ParameterSelection.TimeAxis)}) on which measures are read: it cannot be uncertain"));
                    continue;
                }
                rows[name] = entry;
            }
        }
        var result = new List<UncertainParameter>();
        foreach (var spec in ParameterCatalog.All)
        {
            if (held.Contains(spec.Name))
            {
                continue;
            }
            if (rows.TryGetValue(spec.Name, out var row))
            {
                result.Add(new UncertainParameter(spec, row.Min, row.Max, Where(row.Where)));
            }
            else if (spec.IsUncertain)
            {
                result.Add(new UncertainParameter(spec, spec.PlausibleMin!.Value, spec.PlausibleMax!.Value, spec.PlausibleSource!));
            }
        }
        return result;
    }

    private static string Where(SourceLocation at) => string.Create(CultureInfo.InvariantCulture, $"{at.File}:{at.Line}");
}
