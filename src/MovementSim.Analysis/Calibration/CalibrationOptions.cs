namespace MovementSim.Analysis.Calibration;

/// <summary>How the distance profile along each parameter is traced.</summary>
public enum ProfileMethod
{
    /// <summary>
    /// Vary one parameter over a grid with the others held at the fit, all grid points in one batch. Cheap, but
    /// blind to trade-offs: when two parameters can compensate each other, each slice looks sharp although the
    /// pair is not identified. Use <see cref="Reoptimised"/> (or ABC) when that matters.
    /// </summary>
    Slice,

    /// <summary>
    /// Profile in the likelihood sense: at each grid value of one parameter the others are re-fitted by
    /// Nelder-Mead, warm-started from the neighbouring grid value. Sees trade-offs; costs a fit per grid point
    /// and runs point by point.
    /// </summary>
    Reoptimised,
}

/// <summary>Where the intervals in <see cref="FitRow"/> come from.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Parametric bootstrap: data sets simulated at the fit, each refitted with random numbers of its own; the
    /// interval is the central percentile interval of the refitted values, widened to the profile interval where
    /// that is wider (see <see cref="Calibrator"/>). Its spread includes the randomness of the world the data
    /// come from (with its autocorrelation over years) and the Monte Carlo error of the simulated replicate mean.
    /// </summary>
    Bootstrap,

    /// <summary>
    /// The profile interval alone: the values whose profile distance stays within the threshold. It treats the
    /// observations as independent and the simulated mean as exact, so it is too narrow for cumulative measures
    /// such as reach: a check of identifiability, not a confidence interval.
    /// </summary>
    Profile,
}

/// <summary>What the profile threshold is measured in.</summary>
public enum ThresholdScale
{
    /// <summary>
    /// The threshold is a chi-square quantile multiplied by the residual variance estimate D_min / (n - k)
    /// (n observations with positive weight, k parameters): the large-sample form of the profile-t interval of
    /// nonlinear least squares (Bates and Watts 1988, ch. 6; for small n - k the F(1, n - k) quantile, e.g. 4.35
    /// at n - k = 20, is the more exact threshold). Right for unit weights in any measurement units; needs n > k.
    /// </summary>
    ResidualVariance,

    /// <summary>
    /// The threshold is used as given, in distance units: with weights 1/σ², 3.84 gives the 95% profile
    /// likelihood interval (Wilks' theorem, one degree of freedom).
    /// </summary>
    Absolute,
}

/// <summary>
/// Settings of a Nelder-Mead calibration. All random choices (the Latin hypercube of <see cref="Starts"/>
/// start points) come from <see cref="Seed"/>. <see cref="MaxEvaluationsPerRun"/> bounds one Nelder-Mead run;
/// a start makes up to three (the first and two restarts), and a re-optimised profile one set per grid point.
/// <see cref="ConvergenceTolerance"/> is MathNet's: the relative spread of distances over the simplex.
/// <see cref="ProfilePoints"/> grid points span each range; interval ends are then refined by bisection.
/// A parameter is reported as not identified when its interval covers more than
/// <see cref="UnidentifiedFraction"/> of its range. <see cref="Interval"/> chooses the intervals;
/// <see cref="BootstrapRefits"/> is the number of simulated data sets refitted for bootstrap intervals.
/// </summary>
public sealed record CalibrationOptions(
    int Seed,
    int Starts = 6,
    int MaxEvaluationsPerRun = 1500,
    double ConvergenceTolerance = 1e-9,
    int ProfilePoints = 41,
    ProfileMethod Profile = ProfileMethod.Slice,
    ThresholdScale ThresholdScale = ThresholdScale.ResidualVariance,
    double Threshold = CalibrationOptions.ChiSquare95,
    double UnidentifiedFraction = 0.5,
    IntervalMethod Interval = IntervalMethod.Bootstrap,
    int BootstrapRefits = CalibrationOptions.DefaultBootstrapRefits)
{
    /// <summary>95% quantile of the chi-square distribution with one degree of freedom.</summary>
    public const double ChiSquare95 = 3.841458820694124;

    /// <summary>Coverage the bootstrap intervals aim at, as the profile threshold's <see cref="ChiSquare95"/> does.</summary>
    public const double BootstrapConfidence = 0.95;

    /// <summary>
    /// The fewest refits whose order statistics give a 95% interval: with N refits the k-th smallest value is the
    /// k/(N + 1) quantile, so 39 puts the smallest at 2.5% and the largest at 97.5% (Davison and Hinkley 1997,
    /// section 5.2.1). Each refit costs a quarter to a third of a start's simulations, so 39 is the default.
    /// </summary>
    public const int DefaultBootstrapRefits = 39;

    /// <summary>Fewest refits accepted: two are needed for any spread at all.</summary>
    public const int MinBootstrapRefits = 2;
    /// <summary>Throws an <see cref="ArgumentException"/> listing every bad setting.</summary>
    public void Validate(int positiveObservations, int parameters)
    {
        var errors = new List<string>();
        if (Starts < 1)
        {
            errors.Add($"Starts = {Starts}: need at least 1 start");
        }
        if (MaxEvaluationsPerRun < 10)
        {
            errors.Add($"MaxEvaluationsPerRun = {MaxEvaluationsPerRun}: need at least 10 evaluations per Nelder-Mead run");
        }
        if (!(ConvergenceTolerance > 0 && ConvergenceTolerance < 1))
        {
            errors.Add($"ConvergenceTolerance = {ConvergenceTolerance}: must lie strictly between 0 and 1");
        }
        if (ProfilePoints < 3)
        {
            errors.Add($"ProfilePoints = {ProfilePoints}: need at least 3 grid points per parameter");
        }
        if (!double.IsFinite(Threshold) || Threshold <= 0)
        {
            errors.Add($"Threshold = {Threshold}: must be a positive number");
        }
        if (!(UnidentifiedFraction > 0 && UnidentifiedFraction <= 1))
        {
            errors.Add($"UnidentifiedFraction = {UnidentifiedFraction}: must lie in (0, 1]");
        }
        if (Interval == IntervalMethod.Bootstrap && BootstrapRefits < MinBootstrapRefits)
        {
            errors.Add($"BootstrapRefits = {BootstrapRefits}: need at least {MinBootstrapRefits} refits for a bootstrap interval");
        }
        if (ThresholdScale == ThresholdScale.ResidualVariance && positiveObservations <= parameters)
        {
            errors.Add($"{positiveObservations} weighted observations cannot estimate a residual variance for {parameters} parameters: " +
                $"add observations or use {nameof(ThresholdScale)}.{nameof(ThresholdScale.Absolute)} with weights 1/σ²");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid calibration options: " + string.Join("; ", errors));
        }
    }
}
