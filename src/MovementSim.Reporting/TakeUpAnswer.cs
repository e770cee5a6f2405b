using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Reporting;

/// <summary>What institutional take-up did to net benefit against the same world without it.</summary>
public enum Verdict
{
    /// <summary>Net benefit higher than the counterfactual's: the 95% interval of the paired difference lies above 0.</summary>
    Helped,

    /// <summary>Net benefit lower: the interval lies below 0.</summary>
    Harmed,

    /// <summary>The interval straddles 0.</summary>
    NoClearDifference,

    /// <summary>There is nothing to compare with: no movement, or institutions cannot adopt in these runs.</summary>
    NotApplicable,

    /// <summary>The runs were not paired with their counterfactual (a batch without --counterfactual).</summary>
    NotRun,
}

/// <summary>The answer for one design point: the verdict, the report's opening sentence and the index's short form.</summary>
public sealed record TakeUpVerdict(Verdict Verdict, string Sentence, string Short);

/// <summary>
/// The source's question, "does institutional take-up make things a bit better for a few more people?", answered for a
/// design point against its own counterfactual (the same world with institutional_adoption = 0, paired run by run with
/// the same seeds), from the paired differences at the end of the runs and their 95% intervals over replicates.
/// </summary>
public static class TakeUpAnswer
{
    /// <summary>Why the comparison does not apply to the design point, or null when it does.</summary>
    public static string? NotApplicable(DesignPointSeries dp)
    {
        if (dp.IsMovementOnly)
        {
            return "institutional adoption is switched off in these runs, so they are the movement alone, their own counterfactual";
        }
        if (dp.Number("movement_capacity_max") == 0)
        {
            return "the scenario has no movement (movement_capacity_max = 0), so there is no movement alone to compare institutional take-up with";
        }
        return null;
    }

    public static TakeUpVerdict Of(DesignPointSeries dp)
    {
        if (NotApplicable(dp) is { } why)
        {
            return new TakeUpVerdict(Verdict.NotApplicable, $"The comparison with a counterfactual is not applicable: {why}.", "not applicable: " + why);
        }
        if (dp.FinalDifference(MeasureSet.NetBenefit) is not { N: > 0 } net)
        {
            return new TakeUpVerdict(Verdict.NotRun,
                "These runs were not paired with their counterfactual, so the report cannot say what institutional take-up changed " +
                "(run the batch with --counterfactual).",
                "not run (runs without --counterfactual)");
        }
        var verdict = VerdictOf(net);
        var opening = verdict switch
        {
            Verdict.Helped => "Institutional take-up helped",
            Verdict.Harmed => "Institutional take-up did harm",
            _ => "Institutional take-up made no clear difference to net benefit",
        };
        var clauses = new List<string>();
        if (dp.FinalDifference(MeasureSet.PeopleReached) is { N: > 0 } people)
        {
            clauses.Add(Change(people, "more people were reached", "fewer people were reached", "about as many people were reached", Format.People) +
                        Interval(people, Format.SignedPeople));
        }
        if (dp.FinalDifference(MeasureSet.Fidelity) is { N: > 0 } fidelity)
        {
            var alone = dp.Counterfactual()?.Final(MeasureSet.Reach).Mean;
            clauses.Add(alone == 0
                ? "average fidelity " + Format.Score(dp.Final(MeasureSet.Fidelity).Mean) + " (the movement alone reached nobody)"
                : "average fidelity was " + Change(fidelity, "higher", "lower", "about the same", Format.Score) + Interval(fidelity, Format.SignedScore));
        }
        clauses.Add("net benefit " + Change(net, "higher", "lower", "about the same", Format.Benefit) + Interval(net, Format.SignedBenefit));
        var sentence = $"{opening}: by {Format.Year(dp.EndYear)}, {Describe.List(clauses)} than in the same world without institutional take-up";
        if (dp.FinalDifference(MeasureSet.PeopleLost) is { N: > 0 } lost)
        {
            sentence += lost.Mean == 0 && (!lost.HasInterval || lost.CiLow == lost.CiHigh)
                ? "; no more people had lost fidelity they once had"
                : $"; {Format.People(Math.Abs(lost.Mean))} {(lost.Mean >= 0 ? "more" : "fewer")} people had lost fidelity they once had" + Interval(lost, Format.SignedPeople);
        }
        sentence += $" ({Replicates(dp.Replicates)}).";
        var brief = verdict switch
        {
            Verdict.Helped => "helped",
            Verdict.Harmed => "did harm",
            _ => "no clear difference",
        };
        return new TakeUpVerdict(verdict, sentence, $"{brief}: net benefit {Format.SignedBenefit(net.Mean)}" + Interval(net, Format.SignedBenefit));
    }

    /// <summary>From the 95% interval of the paired difference when there is one (two replicates or more), else from its sign.</summary>
    public static Verdict VerdictOf(Summary difference)
    {
        if (difference.HasInterval)
        {
            return difference.CiLow > 0 ? Verdict.Helped : difference.CiHigh < 0 ? Verdict.Harmed : Verdict.NoClearDifference;
        }
        return difference.Mean > 0 ? Verdict.Helped : difference.Mean < 0 ? Verdict.Harmed : Verdict.NoClearDifference;
    }

    /// <summary>"355,000 more people were reached", "0.47 lower", "the same".</summary>
    private static string Change(Summary d, string up, string down, string same, Func<double, string> format)
    {
        var size = format(Math.Abs(d.Mean));
        return format(0) == size ? same : $"{size} {(d.Mean > 0 ? up : down)}";
    }

    private static string Interval(Summary d, Func<double, string> signed) =>
        d.HasInterval ? $" (95% CI {signed(d.CiLow)} to {signed(d.CiHigh)})" : "";

    private static string Replicates(int n) => n == 1
        ? "one run and its counterfactual: no interval; more replicates give one"
        : $"{n} replicates, each paired with its counterfactual by seed";
}
