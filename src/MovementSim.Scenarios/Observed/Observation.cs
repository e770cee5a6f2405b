namespace MovementSim.Scenarios;

/// <summary>
/// One observed or published value of a model measure in a year, and where it comes from: a row of an
/// observations file. Calibration fits to it and the report sets it against the model.
/// </summary>
/// <param name="Measure">The name of a model measure, as the columns of timeseries.csv name them.</param>
/// <param name="Weight">How much its squared error counts in a calibration's distance (1/σ² for a standard error σ); 1 unless given.</param>
/// <param name="Source">The publication, date and table the value comes from; empty when the file does not say.</param>
/// <param name="Note">What to know when reading it (e.g. a definition that differs from the model's); empty when none.</param>
public sealed record Observation(double Year, string Measure, double Value, double Weight = 1, string Source = "", string Note = "");

/// <summary>An observation as read from its file, with where its year and its measure are written.</summary>
public sealed record ObservedRow(Observation Observation, SourceLocation YearAt, SourceLocation MeasureAt);
