namespace MovementSim.Scenarios;

/// <summary>
/// An observations file (<c>observed.csv</c>): one observed value of a measure per row, with its source. A
/// scenario folder may ship one (calibrate uses it when --observed is not given, and the report sets the model
/// against it); <c>calibrate --observed FILE</c> reads any file of the same format. This reader checks the file
/// alone; whether its measures and years fit a scenario is for the tool that uses it to say.
/// </summary>
public static class ObservedFile
{
    public const string Name = "observed.csv";

    public static readonly FileFormat Format = new(Name, false,
        "Observed or published values to calibrate against and to show beside the model in the report, one per row. "
        + "Optional; columns other than these are allowed and ignored. A figure shipped with a scenario should name its source.",
        [
            new("year", ColumnKind.Real, "Calendar year of the value; fractions allowed (2010.25 is the end of March 2010). "
                + "It is compared with the step nearest to it.", "year"),
            new("measure", ColumnKind.Reference, "The model measure the value is of, as the columns of timeseries.csv name it "
                + "(a share such as reach, or a count of people).",
                AllowedText: "the name of a measure the scenario's runs produce"),
            new("value", ColumnKind.Real, "The observed value, in the measure's unit.", "the measure's unit"),
            new("weight", ColumnKind.Real, "Weight of the value's squared error in a calibration's distance (1/σ² for a standard error σ); "
                + "empty or absent means 1.", "1/unit²", Min: 0, Optional: true),
            new("source", ColumnKind.Text, "Where the value comes from: publication, date and table.", AllowedText: "text", Optional: true),
            new("note", ColumnKind.Text, "What to know when reading the value, e.g. where its definition differs from the model's.",
                AllowedText: "text", Optional: true),
        ],
        OtherColumnsAllowed: true);

    /// <summary>Reads the file; every problem is added to <paramref name="errors"/> and its row left out.</summary>
    public static IReadOnlyList<ObservedRow> Read(string fullPath, string displayPath, List<ScenarioError> errors) =>
        Rows(TableReader.Open(fullPath, displayPath, Format, errors), errors);

    /// <summary>Reads CSV text as the file <paramref name="displayPath"/>.</summary>
    public static IReadOnlyList<ObservedRow> Parse(string text, string displayPath, List<ScenarioError> errors) =>
        Rows(TableReader.Parse(text, displayPath, Format, errors), errors);

    internal static IReadOnlyList<ObservedRow> Rows(TableReader? reader, List<ScenarioError> errors)
    {
        var rows = new List<ObservedRow>();
        if (reader is not { Usable: true })
        {
            return rows;
        }
        if (reader.Table.Rows.Count == 0)
        {
            reader.Error(reader.HeaderLine, 0, $"the file has a header but no observations: give one row per observed value ({Format.HeaderShape})");
            return rows;
        }
        var f = Format;
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                continue;
            }
            var ok = row.Real(f["year"], out var year)
                & row.Reference(f["measure"], out var measure)
                & row.Real(f["value"], out var value);
            ok &= row.OptionalReal(f["weight"], out var given);
            var weight = given ?? 1.0;
            if (ok)
            {
                rows.Add(new ObservedRow(new Observation(year, measure, value, weight, row.Raw(f["source"]), row.Raw(f["note"])),
                    row.At(f["year"]), row.At(f["measure"])));
            }
        }
        return rows;
    }
}
