using System.Globalization;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>One run of a batch: its id (design point major, replicate minor) and its seed.</summary>
public readonly record struct RunSpec(int RunId, int DesignPoint, int Replicate, int Seed);

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> takes the runs whose id modulo Count is Index.</summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard Whole => new(0, 1);

    public bool IsWhole => Count == 1;

    public bool Contains(int runId) => runId % Count == Index;

    /// <summary>How many of runs 0 to <paramref name="totalRuns"/> − 1 this shard takes.</summary>
    public int RunsOf(int totalRuns) => totalRuns <= Index ? 0 : (totalRuns - 1 - Index) / Count + 1;

    public override string ToString() => $"{Index}/{Count}";

    public static bool TryParse(string text, out Shard shard, out string error)
    {
        shard = Whole;
        error = "";
        var parts = text.Split('/');
        if (parts.Length != 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            error = $"--shard '{Echo.Value(text)}' is not K/N (for example 0/3)";
            return false;
        }
        if (n < 1 || k >= n)
        {
            error = $"--shard '{Echo.Value(text)}': N must be at least 1 and K from 0 to N-1";
            return false;
        }
        shard = new Shard(k, n);
        return true;
    }
}

/// <summary>A design point: one value per swept parameter, in the order of <see cref="Design.Swept"/>.</summary>
public sealed record DesignPoint(int Index, IReadOnlyList<double> Values);

/// <summary>
/// An expanded design: design points × replicates. Runs are not stored: a run id maps to its design
/// point, replicate and seed by arithmetic, so memory does not grow with the number of runs.
/// </summary>
public sealed class Design
{
    /// <param name="commonRandomNumbers">
    /// Give replicate r of every design point the same seed, <c>Seeds.RunSeed(masterSeed, 0, r)</c>, instead of
    /// one that also depends on the design point: differences between design points are then not blurred by
    /// different random draws (common random numbers), which calibration and sensitivity analyses rely on.
    /// </param>
    public Design(DesignMethod method, IReadOnlyList<ParameterSpec> swept, IReadOnlyList<DesignPoint> points,
        int replicates, int masterSeed, int? runSeed = null, bool commonRandomNumbers = false)
    {
        if (points.Count == 0 || replicates < 1)
        {
            throw new ArgumentException("a design needs at least one design point and one replicate");
        }
        if ((long)points.Count * replicates > int.MaxValue)
        {
            throw new ArgumentException("a design cannot have more than 2^31-1 runs");
        }
        if (runSeed is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(runSeed), "a run seed is a non-negative Int32");
        }
        Method = method;
        Swept = swept;
        Points = points;
        Replicates = replicates;
        MasterSeed = masterSeed;
        RunSeed = runSeed;
        CommonRandomNumbers = commonRandomNumbers;
    }

    /// <summary>
    /// A design of explicitly listed points (an analysis' sample), each giving a value to every parameter of
    /// <paramref name="swept"/> in order. Values must already be valid for the model (in range, whole numbers
    /// for integer parameters, option indices for choices): a design does not round or clamp.
    /// </summary>
    /// <exception cref="ArgumentException">A point has the wrong length or an invalid value; the message names it.</exception>
    public static Design Explicit(IReadOnlyList<ParameterSpec> swept, IReadOnlyList<IReadOnlyList<double>> points,
        int replicates, int masterSeed, bool commonRandomNumbers)
    {
        var designPoints = new DesignPoint[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var values = points[i];
            if (values.Count != swept.Count)
            {
                throw new ArgumentException($"design point {i} has {values.Count} values for {swept.Count} parameters");
            }
            for (var j = 0; j < swept.Count; j++)
            {
                var spec = swept[j];
                var v = values[j];
                var whole = spec.Kind == ParameterKind.Real || v == Math.Floor(v);
                if (!double.IsFinite(v) || v < spec.Min || v > spec.Max || !whole)
                {
                    throw new ArgumentException($"design point {i}: {spec.Name} = {Csv.Number(v)} is not valid: it must be {spec.RangeText}");
                }
            }
            designPoints[i] = new DesignPoint(i, values.ToArray());
        }
        return new Design(DesignMethod.Explicit, swept, designPoints, replicates, masterSeed, commonRandomNumbers: commonRandomNumbers);
    }

    /// <summary>The name of a design method in plans and manifests.</summary>
    public static string MethodName(DesignMethod method) => method switch
    {
        DesignMethod.FullFactorial => "full_factorial",
        DesignMethod.LatinHypercube => "latin_hypercube",
        _ => "explicit",
    };

    /// <summary>The one-run design of the <c>run</c> command: the base scenario, one replicate, the seed as given.</summary>
    public static Design Single(int runSeed) =>
        new(DesignMethod.FullFactorial, [], [new DesignPoint(0, [])], 1, Seeds.DefaultMasterSeed, runSeed);

    public DesignMethod Method { get; }
    public IReadOnlyList<ParameterSpec> Swept { get; }
    public IReadOnlyList<DesignPoint> Points { get; }
    public int Replicates { get; }
    public int MasterSeed { get; }

    /// <summary>Set for a single run whose seed was given directly (the <c>run</c> command).</summary>
    public int? RunSeed { get; }

    /// <summary>Seeds depend on the replicate only, not on the design point (see the constructor).</summary>
    public bool CommonRandomNumbers { get; }

    public int RunCount => Points.Count * Replicates;

    public RunSpec Run(int runId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(runId, RunCount);
        var dp = runId / Replicates;
        var rep = runId % Replicates;
        return new RunSpec(runId, dp, rep, RunSeed ?? Seeds.RunSeed(MasterSeed, CommonRandomNumbers ? 0 : dp, rep));
    }

    /// <summary>The runs of one shard in run id order, generated lazily.</summary>
    public IEnumerable<RunSpec> Runs(Shard shard)
    {
        for (var id = shard.Index; id < RunCount; id += shard.Count)
        {
            yield return Run(id);
        }
    }

    public int RunCountIn(Shard shard) => shard.RunsOf(RunCount);

    public ModelParameters ParametersOf(int designPoint, ModelParameters baseParameters)
    {
        var p = baseParameters;
        var values = Points[designPoint].Values;
        for (var i = 0; i < Swept.Count; i++)
        {
            p = Swept[i].Set(p, values[i]);
        }
        return p;
    }

    /// <summary>The content of design.csv: design_point, then each swept parameter's value.</summary>
    public string ToCsv() => CsvOutput.ToText(w =>
    {
        w.WriteHeader(["design_point", .. Swept.Select(s => s.Name)]);
        foreach (var point in Points)
        {
            w.WriteField(point.Index);
            for (var i = 0; i < Swept.Count; i++)
            {
                w.WriteField(Swept[i].Format(point.Values[i]));
            }
            w.EndRecord();
        }
    });
}
