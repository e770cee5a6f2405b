namespace MovementSim.Analysis.Calibration;

/// <summary>
/// One calibrated parameter, tidy: the fitted (or posterior mean) value, an uncertainty interval [Low, High]
/// in parameter units, and whether the data pin it down. Identified is false when the interval covers much of
/// the parameter's range: the value is then an arbitrary point of a flat valley, not an estimate.
/// </summary>
public sealed record FitRow(string Parameter, double Value, double Low, double High, bool Identified);
