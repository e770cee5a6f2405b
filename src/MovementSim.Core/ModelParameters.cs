namespace MovementSim.Core;

/// <summary>
/// Every scalar parameter of the model. Immutable: sweeps and overrides make variants with <c>with</c>.
/// Units, valid ranges and sources live in <see cref="ParameterCatalog"/>, the single table that files,
/// the command line and the ODD's parameter table are checked against.
/// </summary>
public sealed record ModelParameters
{
    // Population and time
    public int People { get; init; } = 10_000;
    public int Steps { get; init; } = 100;
    public double DtYears { get; init; } = 0.25;
    public double StartYear { get; init; } = 2000;

    // People's network and take-up (Bass)
    public NetworkKind Network { get; init; } = NetworkKind.Random;
    public double MeanDegree { get; init; } = 10;
    public double Rewiring { get; init; } = 0.1;
    public double ExternalInfluence { get; init; } = 0.03;
    public double Imitation { get; init; } = 0.38;
    public double InitialReach { get; init; }
    public double QualitySensitivity { get; init; } = 1;
    public double DropoutRate { get; init; } = 0.2;
    public double PersonToleranceMin { get; init; } = 0.2;
    public double PersonToleranceMax { get; init; } = 0.8;

    // Movement delivery
    public double MovementCapacity { get; init; } = 0.01;
    public double MovementCapacityMax { get; init; } = 0.05;
    public double MovementGrowth { get; init; } = 0.5;
    public double CrowdOut { get; init; } = 0.5;
    public double Commissioning { get; init; } = 0.02;

    // Actors, beliefs and coalitions
    public NetworkKind ActorNetwork { get; init; } = NetworkKind.SmallWorld;
    public double ActorMeanDegree { get; init; } = 6;
    public int BrokerTies { get; init; } = 4;
    public double Conversation { get; init; } = 0.3;
    public double BeliefUpdateRate { get; init; } = 1.0;
    public double CoreBeliefWeight { get; init; } = 0.5;
    public double SocialWeight { get; init; } = 0.5;
    public double AppraisalWeight { get; init; } = 0.3;
    public double ResultsWeight { get; init; } = 0.2;
    public double ResultsVisibility { get; init; } = 0.05;
    public double CoalitionThreshold { get; init; } = 0.5;
    public double MotiveNoise { get; init; } = 0.2;
    public double SupportNoise { get; init; } = 0.1;

    // Institutional adoption
    public int InstitutionalAdoption { get; init; } = 1;
    public double ResourceNeed { get; init; } = 2.0;
    public double ThresholdSpread { get; init; } = 0.2;
    public double MimeticRate { get; init; } = 0.3;
    public double LegitimacySwitch { get; init; } = 0.3;
    public double MandateComplianceRate { get; init; } = 1.0;

    // Adaptation
    public double Coproduction { get; init; } = 0.5;
    public double VoiceNeed { get; init; } = 2.0;
    public double LegitimacyCoproductionFactor { get; init; } = 0.5;
    public double CoercedCoproductionFactor { get; init; } = 0.25;
    public double AdaptationInertia { get; init; } = 0.02;
    public double OfferMargin { get; init; }

    // Delivery: steering, coverage targets and reviews
    public double Gatekeeping { get; init; } = 1;
    public double TargetSteering { get; init; } = 0.5;
    public double PressureWeight { get; init; } = 0.3;
    public double TargetCompliance { get; init; } = 0.6;
    public double TargetComplianceSpread { get; init; } = 0.4;
    public double ReviewRate { get; init; } = 1;
    public double TargetBuildUp { get; init; }
    public double SystemsNeeded { get; init; }

    // Workforce and episodes of support
    public double Caseload { get; init; }
    public double RecruitmentRate { get; init; } = 2;
    public double RealInstitutions { get; init; }
    public double CompletionRate { get; init; }

    // Movement response
    public double ExitRate { get; init; } = 0.5;
    public double ReentryRate { get; init; } = 0.2;

    // Benefit
    public BenefitFunction BenefitFunction { get; init; } = BenefitFunction.Linear;
    public double BenefitThreshold { get; init; } = 0.7;
    public double BenefitBelowThreshold { get; init; } = 0.2;
    public double StatusQuoFidelity { get; init; }

    // Counts of real people
    public double EligiblePopulation { get; init; }

    public double EndYear => StartYear + Steps * DtYears;
}
