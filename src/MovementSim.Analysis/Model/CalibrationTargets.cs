using System.Globalization;
using MovementSim.Analysis.Calibration;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>One observation to fit: the value, the step it is compared at, and its place in its file.</summary>
public sealed record CalibrationTarget(Observation Observation, int Step, SourceLocation Where);

/// <summary>The observations a calibration fits to, in file order, and every problem found with them.</summary>
public sealed record CalibrationTargetsResult(IReadOnlyList<CalibrationTarget> Rows, IReadOnlyList<ScenarioError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The same targets with each weight divided by the square of its observed value, so that the distance sums
    /// weighted squared relative differences, w ((observed - simulated) / observed)^2: the right distance when
    /// observations of very different sizes (counts of people and shares) are fitted together. An observed value of
    /// 0 cannot be a relative target: it is an error at its place in the file.
    /// </summary>
    public CalibrationTargetsResult Relative()
    {
        var errors = new List<ScenarioError>(Errors);
        var rows = new List<CalibrationTarget>();
        foreach (var target in Rows)
        {
            var value = target.Observation.Value;
            if (value == 0)
            {
                errors.Add(target.Where.Error($"value 0 of {target.Observation.Measure} cannot be fitted by relative difference (--distance relative): "
                    + "give its row weight 0, or use --distance absolute"));
                continue;
            }
            rows.Add(target with { Observation = target.Observation with { Weight = target.Observation.Weight / (value * value) } });
        }
        return new CalibrationTargetsResult(rows, errors);
    }
}

/// <summary>
/// The observations calibrate fits to: an observations file (<see cref="ObservedFile"/>: <c>--observed FILE</c>,
/// or the scenario's own observed.csv), checked against the scenario. Every measure must be one the scenario's
/// runs produce, every year must lie within the simulated years (it is compared with the step nearest to it),
/// and at least one weight must be above 0.
/// </summary>
public static class CalibrationTargets
{
    /// <param name="scenario">Names the measures and sets the simulated years; null (the scenario did not load) checks the file alone.</param>
    public static CalibrationTargetsResult Load(string path, ScenarioDefinition? scenario)
    {
        var errors = new List<ScenarioError>();
        return Check(ObservedFile.Read(path, path, errors), path, scenario, errors);
    }

    public static CalibrationTargetsResult Parse(string text, string file, ScenarioDefinition? scenario)
    {
        var errors = new List<ScenarioError>();
        return Check(ObservedFile.Parse(text, file, errors), file, scenario, errors);
    }

    /// <summary>Checks rows already read (a scenario's observed.csv, read by the loader) against the scenario.</summary>
    public static CalibrationTargetsResult Check(IReadOnlyList<ObservedRow> rows, string file, ScenarioDefinition? scenario,
        List<ScenarioError>? errors = null)
    {
        errors ??= [];
        var targets = new List<CalibrationTarget>();
        var measures = scenario is null ? null : new MeasureSet(scenario);
        var p = scenario?.Parameters;
        var rowsBefore = errors.Count;
        foreach (var (observation, where, measureAt) in rows)
        {
            var before = errors.Count;
            var step = p is null ? 0 : TimeAxis.StepOf(p, observation.Year);
            if (step is null)
            {
                errors.Add(where.Error(string.Create(CultureInfo.InvariantCulture,
                    $"year {observation.Year:R} is outside the simulated years {TimeAxis.Describe(p!)}")));
            }
            if (measures is not null && !measures.Contains(observation.Measure))
            {
                var near = NameSuggester.Nearest(observation.Measure, measures.Names);
                errors.Add(measureAt.Error($"unknown measure '{Echo.Value(observation.Measure)}'"
                    + (near is null ? "" : $" (did you mean '{near}'?)")
                    + $": the scenario's runs produce the measures {string.Join(", ", measures.Names)}"));
            }
            if (errors.Count == before && step is not null)
            {
                targets.Add(new CalibrationTarget(observation, step.Value, where));
            }
        }
        if (errors.Count == rowsBefore && rows.Count > 0 && rows.All(r => r.Observation.Weight == 0))
        {
            errors.Add(new ScenarioError(file, 0, 0, "every weight is 0, so no observation counts: give at least one a positive weight"));
        }
        return new CalibrationTargetsResult(targets, errors);
    }
}
