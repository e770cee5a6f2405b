using System.Globalization;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>
/// A model parameter an analysis varies: its catalog entry and the range it is varied over (within the
/// catalog's valid range). Analyses work with real numbers; <see cref="ToModel"/> is what the model runs.
/// </summary>
public sealed record VariedParameter(ParameterSpec Spec, ParameterRange Range)
{
    public string Name => Spec.Name;

    /// <summary>
    /// The value a run takes: integer parameters are rounded to the nearest whole number (halves away from
    /// zero) and kept in range; real ones are used as they are. An analysis thus sees an integer parameter as
    /// a step function of its real coordinate.
    /// </summary>
    public double ToModel(double value) =>
        Spec.Kind == ParameterKind.Integer
            ? Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Spec.Min, Spec.Max)
            : value;
}

/// <summary>Chooses the parameters of an analysis and their ranges, reporting every problem at once.</summary>
public static class ParameterSelection
{
    /// <summary>Parameters that set the time axis: observations and --at-year are placed on it, so it must not move.</summary>
    public static readonly IReadOnlyList<string> TimeAxis = ["start_year", "steps", "dt_years"];

    /// <summary>The most parameters whose ranges' corners are all checked against the rules between parameters (2^12 corners).</summary>
    private const int MaxCornerCheck = 12;

    /// <summary>
    /// Resolves a comma-separated list given to <paramref name="option"/> (<c>--params</c>, <c>--fit</c>):
    /// each name must be a numeric parameter of the catalog, not on the time axis, listed once; its range is the
    /// ranges file's row, else the catalog's valid range. Errors are <c>OPTION:0:N</c>, N the name's position.
    /// The corners of the box of ranges are then checked against the rules between parameters, with the
    /// scenario's other values, so that no run of the analysis fails on them.
    /// </summary>
    /// <param name="scenario">The scenario's parameters, for the corner check; null (scenario not loaded) skips it.</param>
    public static IReadOnlyList<VariedParameter> Resolve(string option, string? list, RangesFileResult? ranges,
        ModelParameters? scenario, List<ScenarioError> errors)
    {
        var result = new List<VariedParameter>();
        var names = (list ?? "").Split(',');
        if (names.All(n => n.Trim().Length == 0))
        {
            errors.Add(new ScenarioError(option, 0, 0, $"no parameters given: list them separated by commas, e.g. {option} imitation,external_influence"));
            return result;
        }
        var before = errors.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            var at = new ScenarioError(option, 0, i + 1, "");
            if (name.Length == 0)
            {
                errors.Add(at with { Message = $"entry {i + 1} of the list is empty" });
                continue;
            }
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                var near = ParameterCatalog.Nearest(name);
                errors.Add(at with { Message = $"unknown parameter '{Echo.Value(name)}'" + (near is null ? "" : $" (did you mean '{near}'?)") });
                continue;
            }
            if (!seen.Add(spec.Name))
            {
                errors.Add(at with { Message = $"{spec.Name} is listed twice" });
                continue;
            }
            if (spec.Kind == ParameterKind.Choice)
            {
                errors.Add(at with { Message = $"{spec.Name} is a choice ({spec.RangeText}), not a number: it cannot be varied; give it with --set" });
                continue;
            }
            if (TimeAxis.Contains(spec.Name))
            {
                errors.Add(at with { Message = $"{spec.Name} sets the time axis ({string.Join(", ", TimeAxis)}) on which measures are read: it cannot be varied; give it with --set" });
                continue;
            }
            var (min, max) = ranges?.Ranges.TryGetValue(spec.Name, out var row) == true ? (row.Min, row.Max) : (spec.Min, spec.Max);
            if (!(min < max))
            {
                // Only a ranges file row can be empty (its own check reports it); a catalog range never is.
                continue;
            }
            result.Add(new VariedParameter(spec, new ParameterRange(spec.Name, min, max)));
        }
        if (scenario is not null && errors.Count == before && result.Count > 0 && (ranges is null || ranges.Errors.Count == 0))
        {
            CheckCorners(option, result, scenario, errors);
        }
        return result;
    }

    /// <summary>The rules between parameters are monotone in each parameter, so a box breaks one only if a corner does.</summary>
    private static void CheckCorners(string option, IReadOnlyList<VariedParameter> varied, ModelParameters scenario, List<ScenarioError> errors)
    {
        if (varied.Count > MaxCornerCheck)
        {
            return;
        }
        for (var corner = 0; corner < 1 << varied.Count; corner++)
        {
            var p = scenario;
            var values = new List<string>();
            for (var i = 0; i < varied.Count; i++)
            {
                var v = varied[i];
                var value = v.ToModel((corner >> i & 1) == 0 ? v.Range.Min : v.Range.Max);
                p = v.Spec.Set(p, value);
                values.Add($"{v.Name}={v.Spec.Format(value)}");
            }
            var problem = ParameterCatalog.CrossChecks(p).FirstOrDefault();
            if (problem is not null)
            {
                errors.Add(new ScenarioError(option, 0, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the ranges allow runs the model refuses: {problem} at {string.Join(", ", values)}; narrow the ranges (--ranges FILE) or change the scenario")));
                return;
            }
        }
    }
}
