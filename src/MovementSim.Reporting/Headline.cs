using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Reporting;

/// <summary>One row of the headline table: the three outcomes in one year, with the movement-only net benefit when there is a reference.</summary>
public sealed record HeadlineRow(double Year, Summary Reach, Summary Fidelity, Summary NetBenefit, Summary? ReferenceNetBenefit);

/// <summary>The headline numbers of a result folder, computed from its files.</summary>
public static class Headline
{
    /// <summary>Years worth reporting: the start, each scheduled event's year, and the end; with no events, whole
    /// decades in between. At most eight, spread evenly when there are more.</summary>
    public static IReadOnlyList<double> KeyYears(DesignPointSeries dp, IReadOnlyList<ScheduledEvent> events)
    {
        if (dp.Years.Length == 0)
        {
            return [];
        }
        var start = dp.StartYear;
        var end = dp.EndYear;
        var inner = events.Select(e => e.Year).Where(y => y > start + 1e-9 && y < end - 1e-9).Distinct().OrderBy(y => y).ToList();
        if (inner.Count == 0)
        {
            for (var y = Math.Ceiling((start + 1e-9) / 10) * 10; y < end - 1e-9; y += 10)
            {
                inner.Add(y);
            }
        }
        var years = new List<double> { start };
        years.AddRange(inner);
        if (end > start)
        {
            years.Add(end);
        }
        return years.Count <= 8 ? years : Charts.ChartData.Spread(years.Count, 8).Select(i => years[i]).ToList();
    }

    public static IReadOnlyList<HeadlineRow> Rows(ResultFolder r, DesignPointSeries dp)
    {
        var reference = r.ReferenceFor(dp);
        return KeyYears(dp, r.Events).Select(y => new HeadlineRow(y,
            dp.At(MeasureSet.Reach, y), dp.At(MeasureSet.Fidelity, y), dp.At(MeasureSet.NetBenefit, y),
            reference?.At(MeasureSet.NetBenefit, y))).ToList();
    }

    /// <summary>The opening sentence of the report, every number computed.</summary>
    public static string Sentence(ResultFolder r, DesignPointSeries dp)
    {
        var end = Format.Year(dp.EndYear);
        var sentence = $"By {end}, reach was {Format.WithInterval(dp.Final(MeasureSet.Reach), Format.Percent)} of eligible people " +
                       $"and fidelity {Format.WithInterval(dp.Final(MeasureSet.Fidelity), Format.Score)}; " +
                       $"net benefit was {Format.WithInterval(dp.Final(MeasureSet.NetBenefit), Format.Benefit)}";
        // With a paired counterfactual the answer sentence (TakeUpAnswer) gives the difference, paired, before this one.
        if (!r.HasCounterfactual && r.ReferenceFor(dp) is { } reference)
        {
            var d = Difference.Between(dp.Final(MeasureSet.NetBenefit), reference.Final(MeasureSet.NetBenefit));
            sentence += $", {Describe.Comparison(d)} what the movement reaches alone ({Format.Benefit(reference.Final(MeasureSet.NetBenefit).Mean)}; " +
                        $"difference {Format.SignedBenefit(d.Estimate)}" + (d.HasInterval ? $", 95% CI {Format.SignedBenefit(d.Low)} to {Format.SignedBenefit(d.High)}" : "") + ")";
        }
        sentence += ".";
        if (r.IsMovementOnly)
        {
            sentence += " These runs are the movement acting alone (institutional adoption switched off).";
        }
        return sentence;
    }
}
