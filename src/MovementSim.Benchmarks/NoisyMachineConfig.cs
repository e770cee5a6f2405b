using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace MovementSim.Benchmarks;

/// <summary>
/// A short job for a small shared machine: one launch, two warm-up and seven measured iterations. Attached to every
/// benchmark class by attribute, so do not add <c>--job</c> on the command line (it would run each benchmark twice).
/// </summary>
public sealed class NoisyMachineConfig : ManualConfig
{
    public NoisyMachineConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithId("Short"));
        AddColumn(new PeopleStepsColumn());
        AddColumn(new RunsPerSecondColumn());
        AddColumn(StatisticColumn.Min);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
    }
}

/// <summary>
/// A column computed from a benchmark's mean time; "-" for the benchmarks it does not apply to. Subclasses say only
/// what it is called and how its value follows from the mean.
/// </summary>
public abstract class RateColumn(string columnName, string legend, int priority) : IColumn
{
    public string Id => GetType().Name;
    public string ColumnName => columnName;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => priority;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } mean ? ValueOf(benchmarkCase, mean * 1e-9) ?? "-" : "-";

    /// <summary>The text shown for a benchmark whose mean time is <paramref name="seconds"/>, or null when the column does not apply.</summary>
    protected abstract string? ValueOf(BenchmarkCase benchmarkCase, double seconds);
}

/// <summary>
/// People-steps per second, people x steps / mean time, in millions; at 10^6 people on one thread it also says whether
/// the target (200 million) is met.
/// </summary>
public sealed class PeopleStepsColumn() : RateColumn("M people-steps/s",
    "Millions of people-steps per second (people x 300 steps / mean time); target >= 200 at 10^6 people, one thread", 0)
{
    /// <summary>The target for the take-up step at 10^6 people on one core, in people-steps per second.</summary>
    public const double TargetPeopleStepsPerSecond = 200e6;

    protected override string? ValueOf(BenchmarkCase benchmarkCase, double seconds)
    {
        var people = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "People")?.Value as int?;
        var threads = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Threads")?.Value as int? ?? 1;
        if (people is null || benchmarkCase.Descriptor.WorkloadMethod.Name != "TakeUp")
        {
            return null;
        }
        var rate = people.Value * (double)BenchmarkScenarios.TakeUpSteps / seconds;
        var text = (rate / 1e6).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        if (people.Value == 1_000_000 && threads == 1)
        {
            text += rate >= TargetPeopleStepsPerSecond ? " (target met)" : " (TARGET MISSED)";
        }
        return text;
    }
}
