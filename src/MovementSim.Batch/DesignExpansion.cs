using System.Globalization;
using MathNet.Numerics.Random;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>What the command line adds to a sweep file when a design is expanded.</summary>
/// <param name="Replicates">--reps; overrides the sweep file's replicates setting.</param>
/// <param name="Force">--force: allow more runs than the limit.</param>
/// <param name="SetOnCommandLine">Parameters given with --set; sweeping one of them too is an error.</param>
public sealed record DesignRequest(
    int MasterSeed,
    int? Replicates = null,
    bool Force = false,
    IReadOnlyCollection<string>? SetOnCommandLine = null)
{
    public const int DefaultReplicates = 10;
    public const int DefaultMaxRuns = 10_000;
}

public sealed record DesignResult(Design? Design, IReadOnlyList<ScenarioError> Errors)
{
    public bool IsValid => Design is not null && Errors.Count == 0;
}

/// <summary>
/// Turns a sweep (or none) into a design: a pure function of its arguments. Full factorial: every
/// combination, the first declared parameter varying slowest. Latin hypercube: <c>samples</c> points,
/// each parameter's [0,1) cut into <c>samples</c> strata, one point per stratum, strata matched across
/// parameters by random permutations drawn from the master seed (McKay, Beckman and Conover 1979).
/// </summary>
public static class DesignExpansion
{
    /// <param name="events">The scenario's events: with a swept start_year, steps or dt_years each design point's horizon must still hold them.</param>
    public static DesignResult Expand(SweepSpec? sweep, ModelParameters baseParameters, DesignRequest request,
        IReadOnlyList<EventSpec>? events = null)
    {
        var errors = new List<ScenarioError>();
        var replicates = request.Replicates ?? sweep?.Replicates ?? DesignRequest.DefaultReplicates;
        if (replicates < 1)
        {
            errors.Add(ScenarioError.General($"--reps must be at least 1 (got {replicates})"));
            return new DesignResult(null, errors);
        }
        if (sweep is null)
        {
            return CheckSize(null, [], 1, replicates, request, errors)
                ? new DesignResult(new Design(DesignMethod.FullFactorial, [], [new DesignPoint(0, [])], replicates, request.MasterSeed), errors)
                : new DesignResult(null, errors);
        }

        var dims = sweep.Dimensions;
        var set = request.SetOnCommandLine ?? [];
        foreach (var d in dims.Where(d => set.Contains(d.Parameter.Name)))
        {
            errors.Add(d.Where.Error($"{d.Parameter.Name} is swept here and also given with --set: drop one of them"));
        }
        var fileStart = new SourceLocation(sweep.File, 0, 0);
        long pointCount;
        if (sweep.Method == DesignMethod.FullFactorial)
        {
            if (sweep.Samples is not null)
            {
                errors.Add((sweep.SamplesWhere ?? fileStart).Error("samples applies only to design latin_hypercube; a full factorial design has one point per combination"));
            }
            foreach (var d in dims.Where(d => d.Kind is SweepKind.Uniform or SweepKind.LogUniform))
            {
                errors.Add(d.Where.Error($"{d.Parameter.Name}: a distribution ({KindName(d.Kind)}) needs design latin_hypercube; for a full factorial design give values or a range with levels"));
            }
            pointCount = 1;
            foreach (var d in dims.Where(d => d.Kind is SweepKind.Values or SweepKind.Range))
            {
                pointCount = Math.Min(pointCount * d.Values.Count, (long)int.MaxValue + 1);
            }
        }
        else
        {
            if (sweep.Samples is null)
            {
                errors.Add((sweep.MethodWhere ?? fileStart).Error("design latin_hypercube needs a samples setting (the number of design points)"));
            }
            if (dims.Count == 0)
            {
                errors.Add((sweep.MethodWhere ?? fileStart).Error("design latin_hypercube needs at least one swept parameter"));
            }
            pointCount = sweep.Samples ?? 1;
        }
        if (errors.Count > 0)
        {
            return new DesignResult(null, errors);
        }
        if (!CheckSize(sweep, dims, pointCount, replicates, request, errors))
        {
            return new DesignResult(null, errors);
        }

        var points = sweep.Method == DesignMethod.FullFactorial
            ? FullFactorial(dims)
            : LatinHypercubePoints(dims, (int)pointCount, request.MasterSeed);
        var swept = dims.Select(d => d.Parameter).ToArray();
        var design = new Design(sweep.Method, swept, points, replicates, request.MasterSeed);
        CrossCheck(design, sweep, baseParameters, events ?? [], errors);
        return errors.Count == 0 ? new DesignResult(design, errors) : new DesignResult(null, errors);
    }

    private static bool CheckSize(SweepSpec? sweep, IReadOnlyList<SweepDimension> dims, long points, int replicates,
        DesignRequest request, List<ScenarioError> errors)
    {
        var runs = points * replicates;
        var limit = sweep?.MaxRuns ?? DesignRequest.DefaultMaxRuns;
        var where = sweep is null ? (SourceLocation?)null : sweep.MaxRunsWhere ?? new SourceLocation(sweep.File, 0, 0);
        string Breakdown()
        {
            var factors = new List<string>();
            if (sweep?.Method == DesignMethod.LatinHypercube)
            {
                factors.Add($"{points} samples");
            }
            else
            {
                factors.AddRange(dims.Select(d => d.Kind == SweepKind.Range
                    ? $"{d.Parameter.Name}: {d.Values.Count} levels"
                    : $"{d.Parameter.Name}: {d.Values.Count} values"));
            }
            factors.Add($"{replicates} replicates");
            return string.Join(" × ", factors);
        }
        if (runs > int.MaxValue)
        {
            var message = $"the design has more than {int.MaxValue} runs ({Breakdown()}), which no batch can hold";
            errors.Add(where?.Error(message) ?? ScenarioError.General(message));
            return false;
        }
        if (DesignMemory.Problem(points, dims.Count) is { } memory)
        {
            errors.Add(where?.Error(memory) ?? ScenarioError.General(memory));
            return false;
        }
        if (runs > limit && !request.Force)
        {
            var message = $"the design has {runs} runs ({Breakdown()}), more than the limit of {limit} " +
                "(setting max_runs): lower the levels or replicates, raise max_runs in the sweep file, or pass --force";
            errors.Add(where?.Error(message) ?? ScenarioError.General(message));
            return false;
        }
        return true;
    }

    private static DesignPoint[] FullFactorial(IReadOnlyList<SweepDimension> dims)
    {
        var count = dims.Aggregate(1, (n, d) => n * d.Values.Count);
        var points = new DesignPoint[count];
        for (var index = 0; index < count; index++)
        {
            var values = new double[dims.Count];
            var rest = index;
            for (var j = dims.Count - 1; j >= 0; j--)
            {
                var k = dims[j].Values.Count;
                values[j] = dims[j].Values[rest % k];
                rest /= k;
            }
            points[index] = new DesignPoint(index, values);
        }
        return points;
    }

    /// <summary>A Latin hypercube in the unit cube, one dimension per swept parameter in file order, mapped to values.</summary>
    private static DesignPoint[] LatinHypercubePoints(IReadOnlyList<SweepDimension> dims, int samples, int masterSeed)
    {
        var unit = LatinHypercube.Sample(samples, dims.Count, new Xoshiro256StarStar(Seeds.DesignSeed(masterSeed), false));
        return unit.Select((u, s) => new DesignPoint(s, dims.Select((d, j) => FromUnit(d, u[j])).ToArray())).ToArray();
    }

    /// <summary>The value of a dimension at quantile u in [0, 1): the inverse distribution function.</summary>
    public static double FromUnit(SweepDimension d, double u)
    {
        var integer = d.Parameter.Kind == ParameterKind.Integer;
        switch (d.Kind)
        {
            case SweepKind.Values:
            case SweepKind.Range:
                return d.Values[Math.Min((int)(u * d.Values.Count), d.Values.Count - 1)];
            case SweepKind.Uniform:
                return integer
                    ? Math.Min(Math.Floor(d.Min + u * (d.Max - d.Min + 1)), d.Max)
                    : Math.Clamp(d.Min + u * (d.Max - d.Min), d.Min, d.Max);
            default:
                var lo = Math.Log(d.Min);
                return integer
                    ? Math.Clamp(Math.Floor(Math.Exp(lo + u * (Math.Log(d.Max + 1) - lo))), d.Min, d.Max)
                    : Math.Clamp(Math.Exp(lo + u * (Math.Log(d.Max) - lo)), d.Min, d.Max);
        }
    }

    private static void CrossCheck(Design design, SweepSpec sweep, ModelParameters baseParameters, IReadOnlyList<EventSpec> events,
        List<ScenarioError> errors)
    {
        const int MaxReported = 5;
        var failing = 0;
        foreach (var point in design.Points)
        {
            var p = design.ParametersOf(point.Index, baseParameters);
            var problems = ParameterCatalog.CrossChecks(p).ToList();
            var outside = events.Where(e => e.Year < p.StartYear || e.Year >= p.EndYear).Select(e => e.Year).ToList();
            if (outside.Count > 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"events at {string.Join(", ", outside)} fall outside the horizon [{p.StartYear}, {p.EndYear}) of start_year, steps and dt_years"));
            }
            if (problems.Count == 0)
            {
                continue;
            }
            failing++;
            if (failing > MaxReported)
            {
                continue;
            }
            foreach (var problem in problems)
            {
                var dim = sweep.Dimensions.FirstOrDefault(d => problem.Contains(d.Parameter.Name, StringComparison.Ordinal))
                    ?? sweep.Dimensions.FirstOrDefault(d => d.Parameter.Name is "start_year" or "steps" or "dt_years");
                var where = dim?.Where ?? new SourceLocation(sweep.File, 0, 0);
                errors.Add(where.Error($"design point {point.Index.ToString(CultureInfo.InvariantCulture)}: {problem}"));
            }
        }
        if (failing > MaxReported)
        {
            errors.Add(new SourceLocation(sweep.File, 0, 0).Error($"{failing - MaxReported} more design points break the same rules"));
        }
    }

    public static string KindName(SweepKind kind) => kind switch
    {
        SweepKind.Values => "values",
        SweepKind.Range => "range",
        SweepKind.Uniform => "uniform",
        _ => "log_uniform",
    };
}
