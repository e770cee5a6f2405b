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
    public bool IsMovementOnly =>
        (Settings.FirstOrDefault(s => s.Parameter == "institutional_adoption")?.Value
            ?? Parameters.GetValueOrDefault("institutional_adoption")) is { } v
        && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x == 0;

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

    /// <summary>The setting of a swept parameter at this design point, or null.</summary>
    public string? SettingOf(string parameter) => Settings.FirstOrDefault(s => s.Parameter == parameter)?.Value;
}
