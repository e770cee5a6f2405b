using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>Sentence fragments built from computed numbers, shared by captions and the report.</summary>
public static class Describe
{
    /// <summary>"rose from 1.0% in 1995 to 34% by 2030", "fell from …", or "stayed at about 5.0% from 1995 to 2030".</summary>
    public static string Change(double from, double to, double fromYear, double toYear, Func<double, string> format, double tolerance)
    {
        if (Math.Abs(to - from) <= tolerance || format(from) == format(to))
        {
            return $"stayed at about {format(to)} from {Format.Year(fromYear)} to {Format.Year(toYear)}";
        }
        return $"{(to > from ? "rose" : "fell")} from {format(from)} in {Format.Year(fromYear)} to {format(to)} by {Format.Year(toYear)}";
    }

    /// <summary>Tolerance under which a change is called "about the same" for a measure's kind.</summary>
    public static double ToleranceFor(string measure) =>
        Format.IsShare(measure) ? 0.005 : measure == Core.MeasureSet.NetBenefit ? 0.002 : 0.01;

    /// <summary>Whether a compared with b is above, below or not clearly different, from the 95% interval of the difference.</summary>
    public static string Comparison(Difference d, string above = "above", string below = "below", string same = "not clearly different from")
    {
        if (d.HasInterval)
        {
            return d.Low > 0 ? above : d.High < 0 ? below : same;
        }
        return d.Estimate > 0 ? above : d.Estimate < 0 ? below : same;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Motives described in the source's terms, for legends and captions.</summary>
    public static string Motive(string motive) => motive switch
    {
        "rights" => "rights (choice and control)",
        "money" => "money (budgets)",
        "organisation" => "organisation (its survival)",
        "process" => "process (compliance, systems)",
        "profession" => "profession (professional judgement)",
        "career" => "career (visibility, promotion)",
        "pragmatism" => "pragmatism (a fix that works)",
        _ => Text.Words(motive),
    };

    public static string Position(string position) => position switch
    {
        "inside" => "inside the system",
        "grey" => "in the grey area (voluntary sector)",
        "outside" => "outside the system",
        _ => Text.Words(position),
    };

    /// <summary>A parameter's name in words, followed by its meaning from the catalogue when known ("imitation: Bass q: ...").</summary>
    public static string Parameter(string name)
    {
        var spec = Core.ParameterCatalog.Find(name);
        return spec is null ? Text.Words(name) : $"{Text.Words(name)}: {spec.Meaning.TrimEnd('.')}";
    }
}
