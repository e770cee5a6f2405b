using System.Globalization;
using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>
/// Everything recorded for one design point: its swept settings, parameter values (from runs.csv), number
/// of replicates, and for every measure the replicate statistics at each step.
/// </summary>
public sealed class DesignPointSeries
{
    private readonly IReadOnlyDictionary<string, Summary[]> _measures;

    public DesignPointSeries(int id, IReadOnlyList<Setting> settings, IReadOnlyDictionary<string, string> parameters,
        int replicates, double[] years, IReadOnlyDictionary<string, Summary[]> measures)
    {
        Id = id;
        Settings = settings;
        Parameters = parameters;
        Replicates = replicates;
        Years = years;
        _measures = measures;
        if (measures.Values.Any(m => m.Length != years.Length))
        {
            throw new ArgumentException("every measure needs one summary per step", nameof(measures));
        }
    }

    public int Id { get; }

    /// <summary>Values of the swept parameters (empty when nothing is swept).</summary>
    public IReadOnlyList<Setting> Settings { get; }

    /// <summary>Every parameter's value as written in runs.csv (empty when runs.csv is absent).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public int Replicates { get; }

    /// <summary>Calendar year of each step, increasing.</summary>
    public double[] Years { get; }

    public IEnumerable<string> MeasureNames => _measures.Keys;

    /// <summary>"imitation = 0.5, conversation = 1", or "design point 3" when nothing is swept.</summary>
    public string Label => Settings.Count > 0 ? string.Join(", ", Settings) : $"design point {Id}";

    /// <summary>Institutional adoption switched off: the movement acting alone (the counterfactual).</summary>
    public bool IsMovementOnly => Number(InstitutionalAdoption) == 0;

    private const string InstitutionalAdoption = "institutional_adoption";

    /// <summary>A parameter's value at this design point, from its swept settings or runs.csv; null when unknown or not a number.</summary>
    public double? Number(string parameter) =>
        (Settings.FirstOrDefault(s => s.Parameter == parameter)?.Value ?? Parameters.GetValueOrDefault(parameter)) is { } v
        && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;

    public bool Has(string measure) => _measures.ContainsKey(measure);

    public Summary[] Get(string measure) =>
        _measures.TryGetValue(measure, out var s) ? s : throw new KeyNotFoundException($"no measure '{measure}' in the results");

    public double[] Means(string measure) => Get(measure).Select(s => s.Mean).ToArray();

    public Summary Final(string measure) => Has(measure) && Years.Length > 0 ? Get(measure)[^1] : Summary.Missing;

    public Summary Initial(string measure) => Has(measure) && Years.Length > 0 ? Get(measure)[0] : Summary.Missing;

    public Summary At(string measure, double year) => Has(measure) && Years.Length > 0 ? Get(measure)[IndexOfYear(year)] : Summary.Missing;

    public double StartYear => Years.Length > 0 ? Years[0] : double.NaN;

    public double EndYear => Years.Length > 0 ? Years[^1] : double.NaN;

    /// <summary>Index of the step whose year is nearest the given year (the earlier one on a tie).</summary>
    public int IndexOfYear(double year)
    {
        var best = 0;
        for (var i = 1; i < Years.Length; i++)
        {
            if (Math.Abs(Years[i] - year) < Math.Abs(Years[best] - year))
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>
    /// The design point's paired counterfactual, read from its <c>m_counterfactual</c> columns as a series of its own
    /// (the compared measures under their plain names, institutional adoption 0), or null when the runs carry none.
    /// </summary>
    public DesignPointSeries? Counterfactual()
    {
        var measures = CounterfactualColumns.Compared.Where(m => Has(CounterfactualColumns.Of(m)))
            .ToDictionary(m => m, m => Get(CounterfactualColumns.Of(m)), StringComparer.Ordinal);
        if (measures.Count == 0)
        {
            return null;
        }
        var parameters = new Dictionary<string, string>(Parameters, StringComparer.Ordinal) { [InstitutionalAdoption] = "0" };
        return new DesignPointSeries(Id, Settings.Where(s => s.Parameter != InstitutionalAdoption).ToList(), parameters, Replicates, Years, measures);
    }

    /// <summary>The paired difference take-up minus counterfactual of a compared measure at the end (<c>m_difference</c>), or null when absent.</summary>
    public Summary? FinalDifference(string measure) =>
        Has(CounterfactualColumns.DifferenceOf(measure)) ? Final(CounterfactualColumns.DifferenceOf(measure)) : null;

    /// <summary>
    /// This design point minus <paramref name="reference"/> in a measure at the end, with its 95% interval: paired, run by
    /// run, when the runs carry their counterfactual's difference (the reference is then that counterfactual); else the
    /// difference of the two means with Welch's interval.
    /// </summary>
    public Difference DifferenceFrom(DesignPointSeries reference, string measure) =>
        FinalDifference(measure) is { N: > 0 } paired
            ? new Difference(paired.Mean, paired.HasInterval ? paired.CiLow : double.NaN, paired.HasInterval ? paired.CiHigh : double.NaN)
            : Difference.Between(Final(measure), reference.Final(measure));

    /// <summary>The setting of a swept parameter at this design point, or null.</summary>
    public string? SettingOf(string parameter) => Settings.FirstOrDefault(s => s.Parameter == parameter)?.Value;
}
