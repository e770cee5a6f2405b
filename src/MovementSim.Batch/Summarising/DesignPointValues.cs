namespace MovementSim.Batch;

/// <summary>Steps [FirstStep, EndStep) (indices into a design point's steps) × measures [FirstMeasure, EndMeasure).</summary>
internal readonly record struct Window(int FirstStep, int EndStep, int FirstMeasure, int EndMeasure)
{
    public int Width => EndMeasure - FirstMeasure;
}

internal sealed record StepRows(int Step, string Year)
{
    public int Count { get; set; }
}

/// <summary>The replicates' values of one design point, however they are stored.</summary>
internal abstract class DesignPointValues(int designPoint)
{
    public int DesignPoint { get; } = designPoint;

    /// <summary>The steps present, in increasing order, with the year as written in timeseries.csv and the number of rows.</summary>
    public List<StepRows> Steps { get; } = [];

    public long Rows => Steps.Sum(s => (long)s.Count);

    /// <summary>
    /// Fills cell [(step - FirstStep) × width + (measure - FirstMeasure)] with that step's and measure's value of
    /// every row, rows in run-id order.
    /// </summary>
    public abstract void Fill(Window window, double[][] cells);
}
