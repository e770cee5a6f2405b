using System.Globalization;
using System.Text;
using MathNet.Numerics.Random;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Reporting;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// Writes small result folders that follow results/README.md exactly, from a simple seeded formula instead of
/// the simulation, so reporting can be tested without the engine. The numbers are plausible, not a model:
/// institutions adopt along a logistic curve, reach through them grows and their fidelity drifts down.
/// </summary>
public static class SyntheticResults
{
    public sealed record Options
    {
        public string Scenario { get; init; } = "direct_payments";
        public int Replicates { get; init; } = 5;
        public int Steps { get; init; } = 100;
        public double StartYear { get; init; } = 1995;
        public double Dt { get; init; } = 0.25;
        public int Seed { get; init; } = 42;

        /// <summary>Swept settings per design point; null: one design point (plus a movement-only one when <see cref="WithReference"/>).</summary>
        public IReadOnlyList<IReadOnlyDictionary<string, string>>? Design { get; init; }

        public bool WithReference { get; init; } = true;
        public bool MovementOnly { get; init; }
        public bool WithEvents { get; init; } = true;
        public bool WithAlternativesFile { get; init; } = true;
        public bool WithSensitivity { get; init; }
        public bool WithCalibration { get; init; }
        public bool WithSummary { get; init; } = true;
        public bool WithTimeseries { get; init; } = true;

        /// <summary>The folder holds a robustness analysis' files (robustness.json, robustness.csv, robustness-ranking.csv), made by a formula.</summary>
        public bool WithRobustness { get; init; }

        /// <summary>Each run carries its paired counterfactual's columns (as batch --counterfactual writes them): the same formula with institutional adoption 0 and the same noise.</summary>
        public bool WithCounterfactual { get; init; }

        /// <summary>Parameter values (by catalogue name) that differ from the defaults in every run.</summary>
        public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>
        {
            ["people"] = "2000", ["steps"] = "100", ["dt_years"] = "0.25", ["start_year"] = "1995", ["network"] = "small_world",
        };
    }

    public static readonly (string Component, string Alternative)[] Alternatives =
    [
        ("payment", "cash"), ("payment", "managed_account"), ("payment", "notional_budget"),
        ("support_plan", "person_led"), ("support_plan", "resource_allocation"),
    ];

    public static readonly ScheduledEvent[] Events =
    [
        new(1997, "mandate", "councils", 0.2), new(2003, "mandate", "councils", 1), new(2008, "forum", "all", 0.5), new(2015, "budget_shock", "all", 0.3),
    ];

    public static IReadOnlyList<string> MeasureNames { get; } =
        MeasureSet.Fixed.Concat(Alternatives.Select(a => MeasureSet.AlternativeShare(a.Component, a.Alternative))).ToList();

    /// <summary>Raw values written to timeseries.csv, by (design point, replicate): one array of measures per step.</summary>
    public sealed record Written(string Root, IReadOnlyList<IReadOnlyDictionary<string, string>> Design,
        IReadOnlyDictionary<(int DesignPoint, int Replicate), double[][]> Values, double[] Years);

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static Written Write(string root, Options o)
    {
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, "scenario"));
        var design = o.Design ?? (o.MovementOnly
            ? [new Dictionary<string, string> { ["institutional_adoption"] = "0" }]
            : o.WithReference
                ? [new Dictionary<string, string> { ["institutional_adoption"] = "1" }, new Dictionary<string, string> { ["institutional_adoption"] = "0" }]
                : [new Dictionary<string, string>()]);
        var swept = design.SelectMany(d => d.Keys).Distinct().ToList();
        var years = Enumerable.Range(0, o.Steps + 1).Select(s => o.StartYear + s * o.Dt).ToArray();
        var values = new Dictionary<(int, int), double[][]>();
        for (var dp = 0; dp < design.Count; dp++)
        {
            for (var rep = 0; rep < o.Replicates; rep++)
            {
                var rng = new Xoshiro256StarStar(o.Seed * 7919 + dp * 101 + rep, false);
                values[(dp, rep)] = years.Select(_ => Array.Empty<double>()).ToArray();
                var noise = 1 + 0.08 * Normal(rng);
                var lag = 0.6 * Normal(rng);
                for (var s = 0; s < years.Length; s++)
                {
                    var own = Measures(years[s] - o.StartYear, design[dp], noise, lag);
                    values[(dp, rep)][s] = o.WithCounterfactual ? WithCounterfactual(own, Measures(years[s] - o.StartYear, WithoutTakeUp(design[dp]), noise, lag)) : own;
                }
            }
        }
        IReadOnlyList<string> measures = o.WithCounterfactual ? [.. MeasureNames, .. CounterfactualColumns.Added] : MeasureNames;
        if (o.WithTimeseries)
        {
            var ts = new StringBuilder("run_id,design_point,replicate,seed,step,year," + string.Join(",", measures) + "\n");
            foreach (var ((dp, rep), rows) in values.OrderBy(kv => kv.Key))
            {
                var run = dp * o.Replicates + rep;
                for (var s = 0; s < rows.Length; s++)
                {
                    ts.Append($"{run},{dp},{rep},{1000 + run},{s},{R(years[s])},").Append(string.Join(",", rows[s].Select(R))).Append('\n');
                }
            }
            File.WriteAllText(Path.Combine(root, "timeseries.csv"), ts.ToString());
        }
        if (o.WithSummary)
        {
            var sb = new StringBuilder("design_point,step,year,measure,n,mean,sd,q05,q50,q95,ci_low,ci_high\n");
            for (var dp = 0; dp < design.Count; dp++)
            {
                for (var s = 0; s < years.Length; s++)
                {
                    for (var m = 0; m < measures.Count; m++)
                    {
                        var x = Summary.Of(Enumerable.Range(0, o.Replicates).Select(rep => values[(dp, rep)][s][m]));
                        sb.Append($"{dp},{s},{R(years[s])},{measures[m]},{x.N},{R(x.Mean)},{R(x.Sd)},{R(x.Q05)},{R(x.Q50)},{R(x.Q95)},{R(x.CiLow)},{R(x.CiHigh)}\n");
                    }
                }
            }
            File.WriteAllText(Path.Combine(root, "summary.csv"), sb.ToString());
        }
        var runs = new StringBuilder("run_id,design_point,replicate,seed," + string.Join(",", ParameterCatalog.All.Select(p => p.Name)) + "," +
                                     string.Join(",", measures.Select(m => "final_" + m)) + ",agent_steps,wall_seconds\n");
        foreach (var ((dp, rep), rows) in values.OrderBy(kv => kv.Key))
        {
            var run = dp * o.Replicates + rep;
            var parameters = ParameterCatalog.All.Select(p =>
                design[dp].TryGetValue(p.Name, out var v) ? v : o.Overrides.TryGetValue(p.Name, out var w) ? w : p.Format(p.Default));
            runs.Append($"{run},{dp},{rep},{1000 + run},").Append(string.Join(",", parameters)).Append(',')
                .Append(string.Join(",", rows[^1].Select(R))).Append($",{2000 * o.Steps},0.01\n");
        }
        File.WriteAllText(Path.Combine(root, "runs.csv"), runs.ToString());
        File.WriteAllText(Path.Combine(root, "design.csv"),
            string.Join(",", new[] { "design_point" }.Concat(swept)) + "\n" +
            string.Concat(design.Select((d, i) =>
                string.Join(",", new[] { i.ToString(CultureInfo.InvariantCulture) }.Concat(swept.Select(s => d.GetValueOrDefault(s) ?? ""))) + "\n")));
        var manifest = new ResultManifest(ResultManifest.ProgramName, "0.1.0", "0123456789abcdef", o.Scenario,
            [new ManifestInput("events.csv", "9f2c4e"), new ManifestInput("alternatives.csv", "51ab07")], o.Seed, null, "full_factorial", true,
            swept.ToArray(), design.Count, o.Replicates, design.Count * o.Replicates, 0, null,
            $"movementsim batch scenarios/{o.Scenario} --reps {o.Replicates}", 2, 1, "2025-01-01T10:00:00Z", "2025-01-01T10:00:05Z", false, true);
        File.WriteAllText(Path.Combine(root, ResultFiles.Manifest), manifest.ToText());
        if (o.WithEvents)
        {
            File.WriteAllText(Path.Combine(root, "scenario", "events.csv"),
                "year,event,target,value\n" + string.Concat(Events.Select(e => $"{R(e.Year)},{e.Kind},{e.Target},{R(e.Value)}\n")));
        }
        if (o.WithAlternativesFile)
        {
            File.WriteAllText(Path.Combine(root, "scenario", "components.csv"), "component,importance\npayment,0.6\nsupport_plan,0.4\n");
            File.WriteAllText(Path.Combine(root, "scenario", "alternatives.csv"),
                "component,alternative,fidelity,cost\n" + string.Concat(Alternatives.Select((a, i) => $"{a.Component},{a.Alternative},1,1\n")));
        }
        if (o.WithSensitivity)
        {
            File.WriteAllText(Path.Combine(root, "indices.csv"), """
                parameter,index,value,ci_low,ci_high
                imitation,S1,0.41,0.35,0.47
                imitation,ST,0.52,0.45,0.6
                conversation,S1,0.18,0.12,0.24
                conversation,ST,0.27,0.2,0.34
                coproduction,S1,0.09,0.04,0.14
                coproduction,ST,0.12,0.06,0.18
                crowd_out,S1,0.01,-0.02,0.04
                crowd_out,ST,0.02,0,0.05
                mimetic_rate,S1,0.02,-0.01,0.05
                mimetic_rate,ST,0.03,0.01,0.06
                imitation,mu_star,0.31,0.25,0.37
                imitation,sigma,0.12,0.08,0.16
                conversation,mu_star,0.15,0.1,0.2
                conversation,sigma,0.09,0.05,0.13
                crowd_out,mu_star,0.01,0,0.02
                crowd_out,sigma,0.01,0,0.02

                """.Replace("\r", ""));
        }
        if (o.WithCalibration)
        {
            File.WriteAllText(Path.Combine(root, "fit.csv"), "parameter,value,low,high,identified\nimitation,0.41,0.33,0.5,true\ncrowd_out,0.2,0.01,0.9,false\n");
            File.WriteAllText(Path.Combine(root, "observed.csv"), "year,measure,value,weight\n2000,reach,0.04,1\n2005,reach,0.12,1\n2010,reach,0.3,1\n2015,reach,0.9,0.5\n2003,fidelity,0.9,1\n");
        }
        if (o.WithRobustness)
        {
            WriteRobustness(root, o);
        }
        return new Written(root, design, values, years);
    }

    /// <summary>Worlds sampled over two numbers and a choice: take-up loses where the movement is large and benefit has a threshold.</summary>
    public const int RobustnessWorlds = 60;

    private static void WriteRobustness(string root, Options o)
    {
        var rng = new Xoshiro256StarStar(o.Seed + 17, false);
        var csv = new StringBuilder("sample,movement_capacity_max,coalition_threshold,benefit_function," +
                                    string.Join(",", CounterfactualColumns.Compared.Select(CounterfactualColumns.DifferenceOf)) + ",wins\n");
        var won = 0;
        for (var i = 0; i < RobustnessWorlds; i++)
        {
            var capacity = 0.01 + 0.14 * (i + rng.NextDouble()) / RobustnessWorlds;
            var threshold = 0.3 + 0.4 * rng.NextDouble();
            var choice = i % 2 == 0 ? "linear" : "threshold";
            var difference = 0.2 - (choice == "threshold" ? 2.2 : 0.8) * capacity - 0.1 * threshold + 0.02 * Normal(rng);
            won += difference > 0 ? 1 : 0;
            csv.Append(FormattableString.Invariant($"{i},{R(capacity)},{R(threshold)},{choice},0.5,-0.3,{R(difference)},0.02,50000,2000,{(difference > 0 ? "true" : "false")}\n"));
        }
        File.WriteAllText(Path.Combine(root, ResultFiles.Robustness), csv.ToString());
        File.WriteAllText(Path.Combine(root, ResultFiles.RobustnessRanking),
            "rank,parameter,prcc,ci_low,ci_high,p_value\n1,movement_capacity_max,-0.85,-0.9,-0.77,1E-12\n2,benefit_function,-0.6,-0.74,-0.41,2E-06\n3,coalition_threshold,0.2,-0.06,0.44,0.13\n");
        File.WriteAllText(Path.Combine(root, ResultFiles.RobustnessSummary), FormattableString.Invariant($$"""
            {
              "format": 1,
              "scenario": "{{o.Scenario}}",
              "measure": "net_benefit_difference",
              "year": {{R(o.StartYear + o.Steps * o.Dt)}},
              "step": {{o.Steps}},
              "samples": {{RobustnessWorlds}},
              "replicates": 3,
              "won": {{won}},
              "share_won": {{R((double)won / RobustnessWorlds)}},
              "share_won_low": 0.4,
              "share_won_high": 0.7,
              "confidence": 0.95,
              "base_difference": 0.12,
              "case_of_interest": "institutional take-up does not help",
              "cases": {{RobustnessWorlds - won}},
              "flip_region": "{{FlipRegion}}",
              "flip_region_found": true,
              "coverage": 0.8,
              "density": 0.9,
              "mass": 0.2,
              "worlds_in_region": 12,
              "restrictions": [],
              "ranking_note": null,
              "uncertain": [
                { "parameter": "movement_capacity_max", "range": "0.01–0.15", "min": 0.01, "max": 0.15, "source": "assumption" },
                { "parameter": "coalition_threshold", "range": "0.3–0.7", "min": 0.3, "max": 0.7, "source": "assumption" },
                { "parameter": "benefit_function", "range": "linear or threshold", "min": 0, "max": 1, "source": "Durlak and DuPre (2008)" }
              ]
            }

            """).Replace("\r", ""));
    }

    public const string FlipRegion = "Institutional take-up does not help when movement_capacity_max > 0.08 and benefit_function is threshold (coverage 0.8, density 0.9, 12 of 60 sampled worlds).";

    private static Dictionary<string, string> WithoutTakeUp(IReadOnlyDictionary<string, string> design) =>
        new(design, StringComparer.Ordinal) { ["institutional_adoption"] = "0" };

    /// <summary>The run's measures followed by, for each compared measure, the counterfactual's value and the difference.</summary>
    private static double[] WithCounterfactual(double[] own, double[] counterfactual)
    {
        var added = CounterfactualColumns.Compared.SelectMany(m =>
        {
            var i = MeasureNames.ToList().IndexOf(m);
            return new[] { counterfactual[i], own[i] - counterfactual[i] };
        });
        return [.. own, .. added];
    }

    private static double Normal(System.Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Setting(IReadOnlyDictionary<string, string> d, string name, double fallback) =>
        d.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static double Clamp01(double x) => Math.Clamp(x, 0, 1);

    /// <summary>All measures at time t (years since the start) in <see cref="MeasureNames"/> order.</summary>
    private static double[] Measures(double t, IReadOnlyDictionary<string, string> d, double noise, double lag)
    {
        var q = Setting(d, "imitation", 0.38);
        var c = Setting(d, "conversation", 0.5);
        var cp = Setting(d, "coproduction", 1);
        var inst = Setting(d, "institutional_adoption", 1);
        var adopted = Clamp01(inst * 0.9 / (1 + Math.Exp(-(t - (9 - 3 * c) - lag) * (0.3 + q))) * noise);
        var technical = Math.Min(adopted, 0.15 * noise);
        var mandated = t >= 8;
        var legitimacy = (adopted - technical) * (mandated ? 0.55 : 1);
        var coerced = adopted - technical - legitimacy;
        var ri = Clamp01(adopted * 0.6 * (1 - Math.Exp(-0.3 * Math.Max(0, t - 2))) * noise);
        var rm = Clamp01((0.01 + 0.04 * (1 - Math.Exp(-0.1 * t))) * noise * (1 - 0.3 * ri / 0.6));
        var reach = Clamp01(rm + ri);
        var fi = Math.Clamp(0.85 - 0.015 * t + 0.05 * cp * c, 0.3, 1);
        var fidelity = reach > 0 ? (rm + ri * fi) / reach : 0;
        var size = 0.05 + 0.3 * (1 - Math.Exp(-0.15 * t));
        double[] pos = [0.2 + 0.3 * adopted, 0.3, 0.5 - 0.1 * adopted];
        double[] mot = [0.6 - 0.3 * adopted, 0.05 + 0.15 * adopted, 0.1, 0.05 + 0.1 * adopted, 0.05, 0.05 + 0.05 * adopted, 0.1];
        var posSum = pos.Sum();
        var motSum = mot.Sum();
        double[] supportPosition = [0.3 + 0.4 * adopted, 0.5, 0.8 - 0.2 * (1 - fi)];
        double[] supportMotive = [0.85 - 0.3 * (1 - fi), 0.2 + 0.3 * adopted, 0.4, 0.25 + 0.2 * adopted, 0.35, 0.3 + 0.3 * adopted, 0.5];
        // Measures by name: the fixed ones of the core that the reports read, then per alternative. Any other fixed
        // measure (counts, workforce, targets) is 0 here, as in a scenario that does not use it.
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MeasureSet.Reach] = reach, [MeasureSet.ReachMovement] = rm, [MeasureSet.ReachInstitutional] = ri,
            [MeasureSet.Fidelity] = fidelity, [MeasureSet.InstitutionalFidelity] = adopted > 0 ? fi : 0,
            [MeasureSet.NetBenefit] = rm + ri * fi, [MeasureSet.InstitutionsAdopted] = adopted,
            [MeasureSet.AdoptedTechnical] = technical, [MeasureSet.AdoptedLegitimacy] = legitimacy,
            [MeasureSet.AdoptedCoerced] = coerced, [MeasureSet.CoalitionSize] = size,
            [MeasureSet.CoalitionBreadthPosition] = 0.8, [MeasureSet.CoalitionBreadthMotive] = 0.7,
            [MeasureSet.MovementCapacity] = 0.05 * (1 - 0.3 * adopted), [MeasureSet.ActorsVoice] = 0.2 * (1 - fi),
            [MeasureSet.ActorsExit] = 0.1 * (1 - fi), [MeasureSet.EligiblePeople] = 1_000_000,
            [MeasureSet.PeopleReached] = reach * 1_000_000,
        };
        foreach (var p in Enum.GetValues<Position>())
        {
            values[MeasureSet.CoalitionByPosition(p)] = pos[(int)p] / posSum;
            values[MeasureSet.SupportByPosition(p)] = Clamp01(supportPosition[(int)p]);
        }
        foreach (var m in Enum.GetValues<Motive>())
        {
            values[MeasureSet.CoalitionByMotive(m)] = mot[(int)m] / motSum;
            values[MeasureSet.SupportByMotive(m)] = Clamp01(supportMotive[(int)m]);
        }
        // Shares of institutional recipients per alternative, in the order of Alternatives.
        var original = Clamp01(fi - 0.2);
        double[] shares = [original, (1 - original) * 0.6, (1 - original) * 0.4, Clamp01(fi), 1 - Clamp01(fi)];
        for (var k = 0; k < Alternatives.Length; k++)
        {
            values[MeasureSet.AlternativeShare(Alternatives[k].Component, Alternatives[k].Alternative)] = ri > 0 ? shares[k] : 0;
        }
        var unknown = values.Keys.Where(k => !MeasureNames.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"synthetic measures not in the scenario's measure set: {string.Join(", ", unknown)}");
        }
        var list = MeasureNames.Select(n => values.GetValueOrDefault(n)).ToList();
        return list.ToArray();
    }
}
