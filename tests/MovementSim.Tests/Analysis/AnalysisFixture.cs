using System.Globalization;
using MovementSim.Tests.Batch;

namespace MovementSim.Tests.Analysis;

/// <summary>
/// The small model runs behind the sensitivity and calibrate tests: the shipped bass-docking scenario (one
/// institution offering the full form to a completely mixed population, reach following the Bass curve) cut
/// to 2000 people and 50 steps of 0.1 year (2000 to 2005), so that a run takes milliseconds.
/// </summary>
public static class AnalysisFixture
{
    public static string BassDocking => RepoPaths.Scenario("bass-docking");

    public static readonly string[] Small = ["--set", "people=2000", "steps=50"];

    /// <summary>Ranges around the meta-analysis values (p ≈ 0.03, q ≈ 0.38 per year) rather than the catalog's 0..10.</summary>
    public const string Ranges = "parameter,min,max\nexternal_influence,0.01,0.1\nimitation,0.1,1\n";

    public static string Write(TempFolder tmp, string name, string text)
    {
        var path = tmp.Sub(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The rows of a CSV file without quoted fields, as dictionaries by column name.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
