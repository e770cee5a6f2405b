using System.Globalization;
using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>How numbers appear in captions and the report: shares as percentages, fidelity and net benefit
/// as 0–1 scores. Invariant culture throughout.</summary>
public static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A share as a percentage: one decimal below 10% ("1.2%"), none above ("34%").</summary>
    public static string Percent(double share)
    {
        if (double.IsNaN(share))
        {
            return "n/a";
        }
        var p = share * 100;
        return Math.Abs(p) < 9.95 && Math.Round(p, 1) != Math.Round(p)
            ? p.ToString("0.0", Inv) + "%"
            : p.ToString("0", Inv) + "%";
    }

    /// <summary>A percentage-point difference ("+3.1 points").</summary>
    public static string Points(double shareDifference)
    {
        if (double.IsNaN(shareDifference))
        {
            return "n/a";
        }
        var p = Math.Abs(shareDifference * 100);
        var size = p < 9.95 ? p.ToString("0.0", Inv) : p.ToString("0", Inv);
        // A tiny negative difference rounds to zero: "+0.0 points", never "-0.0 points".
        return (shareDifference < 0 && size != "0.0" ? "-" : "+") + size + " points";
    }

    /// <summary>A 0–1 score with two decimals ("0.62").</summary>
    public static string Score(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00", Inv);

    /// <summary>Net benefit: three decimals below 0.1 so small values stay distinct ("0.012"), else two.</summary>
    public static string Benefit(double value) =>
        double.IsNaN(value) ? "n/a" : Math.Abs(value) < 0.0995 ? value.ToString("0.000", Inv) : value.ToString("0.00", Inv);

    /// <summary>A signed net-benefit difference ("+0.12", "−0.040"; no sign for what rounds to 0).</summary>
    public static string SignedBenefit(double value) => Signed(value, Benefit);

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>A calendar year as read from the files (year + fraction): whole years as "2015", others with the
    /// month the fraction falls in ("Apr 2015" for 2015.25, "Dec 2007" for 2007.95).</summary>
    public static string Year(double year)
    {
        if (double.IsNaN(year))
        {
            return "n/a";
        }
        var whole = Math.Floor(year + 1e-9);
        var month = (int)Math.Floor((year - whole) * 12 + 1e-9);
        return month == 0 ? whole.ToString("0", Inv) : $"{Months[Math.Min(month, 11)]} {whole.ToString("0", Inv)}";
    }

    /// <summary>A plain number with up to 3 significant decimals ("0.38", "1200").</summary>
    public static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("G3", Inv);

    public static string Integer(long value) => value.ToString(Inv);

    /// <summary>A count of people, rounded to whole people with thousands separated ("143,000").</summary>
    public static string Count(double value) => double.IsNaN(value) ? "n/a" : Math.Round(value).ToString("#,0", Inv);

    /// <summary>
    /// A count of real people to three significant figures ("355,000", "1,230", "48"): counts scaled up from simulated
    /// people carry no more precision than that.
    /// </summary>
    public static string People(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }
        var whole = Math.Round(value);
        var magnitude = whole == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(whole)));
        var unit = magnitude >= 3 ? Math.Pow(10, magnitude - 2) : 1;
        return (Math.Round(whole / unit) * unit).ToString("#,0", Inv);
    }

    /// <summary>A signed difference in people ("+355,000", "−1,230").</summary>
    public static string SignedPeople(double value) => Signed(value, People);

    /// <summary>A signed difference of 0–1 scores ("+0.12", "−0.47").</summary>
    public static string SignedScore(double value) => Signed(value, Score);

    /// <summary>The size with its sign; no sign for what rounds to 0.</summary>
    private static string Signed(double value, Func<double, string> size) =>
        double.IsNaN(value) ? "n/a" : size(Math.Abs(value)) is var s && s == size(0) ? s : (value > 0 ? "+" : "−") + s;

    /// <summary>A relative difference as a signed percentage ("+12%", "−3.5%").</summary>
    public static string Relative(double value) =>
        double.IsFinite(value) ? (value >= 0 ? "+" : "−") + Percent(Math.Abs(value)) : "n/a";

    /// <summary>"34% (95% CI 33% to 35%)", or the mean alone when there is no interval.</summary>
    public static string WithInterval(Summary s, Func<double, string> f) =>
        s.HasInterval ? $"{f(s.Mean)} (95% CI {f(s.CiLow)} to {f(s.CiHigh)})" : f(s.Mean);

    /// <summary>"30% to 38%": the range of the middle 90% of runs.</summary>
    public static string Range(Summary s, Func<double, string> f) => $"{f(s.Q05)} to {f(s.Q95)}";

    /// <summary>Formatter for a measure by its kind: reach and shares as percentages, net benefit and scores as decimals.</summary>
    public static Func<double, string> For(string measure) =>
        measure == Core.MeasureSet.NetBenefit ? Benefit
        : IsShare(measure) ? Percent
        : Core.MeasureSet.IsCount(measure) ? Count
        : Score;

    /// <summary>Measures that are shares of a population (drawn and written as percentages).</summary>
    public static bool IsShare(string measure) =>
        measure.StartsWith("reach", StringComparison.Ordinal)
        || measure.StartsWith("adopted_", StringComparison.Ordinal)
        || measure == Core.MeasureSet.InstitutionsAdopted
        || measure.StartsWith("coalition_", StringComparison.Ordinal) && !measure.StartsWith("coalition_breadth", StringComparison.Ordinal)
        || measure.StartsWith(ShareNames.Prefix, StringComparison.Ordinal)
        || measure == Core.MeasureSet.MovementCapacity
        || measure is Core.MeasureSet.ActorsVoice or Core.MeasureSet.ActorsExit;

    /// <summary>The plain-language name of a measure, for legends and captions.</summary>
    public static string NameOf(string measure) => measure switch
    {
        Core.MeasureSet.Reach => "reach",
        Core.MeasureSet.ReachMovement => "reach through the movement",
        Core.MeasureSet.ReachInstitutional => "reach through institutions",
        Core.MeasureSet.Fidelity => "fidelity",
        Core.MeasureSet.InstitutionalFidelity => "fidelity of institutions' form",
        Core.MeasureSet.NetBenefit => "net benefit",
        Core.MeasureSet.InstitutionsAdopted => "share of institutions that had adopted",
        Core.MeasureSet.CoalitionSize => "coalition size",
        Core.MeasureSet.MovementCapacity => "movement capacity",
        _ => Text.Words(measure),
    };

    /// <summary>Upper-cases the first letter.</summary>
    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
