namespace MovementSim.Analysis.Calibration;

/// <summary>One Nelder-Mead run from one start, in parameter units.</summary>
public sealed record StartOutcome(double[] Start, double[] End, double Distance, bool Converged);

/// <summary>The distance along one parameter's grid (see <see cref="ProfileMethod"/>), for plots and checks.</summary>
public sealed record ParameterProfile(string Parameter, double[] Values, double[] Distances);

/// <summary>
/// A calibration: per-parameter rows, the smallest distance found and where, the profile's distance threshold,
/// every start's outcome and every profile, how many distinct points the fit simulated, each parameter's profile
/// interval (parameter units) and, for bootstrap intervals, the bootstrap (null for profile intervals).
/// </summary>
public sealed record CalibrationFit(
    IReadOnlyList<FitRow> Rows,
    double Distance,
    double[] Best,
    double Threshold,
    IReadOnlyList<StartOutcome> Starts,
    IReadOnlyList<ParameterProfile> Profiles,
    int SimulatedPoints,
    IReadOnlyList<(double Low, double High)> ProfileIntervals,
    BootstrapSummary? Bootstrap);
