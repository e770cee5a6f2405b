using System.Globalization;

namespace MovementSim.Core;

public enum ParameterKind
{
    Real,
    Integer,
    Choice,
}

/// <summary>
/// One parameter as users see it: its snake_case name, default, valid range [Min, Max], unit,
/// meaning and source. Choice parameters are handled as the index of their option.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    ParameterKind Kind,
    double Min,
    double Max,
    string Unit,
    string Meaning,
    string Source,
    Func<ModelParameters, double> Get,
    Func<ModelParameters, double, ModelParameters> Set,
    IReadOnlyList<string>? Choices = null)
{
    public double Default => Get(new ModelParameters());

    /// <summary>
    /// Lowest value the parameter plausibly takes in the world the model describes, within [Min, Max]; for a choice,
    /// the index of the first plausible option. Null when the parameter is not uncertain: a setting of the
    /// simulation (people, steps), the counterfactual switch, a count taken from data, or a structural choice that
    /// sweeps study. <c>robustness</c> samples every uncertain parameter over [PlausibleMin, PlausibleMax].
    /// </summary>
    public double? PlausibleMin { get; init; }

    /// <summary>Highest plausible value (for a choice, the index of the last plausible option); null with <see cref="PlausibleMin"/>.</summary>
    public double? PlausibleMax { get; init; }

    /// <summary>Where the plausible range comes from: a citation, or "assumption".</summary>
    public string? PlausibleSource { get; init; }

    /// <summary>Whether the parameter has a plausible range, so that analyses of robustness vary it.</summary>
    public bool IsUncertain => PlausibleMin is not null && PlausibleMax is not null;

    /// <summary>The plausible range as the ODD and describe write it: "0.01–0.1", "linear or threshold"; "" when not uncertain.</summary>
    public string PlausibleText => !IsUncertain ? ""
        : Kind == ParameterKind.Choice
            ? string.Join(" or ", Choices!.Skip((int)PlausibleMin!.Value).Take((int)(PlausibleMax!.Value - PlausibleMin.Value) + 1))
            : $"{Format(PlausibleMin!.Value)}–{Format(PlausibleMax!.Value)}";

    public string Format(double value) => Kind switch
    {
        ParameterKind.Choice => Choices![(int)value],
        ParameterKind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public string FormatOf(ModelParameters p) => Format(Get(p));

    public string RangeText => Kind switch
    {
        ParameterKind.Choice => "one of " + string.Join(", ", Choices!),
        ParameterKind.Integer => $"an integer from {Format(Min)} to {Format(Max)}",
        _ => $"a number from {Format(Min)} to {Format(Max)}",
    };

    /// <summary>Parses and range-checks a value as typed by a user; on failure says what is allowed.</summary>
    public bool TryParse(string text, out double value, out string error)
    {
        text = text.Trim();
        error = "";
        if (Kind == ParameterKind.Choice)
        {
            for (var i = 0; i < Choices!.Count; i++)
            {
                if (string.Equals(Choices[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    value = i;
                    return true;
                }
            }
            value = 0;
            error = $"'{text}' is not a valid {Name}: expected {RangeText}";
            return false;
        }
        if (!StrictNumber.TryParse(text, out value))
        {
            error = $"'{text}' is not a number: {Name} must be {RangeText}";
            return false;
        }
        if (Kind == ParameterKind.Integer && value != Math.Floor(value))
        {
            error = $"'{text}' is not a whole number: {Name} must be {RangeText}";
            return false;
        }
        if (value < Min || value > Max)
        {
            error = $"{Name} = {text} is out of range: it must be {RangeText}";
            return false;
        }
        return true;
    }
}

/// <summary>Parses plain decimal numbers only: no thousands separators, exponents, NaN or infinities.</summary>
public static class StrictNumber
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }
        var i = 0;
        if (text[0] is '-' or '+')
        {
            i++;
        }
        var digits = 0;
        var dots = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == '.')
            {
                dots++;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || dots > 1)
        {
            return false;
        }
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}

/// <summary>The one table of parameters. The ODD's parameter table is checked against it by a test.</summary>
public static class ParameterCatalog
{
    private const string Assumption = "assumption";

    private static ParameterSpec Real(string name, double min, double max, string unit, string meaning, string source,
        Func<ModelParameters, double> get, Func<ModelParameters, double, ModelParameters> set) =>
        new(name, ParameterKind.Real, min, max, unit, meaning, source, get, set);

    private static ParameterSpec Int(string name, double min, double max, string unit, string meaning, string source,
        Func<ModelParameters, int> get, Func<ModelParameters, int, ModelParameters> set) =>
        new(name, ParameterKind.Integer, min, max, unit, meaning, source, p => get(p), (p, v) => set(p, checked((int)v)));

    private static ParameterSpec Choice<T>(string name, string meaning, string source, Func<T, string> nameOf,
        Func<ModelParameters, T> get, Func<ModelParameters, T, ModelParameters> set) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return new(name, ParameterKind.Choice, 0, values.Length - 1, "", meaning, source,
            p => Array.IndexOf(values, get(p)), (p, v) => set(p, values[(int)v]), values.Select(nameOf).ToArray());
    }

    public static readonly IReadOnlyList<ParameterSpec> All =
    [
        Int("people", 1, 50_000_000, "persons", "Size of the eligible population (agents).", Assumption,
            p => p.People, (p, v) => p with { People = v }),
        Int("steps", 1, 100_000, "steps", "Number of steps simulated.", Assumption,
            p => p.Steps, (p, v) => p with { Steps = v }),
        Real("dt_years", 0.001, 1, "years", "Length of one step.", "assumption (a quarter)",
            p => p.DtYears, (p, v) => p with { DtYears = v }),
        Real("start_year", 1900, 2200, "year", "Calendar year at step 0.", Assumption,
            p => p.StartYear, (p, v) => p with { StartYear = v }),
        Choice<NetworkKind>("network", "People's social network.", Assumption, Names.Of,
            p => p.Network, (p, v) => p with { Network = v }),
        Real("mean_degree", 0, 1000, "ties per person", "Mean number of ties per person (not used by complete mixing).",
            "assumption; 10 as in the performance workload",
            p => p.MeanDegree, (p, v) => p with { MeanDegree = v })
            .Plausible(5, 20, "assumption: 5 to 20 close ties per person"),
        Real("rewiring", 0, 1, "probability", "Watts-Strogatz rewiring probability (small_world networks).",
            "Watts and Strogatz (1998)",
            p => p.Rewiring, (p, v) => p with { Rewiring = v })
            .Plausible(0.01, 0.3, "assumption: the small-world regime of Watts and Strogatz (1998)"),
        Real("external_influence", 0, 10, "per year", "Bass p: hazard of take-up from an offer or promotion.",
            "Sultan, Farley and Lehmann (1990): mean p = 0.03",
            p => p.ExternalInfluence, (p, v) => p with { ExternalInfluence = v })
            .Plausible(0.005, 0.1, "assumption around Sultan, Farley and Lehmann (1990): mean p = 0.03"),
        Real("imitation", 0, 10, "per year", "Bass q: hazard of take-up per unit share of neighbours reached.",
            "Sultan, Farley and Lehmann (1990): mean q = 0.38",
            p => p.Imitation, (p, v) => p with { Imitation = v })
            .Plausible(0.02, 1, "assumption around Sultan, Farley and Lehmann (1990): mean q = 0.38"),
        Real("initial_reach", 0, 1, "share of people", "People receiving the movement's form at the start (within movement capacity).", Assumption,
            p => p.InitialReach, (p, v) => p with { InitialReach = v })
            .Plausible(0, 0.01, Assumption),
        Real("quality_sensitivity", 0, 10, "exponent", "Take-up hazards are multiplied by fidelity^quality_sensitivity.", Assumption,
            p => p.QualitySensitivity, (p, v) => p with { QualitySensitivity = v })
            .Plausible(0, 2, Assumption),
        Real("dropout_rate", 0, 10, "per year", "Hazard of leaving for a person whose tolerance exceeds the fidelity received.", Assumption,
            p => p.DropoutRate, (p, v) => p with { DropoutRate = v })
            .Plausible(0, 0.5, Assumption),
        Real("person_tolerance_min", 0, 1, "fidelity", "Lowest fidelity tolerance among people (uniform between min and max).", Assumption,
            p => p.PersonToleranceMin, (p, v) => p with { PersonToleranceMin = v })
            .Plausible(0, 0.4, Assumption),
        Real("person_tolerance_max", 0, 1, "fidelity", "Highest fidelity tolerance among people.", Assumption,
            p => p.PersonToleranceMax, (p, v) => p with { PersonToleranceMax = v })
            .Plausible(0.5, 1, Assumption),
        Real("movement_capacity", 0, 1, "share of people", "Share of the population the movement can serve at the start.", Assumption,
            p => p.MovementCapacity, (p, v) => p with { MovementCapacity = v })
            .Plausible(0, 0.01, Assumption),
        Real("movement_capacity_max", 0, 1, "share of people", "Ceiling of the movement's own capacity (logistic growth).", Assumption,
            p => p.MovementCapacityMax, (p, v) => p with { MovementCapacityMax = v })
            .Plausible(0.01, 0.15, Assumption),
        Real("movement_growth", 0, 10, "per year", "Logistic growth rate of movement capacity at full outside support.", Assumption,
            p => p.MovementGrowth, (p, v) => p with { MovementGrowth = v })
            .Plausible(0.1, 2, Assumption),
        Real("crowd_out", 0, 10, "per year", "Loss rate of movement capacity per unit institutional reach.", Assumption,
            p => p.CrowdOut, (p, v) => p with { CrowdOut = v })
            .Plausible(0, 2, Assumption),
        Real("commissioning", 0, 10, "share of people per year", "Movement capacity commissioned by co-producing adopters, per unit institutional reach.", Assumption,
            p => p.Commissioning, (p, v) => p with { Commissioning = v })
            .Plausible(0, 0.1, Assumption),
        Choice<NetworkKind>("actor_network", "Network of ties among actors (added to ties within each organisation).", Assumption, Names.Of,
            p => p.ActorNetwork, (p, v) => p with { ActorNetwork = v }),
        Real("actor_mean_degree", 0, 1000, "ties per actor", "Mean number of ties per actor across organisations.", Assumption,
            p => p.ActorMeanDegree, (p, v) => p with { ActorMeanDegree = v })
            .Plausible(2, 12, Assumption),
        Int("broker_ties", 0, 1000, "ties", "Extra ties of each broker to actors in other positions.", Assumption,
            p => p.BrokerTies, (p, v) => p with { BrokerTies = v })
            .Plausible(0, 10, Assumption),
        Real("conversation", 0, 1, "weight", "Constructive conversation: weight an actor or organisation gives to someone in another position (brokers always 1).", Assumption,
            p => p.Conversation, (p, v) => p with { Conversation = v })
            .Plausible(0, 1, Assumption),
        Real("belief_update_rate", 0, 100, "per year", "Rate at which secondary beliefs (support) move towards their target.", Assumption,
            p => p.BeliefUpdateRate, (p, v) => p with { BeliefUpdateRate = v })
            .Plausible(0.2, 5, Assumption),
        Real("core_belief_weight", 0, 1, "weight", "Stickiness of the policy core: weight of an actor's core belief in its support target.",
            "Sabatier and Weible (2007): policy-core beliefs resist change; value an assumption",
            p => p.CoreBeliefWeight, (p, v) => p with { CoreBeliefWeight = v })
            .Plausible(0.2, 0.8, "assumption (Sabatier and Weible 2007: policy-core beliefs resist change)"),
        Real("social_weight", 0, 1, "weight", "Weight of neighbours' support in the support target (relative).", Assumption,
            p => p.SocialWeight, (p, v) => p with { SocialWeight = v })
            .Plausible(0.1, 0.9, Assumption),
        Real("appraisal_weight", 0, 1, "weight", "Weight of one's own appraisal in the support target (relative).", Assumption,
            p => p.AppraisalWeight, (p, v) => p with { AppraisalWeight = v })
            .Plausible(0.1, 0.9, Assumption),
        Real("results_weight", 0, 1, "weight", "Weight of visible results in the support target (relative).", Assumption,
            p => p.ResultsWeight, (p, v) => p with { ResultsWeight = v })
            .Plausible(0, 0.5, Assumption),
        Real("results_visibility", 0.0001, 1, "share of people", "Reach at which results become fully visible.", Assumption,
            p => p.ResultsVisibility, (p, v) => p with { ResultsVisibility = v })
            .Plausible(0.01, 0.2, Assumption),
        Real("coalition_threshold", 0, 1, "support", "Support at or above which an actor is in the coalition.", Assumption,
            p => p.CoalitionThreshold, (p, v) => p with { CoalitionThreshold = v })
            .Plausible(0.3, 0.7, Assumption),
        Real("motive_noise", 0, 5, "log-sd", "Individual variation of motive weights around the archetype's (lognormal).", Assumption,
            p => p.MotiveNoise, (p, v) => p with { MotiveNoise = v })
            .Plausible(0, 0.5, Assumption),
        Real("support_noise", 0, 1, "support", "Individual variation of initial support and core belief around the archetype's (normal sd, clamped to 0..1).", Assumption,
            p => p.SupportNoise, (p, v) => p with { SupportNoise = v })
            .Plausible(0, 0.3, Assumption),
        Int("institutional_adoption", 0, 1, "switch", "1: institutions can adopt; 0: the movement acts alone (counterfactual).", Assumption,
            p => p.InstitutionalAdoption, (p, v) => p with { InstitutionalAdoption = v }),
        Real("resource_need", 0.001, 1000, "resource units", "Listened-to, support-weighted resource units of each kind that give full coverage of that kind.", Assumption,
            p => p.ResourceNeed, (p, v) => p with { ResourceNeed = v })
            .Plausible(0.5, 5, Assumption),
        Real("threshold_spread", 0, 1, "pressure", "Institutions' adoption thresholds vary uniformly by +/- this around their organisation's.", Assumption,
            p => p.ThresholdSpread, (p, v) => p with { ThresholdSpread = v })
            .Plausible(0, 0.4, Assumption),
        Real("mimetic_rate", 0, 100, "per year", "Hazard of adopting by imitation per unit share of peer institutions adopted.",
            "DiMaggio and Powell (1983), mimetic isomorphism; value an assumption",
            p => p.MimeticRate, (p, v) => p with { MimeticRate = v })
            .Plausible(0, 1, Assumption),
        Real("legitimacy_switch", 0, 1, "share of institutions", "Share of peers adopted after which adoption under pressure counts as for legitimacy.",
            "Tolbert and Zucker (1983); value an assumption",
            p => p.LegitimacySwitch, (p, v) => p with { LegitimacySwitch = v })
            .Plausible(0.1, 0.6, Assumption),
        Real("mandate_compliance_rate", 0, 100, "per year", "Hazard of adopting under a mandate of strength 1.", Assumption,
            p => p.MandateComplianceRate, (p, v) => p with { MandateComplianceRate = v })
            .Plausible(0.25, 4, Assumption),
        Real("coproduction", 0, 100, "weight", "Weight of fidelity in an inside organisation's choice at full voice of coalition members with access.", Assumption,
            p => p.Coproduction, (p, v) => p with { Coproduction = v })
            .Plausible(0, 2, Assumption),
        Real("voice_need", 0.001, 1000, "support", "Listened-to support of coalition members with access that gives an organisation's choice full voice.", Assumption,
            p => p.VoiceNeed, (p, v) => p with { VoiceNeed = v })
            .Plausible(0.5, 5, Assumption),
        Real("legitimacy_coproduction_factor", 0, 1, "factor", "Voice multiplier for institutions that adopted for legitimacy.",
            "Tolbert and Zucker (1983): later adopters adopt the label more than the substance; value an assumption",
            p => p.LegitimacyCoproductionFactor, (p, v) => p with { LegitimacyCoproductionFactor = v })
            .Plausible(0.2, 1, Assumption),
        Real("coerced_coproduction_factor", 0, 1, "factor", "Voice multiplier for institutions that adopted under a mandate.", Assumption,
            p => p.CoercedCoproductionFactor, (p, v) => p with { CoercedCoproductionFactor = v })
            .Plausible(0, 0.6, Assumption),
        Real("adaptation_inertia", 0, 10, "score", "An institution switches alternative only when the new one scores this much better.", Assumption,
            p => p.AdaptationInertia, (p, v) => p with { AdaptationInertia = v })
            .Plausible(0, 0.1, Assumption),
        Real("offer_margin", 0, 10, "score", "An adopted institution also offers every available alternative that scores within this margin of its default (rights are offered anyway).", Assumption,
            p => p.OfferMargin, (p, v) => p with { OfferMargin = v })
            .Plausible(0, 0.2, Assumption),
        Real("gatekeeping", 0, 10, "factor", "How hard an institution's staff turn back requests for an alternative that asks them more effort than the default, per unit of their profession motive, when coalition members have no voice in it.",
            "professionally-driven gatekeeping (source text); value an assumption",
            p => p.Gatekeeping, (p, v) => p with { Gatekeeping = v })
            .Plausible(0, 3, Assumption),
        Real("target_steering", 0, 10, "factor", "Extra steering towards the default per unit of delivery pressure (a target's relative shortfall times compliance).", Assumption,
            p => p.TargetSteering, (p, v) => p with { TargetSteering = v })
            .Plausible(0, 1.5, Assumption),
        Real("pressure_weight", 0, 10, "score", "Pull of delivery pressure on an institution's default towards alternatives that ask little staff effort.", Assumption,
            p => p.PressureWeight, (p, v) => p with { PressureWeight = v })
            .Plausible(0, 1, Assumption),
        Real("target_compliance", 0, 1, "share", "Mean compliance of institutions with a coverage target: the share of care-plan reviews an institution will use to move people onto its forms (1: every review, if the target needs it).", Assumption,
            p => p.TargetCompliance, (p, v) => p with { TargetCompliance = v })
            .Plausible(0.2, 1, Assumption),
        Real("target_compliance_spread", 0, 1, "share", "Institutions' compliance varies uniformly by +/- this around target_compliance (clamped to 0..1).",
            "NAO (2016) Personalised commissioning in adult social care: personal-budget take-up 10%-100% across councils; value an assumption",
            p => p.TargetComplianceSpread, (p, v) => p with { TargetComplianceSpread = v })
            .Plausible(0, 0.5, "assumption (NAO 2016: personal-budget take-up 10%-100% across councils)"),
        Real("review_rate", 0, 100, "per year", "Rate of care-plan reviews: people holding a withdrawn alternative re-choose, and people are moved onto the innovation to meet a target, at most this fast.",
            "annual review of care plans (Department of Health 2002, Fair Access to Care Services guidance; Care and Support Statutory Guidance 2014, ch. 13)",
            p => p.ReviewRate, (p, v) => p with { ReviewRate = v })
            .Plausible(0.5, 2, "assumption around the annual review of care plans (Care and Support Statutory Guidance 2014, ch. 13)"),
        Real("target_build_up", 0, 100, "years", "Mean time of each of the two stages in which an institution under a coverage target builds the means to move people onto its forms (its systems, then its capacity across its teams): capacity is 1 - (1 + t/this) exp(-t/this) after t years; 0: full capacity at once.",
            "councils built personal-budget systems with the Social Care Reform Grant, rising over 2008-11 (DH; Hansard HC WMS 17 Jun 2008); value fitted per scenario",
            p => p.TargetBuildUp, (p, v) => p with { TargetBuildUp = v })
            .Plausible(0, 6, "assumption: from none to several years per stage (the Social Care Reform Grant ran 2008-11; the 2013 target was missed)"),
        Real("systems_needed", 0, 1, "share", "How far an institution's systems for coverage targets must be built (the first stage of target_build_up) before it can offer, or default to, an alternative marked needs_systems; 0: no wait.",
            "councils' first personal budgets were mostly direct payments, managed budgets came later (ADASS/PPF 7 Dec 2010; TLAP Mar 2011); value fitted per scenario",
            p => p.SystemsNeeded, (p, v) => p with { SystemsNeeded = v })
            .Plausible(0, 0.6, Assumption),
        Real("caseload", 0, 100_000, "people per worker per year", "People a full-time worker supports in a year with the original form (a lighter form's relative cost lets them support more); 0: institutions have no workforce and serve the share of their locality their capacity says.",
            "NHS England guidance for social prescribing link workers: 200-250 people a year (6-12 contacts each); value set per scenario",
            p => p.Caseload, (p, v) => p with { Caseload = v }),
        Real("recruitment_rate", 0, 100, "per year", "Rate at which funded but unfilled workforce posts are filled.", Assumption,
            p => p.RecruitmentRate, (p, v) => p with { RecruitmentRate = v })
            .Plausible(0.5, 4, Assumption),
        Real("real_institutions", 0, 1_000_000, "institutions", "Real number of institutions the simulated ones stand for, to count their workforce in real posts (0: the simulated number).", Assumption,
            p => p.RealInstitutions, (p, v) => p with { RealInstitutions = v }),
        Real("completion_rate", 0, 100, "per year", "Rate at which a recipient's episode of support ends and they return to the status quo (0: it goes on, as a personal budget does).", Assumption,
            p => p.CompletionRate, (p, v) => p with { CompletionRate = v }),
        Real("exit_rate", 0, 100, "per year", "Hazard of exit per unit relative fidelity gap for a dissatisfied outside actor.",
            "Hirschman (1970) exit, voice and loyalty; value an assumption",
            p => p.ExitRate, (p, v) => p with { ExitRate = v })
            .Plausible(0.1, 2, Assumption),
        Real("reentry_rate", 0, 100, "per year", "Hazard of an exited actor returning once fidelity meets its tolerance.", Assumption,
            p => p.ReentryRate, (p, v) => p with { ReentryRate = v })
            .Plausible(0.05, 1, Assumption),
        Choice<BenefitFunction>("benefit_function", "How benefit depends on fidelity: linear, or threshold.",
            "Durlak and DuPre (2008): benefits mainly above 60-80% implementation", Names.Of,
            p => p.BenefitFunction, (p, v) => p with { BenefitFunction = v })
            .Plausible(0, 1, "Durlak and DuPre (2008): benefits mainly above 60-80% implementation; whether benefit has a threshold is uncertain"),
        Real("benefit_threshold", 0, 1, "fidelity", "Fidelity below which benefit is cut (threshold benefit function).",
            "Durlak and DuPre (2008): 60-80%",
            p => p.BenefitThreshold, (p, v) => p with { BenefitThreshold = v })
            .Plausible(0.6, 0.8, "Durlak and DuPre (2008): 60-80%"),
        Real("benefit_below_threshold", 0, 1, "factor", "Share of benefit kept below the threshold.", Assumption,
            p => p.BenefitBelowThreshold, (p, v) => p with { BenefitBelowThreshold = v })
            .Plausible(0, 0.5, Assumption),
        Real("status_quo_fidelity", 0, 1, "fidelity", "What people get without the innovation (traditional services), as the fidelity whose benefit it gives: its benefit is benefit(status_quo_fidelity), and net benefit is the gain over it.", Assumption,
            p => p.StatusQuoFidelity, (p, v) => p with { StatusQuoFidelity = v })
            .Plausible(0, 0.5, Assumption),
        Real("eligible_population", 0, 1_000_000_000, "persons", "Real number of eligible people the simulated people stand for (0: the simulated number); a scenario's population.csv gives it year by year instead.", Assumption,
            p => p.EligiblePopulation, (p, v) => p with { EligiblePopulation = v }),
    ];

    /// <summary>The spec with its plausible range (see <see cref="ParameterSpec.PlausibleMin"/>).</summary>
    private static ParameterSpec Plausible(this ParameterSpec spec, double min, double max, string source) =>
        spec with { PlausibleMin = min, PlausibleMax = max, PlausibleSource = source };

    private static readonly Dictionary<string, ParameterSpec> ByName =
        All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static ParameterSpec? Find(string name) => ByName.GetValueOrDefault(name.Trim());

    /// <summary>Closest known name by edit distance, for "did you mean" messages.</summary>
    public static string? Nearest(string name) => NameSuggester.Nearest(name, ByName.Keys);

    /// <summary>Checks relations between parameters that no single range expresses.</summary>
    public static IEnumerable<string> CrossChecks(ModelParameters p)
    {
        if (p.PersonToleranceMin > p.PersonToleranceMax)
        {
            yield return $"person_tolerance_min ({p.PersonToleranceMin.ToString(CultureInfo.InvariantCulture)}) must not exceed person_tolerance_max ({p.PersonToleranceMax.ToString(CultureInfo.InvariantCulture)})";
        }
        if (p.MovementCapacity > p.MovementCapacityMax)
        {
            yield return $"movement_capacity ({p.MovementCapacity.ToString(CultureInfo.InvariantCulture)}) must not exceed movement_capacity_max ({p.MovementCapacityMax.ToString(CultureInfo.InvariantCulture)})";
        }
        if (p.Network != NetworkKind.Complete && p.MeanDegree >= p.People)
        {
            yield return $"mean_degree ({p.MeanDegree.ToString(CultureInfo.InvariantCulture)}) must be below people ({p.People})";
        }
        if (p.Network != NetworkKind.Complete && (double)p.People * Math.Max(p.MeanDegree, 2) > int.MaxValue / 2)
        {
            yield return $"people x mean_degree ({p.People} x {p.MeanDegree.ToString(CultureInfo.InvariantCulture)}) is too large for one network (at most about 5e8 ties)";
        }
        if (p.SocialWeight + p.AppraisalWeight + p.ResultsWeight <= 0)
        {
            yield return "social_weight, appraisal_weight and results_weight cannot all be 0";
        }
    }
}
