using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>One kind of index for each parameter of a family, aligned with <see cref="SensitivityFamily.Parameters"/> (NaN when absent).</summary>
public sealed record IndexSeries(string Name, double[] Values, double[] Low, double[] High);

/// <summary>
/// Sensitivity indices of one method, ready to draw: Sobol (ST and S1) or Morris (μ* and σ). Parameters are
/// ordered by the ranking index (ST, else S1; μ*, else |μ|), most influential first, at most 15 of them.
/// </summary>
public sealed record SensitivityFamily(string Key, string Title, string AxisLabel, string RankIndex, IReadOnlyList<string> Parameters,
    IReadOnlyList<IndexSeries> Indices, int TotalParameters);

public static class Sensitivity
{
    public const int MaxParameters = 15;

    /// <summary>Below this Sobol index a parameter is said to matter little.</summary>
    public const double SobolNegligible = 0.05;

    /// <summary>Below this fraction of the largest μ* a parameter is said to matter little.</summary>
    public const double MorrisNegligibleFraction = 0.1;

    public static IReadOnlyList<SensitivityFamily> Families(IReadOnlyList<SensitivityIndex> indices)
    {
        var families = new List<SensitivityFamily>();
        var sobol = Build(indices, "sobol", "What the outcome depends on (Sobol indices)",
            "Share of the outcome's variance (ST: with interactions, S1: alone)", ["ST", "S1"]);
        if (sobol is not null)
        {
            families.Add(sobol);
        }
        var hasMuStar = indices.Any(i => Is(i.Index, "mu_star"));
        var morris = Build(indices, "morris", "What the outcome depends on (Morris screening)",
            "Elementary effect (μ*: mean absolute effect, σ: spread)", hasMuStar ? ["mu_star", "sigma"] : ["mu", "sigma"]);
        if (morris is not null)
        {
            families.Add(morris);
        }
        return families;
    }

    private static bool Is(string index, string name) => string.Equals(index.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static SensitivityFamily? Build(IReadOnlyList<SensitivityIndex> all, string key, string title, string axis, string[] kinds)
    {
        var present = kinds.Where(k => all.Any(i => Is(i.Index, k))).ToList();
        if (present.Count == 0 || (key == "morris" && present.SequenceEqual(["sigma"])))
        {
            return null;
        }
        var rank = present[0];
        double Rank(string parameter) =>
            all.Where(i => i.Parameter == parameter && Is(i.Index, rank)).Select(i => Math.Abs(i.Value)).Where(double.IsFinite).DefaultIfEmpty(double.NegativeInfinity).Max();
        var parameters = all.Where(i => present.Any(k => Is(i.Index, k))).Select(i => i.Parameter).Distinct().ToList();
        var ordered = parameters.OrderByDescending(Rank).ThenBy(parameters.IndexOf).ToList();
        var top = ordered.Take(MaxParameters).ToList();
        var series = present.Select(k =>
        {
            var rows = top.Select(p => all.FirstOrDefault(i => i.Parameter == p && Is(i.Index, k))).ToList();
            return new IndexSeries(DisplayName(k),
                rows.Select(x => x?.Value ?? double.NaN).ToArray(),
                rows.Select(x => x?.CiLow ?? double.NaN).ToArray(),
                rows.Select(x => x?.CiHigh ?? double.NaN).ToArray());
        }).ToList();
        return new SensitivityFamily(key, title, axis, DisplayName(rank), top, series, parameters.Count);
    }

    /// <summary>The measure analysed and its year, from manifest.json ("net benefit in 2022"), else "the outcome".</summary>
    public static string OutcomeName(ResultFolder? r)
    {
        var outcome = ManifestEntries.Analysis(r?.Manifest, ResultManifest.SensitivityMeasureKey) is { } m ? Format.NameOf(m) : "the outcome";
        if (ManifestEntries.Analysis(r?.Manifest, ResultManifest.AtYearKey) is { } at && ResultFolder.ParseNumber(at) is { } year)
        {
            outcome += " in " + Format.Year(year);
        }
        return outcome;
    }

    public static string DisplayName(string index) => index.ToLowerInvariant() switch
    {
        "mu_star" => "μ*",
        "mu" => "μ",
        "sigma" => "σ",
        "s1" => "S1",
        "st" => "ST",
        _ => index,
    };

    private static double Negligible(SensitivityFamily f)
    {
        var max = f.Indices[0].Values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return f.Key == "sobol" ? SobolNegligible : max * MorrisNegligibleFraction;
    }

    /// <summary>Up to three parameters, most influential first, whose ranking index is not negligible.</summary>
    public static IReadOnlyList<string> MostInfluential(SensitivityFamily f)
    {
        var rank = f.Indices[0];
        var negligible = Negligible(f);
        return Enumerable.Range(0, f.Parameters.Count)
            .Where(k => double.IsFinite(rank.Values[k]) && Math.Abs(rank.Values[k]) >= negligible)
            .Take(3).Select(k => f.Parameters[k]).ToList();
    }

    /// <summary>
    /// Names in words the parameters the conclusion depends on most (the top three by the ranking index, with
    /// their intervals) and those that matter little.
    /// </summary>
    public static string Sentence(SensitivityFamily f, ResultFolder? r = null)
    {
        var rank = f.Indices[0];
        string Value(int k) => $"{rank.Name} {Format.Number(rank.Values[k])}" +
                               (double.IsFinite(rank.Low[k]) && double.IsFinite(rank.High[k]) ? $", 95% CI {Format.Number(rank.Low[k])} to {Format.Number(rank.High[k])}" : "");
        var negligible = Negligible(f);
        var important = MostInfluential(f).Select(p => f.Parameters.ToList().IndexOf(p)).ToList();
        var outcome = OutcomeName(r);
        var sentence = important.Count == 0
            ? $"No parameter reaches {rank.Name} {Format.Number(negligible)}: {outcome} depends little on any one of them."
            : $"{Format.Capital(outcome)} depends most on " + Describe.List(important.Select(k => $"{Text.Words(f.Parameters[k])} ({Value(k)})").ToList()) + ".";
        var little = Enumerable.Range(0, f.Parameters.Count).Where(k => double.IsFinite(rank.Values[k]) && Math.Abs(rank.Values[k]) < negligible).Select(k => Text.Words(f.Parameters[k])).ToList();
        if (little.Count > 0 && important.Count > 0)
        {
            sentence += $" {Format.Capital(Describe.List(little))} matter{(little.Count == 1 ? "s" : "")} little ({rank.Name} below {Format.Number(negligible)}).";
        }
        if (f.TotalParameters > f.Parameters.Count)
        {
            sentence += $" The {f.Parameters.Count} most influential of {f.TotalParameters} parameters are shown.";
        }
        return sentence;
    }
}
