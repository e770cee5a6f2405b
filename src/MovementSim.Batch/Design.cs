using System.Globalization;
using System.Text;
using MovementSim.Core;

namespace MovementSim.Batch;

/// <summary>One run of a batch: its id (design point major, replicate minor) and its seed.</summary>
public readonly record struct RunSpec(int RunId, int DesignPoint, int Replicate, int Seed);

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> takes the runs whose id modulo Count is Index.</summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard Whole => new(0, 1);

    public bool IsWhole => Count == 1;

    public bool Contains(int runId) => runId % Count == Index;

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
            error = $"--shard '{text}' is not K/N (for example 0/3)";
            return false;
        }
        if (n < 1 || k >= n)
        {
            error = $"--shard '{text}': N must be at least 1 and K from 0 to N-1";
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
    public Design(DesignMethod method, IReadOnlyList<ParameterSpec> swept, IReadOnlyList<DesignPoint> points,
        int replicates, int masterSeed, int? runSeed = null)
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
    }

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

    public int RunCount => Points.Count * Replicates;

    public RunSpec Run(int runId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(runId, RunCount);
        var dp = runId / Replicates;
        var rep = runId % Replicates;
        return new RunSpec(runId, dp, rep, RunSeed ?? Seeds.RunSeed(MasterSeed, dp, rep));
    }

    /// <summary>The runs of one shard in run id order, generated lazily.</summary>
    public IEnumerable<RunSpec> Runs(Shard shard)
    {
        for (var id = shard.Index; id < RunCount; id += shard.Count)
        {
            yield return Run(id);
        }
    }

    public int RunCountIn(Shard shard) => RunCount <= shard.Index ? 0 : (RunCount - 1 - shard.Index) / shard.Count + 1;

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
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append("design_point");
        foreach (var s in Swept)
        {
            sb.Append(',').Append(s.Name);
        }
        sb.Append('\n');
        foreach (var point in Points)
        {
            sb.Append(Csv.Number(point.Index));
            for (var i = 0; i < Swept.Count; i++)
            {
                sb.Append(',').Append(Csv.Escape(Swept[i].Format(point.Values[i])));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
