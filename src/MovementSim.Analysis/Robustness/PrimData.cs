namespace MovementSim.Analysis.Robustness;

/// <summary>
/// The sample matrix and outcome as PRIM reads them, prepared once: each continuous column's rows in ascending
/// order, so every peel finds its quantile by one walk instead of a sort.
/// </summary>
internal sealed class PrimData
{
    public PrimData(SampleMatrix samples, IReadOnlyList<bool> outcome)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Count != samples.RowCount)
        {
            throw new ArgumentException($"{outcome.Count} outcomes for {samples.RowCount} sampled worlds", nameof(outcome));
        }
        Samples = samples;
        RowCount = samples.RowCount;
        Outcome = outcome.ToArray();
        TotalCases = Outcome.Count(o => o);
        Columns = new double[samples.ColumnCount][];
        Order = new int[samples.ColumnCount][];
        Ranges = new ParameterRange?[samples.ColumnCount];
        LevelCounts = new int[samples.ColumnCount];
        for (var j = 0; j < Columns.Length; j++)
        {
            Columns[j] = samples.ColumnArray(j);
            switch (samples.Dimensions[j])
            {
                case ContinuousDimension c:
                    Ranges[j] = c.Range;
                    var keys = (double[])Columns[j].Clone();
                    var rows = Enumerable.Range(0, RowCount).ToArray();
                    Array.Sort(keys, rows);
                    Order[j] = rows;
                    break;
                case CategoricalDimension c:
                    LevelCounts[j] = c.Levels.Count;
                    Order[j] = [];
                    break;
            }
        }
    }

    public SampleMatrix Samples { get; }

    public int RowCount { get; }

    public int DimensionCount => Columns.Length;

    /// <summary>Values by [dimension][row]; a categorical value is its level index.</summary>
    public double[][] Columns { get; }

    public bool[] Outcome { get; }

    public int TotalCases { get; }

    /// <summary>Rows in ascending order of each continuous dimension's value; empty for categorical dimensions.</summary>
    public int[][] Order { get; }

    /// <summary>The sampled range of each continuous dimension; null for categorical ones.</summary>
    public ParameterRange?[] Ranges { get; }

    /// <summary>Number of levels of each categorical dimension; 0 for continuous ones.</summary>
    public int[] LevelCounts { get; }

    public bool IsCategorical(int dimension) => LevelCounts[dimension] > 0;

    public int Level(int dimension, int row) => (int)Columns[dimension][row];
}
