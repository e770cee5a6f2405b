using System.Globalization;

namespace MovementSim.Analysis.Robustness;

/// <summary>
/// Sampled worlds, immutable: one row per world, one column per <see cref="SampleDimension"/>. A continuous
/// value lies within its range; a categorical value is the index of its level. Stored by column, since the
/// analyses read one parameter across all worlds at a time.
/// </summary>
public sealed class SampleMatrix
{
    /// <summary>At most this many bad values are named in one error; the rest are counted.</summary>
    private const int ProblemsNamed = 10;

    private readonly double[][] _columns;

    private SampleMatrix(IReadOnlyList<SampleDimension> dimensions, double[][] columns, int rowCount)
    {
        Dimensions = dimensions;
        _columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<SampleDimension> Dimensions { get; }

    public int RowCount { get; }

    public int ColumnCount => _columns.Length;

    public double this[int row, int column] => _columns[column][row];

    public ReadOnlySpan<double> Column(int column) => _columns[column];

    /// <summary>The column itself, not a copy: for the analyses of this assembly, which never write to it.</summary>
    internal double[] ColumnArray(int column) => _columns[column];

    /// <summary>
    /// A matrix from rows (one per sampled world, values in the order of <paramref name="dimensions"/>), copied.
    /// Throws an <see cref="ArgumentException"/> naming every problem (up to ten values by row, counted from 0, and
    /// parameter).
    /// </summary>
    public static SampleMatrix FromRows(IReadOnlyList<SampleDimension> dimensions, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var frozen = ValidateDimensions(dimensions);
        var columns = new double[frozen.Count][];
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = new double[rows.Count];
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"row {i} is missing", nameof(rows));
            if (row.Count != frozen.Count)
            {
                throw new ArgumentException($"row {i} has {row.Count} values for {frozen.Count} parameters", nameof(rows));
            }
            for (var j = 0; j < columns.Length; j++)
            {
                columns[j][i] = row[j];
            }
        }
        return Checked(frozen, columns, rows.Count);
    }

    /// <summary>A matrix from columns (one per dimension, one value per sampled world), copied; checked as <see cref="FromRows"/>.</summary>
    public static SampleMatrix FromColumns(IReadOnlyList<SampleDimension> dimensions, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var frozen = ValidateDimensions(dimensions);
        if (columns.Count != frozen.Count)
        {
            throw new ArgumentException($"{columns.Count} columns for {frozen.Count} parameters", nameof(columns));
        }
        var rowCount = columns.Count == 0 ? 0 : columns[0]?.Count ?? 0;
        var copies = new double[frozen.Count][];
        for (var j = 0; j < copies.Length; j++)
        {
            var column = columns[j] ?? throw new ArgumentException($"the column of {frozen[j].Name} is missing", nameof(columns));
            if (column.Count != rowCount)
            {
                throw new ArgumentException($"the column of {frozen[j].Name} has {column.Count} values, the first column {rowCount}", nameof(columns));
            }
            copies[j] = column.ToArray();
        }
        return Checked(frozen, copies, rowCount);
    }

    private static SampleMatrix Checked(IReadOnlyList<SampleDimension> dimensions, double[][] columns, int rowCount)
    {
        if (rowCount == 0)
        {
            throw new ArgumentException("no sampled worlds: the matrix needs at least one row");
        }
        var problems = new List<string>();
        var count = 0;
        for (var j = 0; j < columns.Length; j++)
        {
            for (var i = 0; i < rowCount; i++)
            {
                var problem = Problem(dimensions[j], columns[j][i]);
                if (problem is not null && count++ < ProblemsNamed)
                {
                    problems.Add($"row {i}, {dimensions[j].Name}: {problem}");
                }
            }
        }
        if (count > ProblemsNamed)
        {
            problems.Add($"and {count - ProblemsNamed} more");
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid sampled values: " + string.Join("; ", problems));
        }
        return new SampleMatrix(dimensions, columns, rowCount);
    }

    private static string? Problem(SampleDimension dimension, double value) => dimension switch
    {
        ContinuousDimension { Range: var r } when !double.IsFinite(value) || value < r.Min || value > r.Max =>
            $"{F(value)} is outside its range [{F(r.Min)}, {F(r.Max)}]",
        CategoricalDimension c when !(value >= 0 && value < c.Levels.Count && value == Math.Floor(value)) =>
            $"{F(value)} is not a level index (a whole number from 0 to {c.Levels.Count - 1})",
        _ => null,
    };

    /// <summary>
    /// Checks names and levels, listing every problem at once, then the ranges (<see cref="ParameterSpace.Validate"/>);
    /// returns a copy the caller cannot change.
    /// </summary>
    private static IReadOnlyList<SampleDimension> ValidateDimensions(IReadOnlyList<SampleDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count == 0)
        {
            throw new ArgumentException("no sampled parameters: give at least one dimension", nameof(dimensions));
        }
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ranges = new List<ParameterRange>();
        for (var j = 0; j < dimensions.Count; j++)
        {
            switch (dimensions[j])
            {
                case null:
                    errors.Add($"dimension {j + 1} is missing");
                    continue;
                case ContinuousDimension c:
                    ranges.Add(c.Range);
                    continue;
                case CategoricalDimension c:
                    if (string.IsNullOrWhiteSpace(c.Name))
                    {
                        errors.Add($"dimension {j + 1} has no name");
                    }
                    else if (!names.Add(c.Name))
                    {
                        errors.Add($"{c.Name} is listed more than once");
                    }
                    if (c.Levels is null || c.Levels.Count == 0)
                    {
                        errors.Add($"{c.Name}: a categorical parameter needs at least one level");
                    }
                    else if (c.Levels.Any(string.IsNullOrWhiteSpace) || c.Levels.Distinct(StringComparer.Ordinal).Count() != c.Levels.Count)
                    {
                        errors.Add($"{c.Name}: levels must be distinct and not blank, got ({string.Join(", ", c.Levels)})");
                    }
                    continue;
                default:
                    errors.Add($"{dimensions[j].Name}: unknown kind of dimension {dimensions[j].GetType().Name}");
                    continue;
            }
        }
        errors.AddRange(ranges.Where(r => r.Name is not null && names.Contains(r.Name)).Select(r => $"{r.Name} is both a range and a choice"));
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid sampled parameters: " + string.Join("; ", errors), nameof(dimensions));
        }
        if (ranges.Count > 0)
        {
            ParameterSpace.Validate(ranges);
        }
        return dimensions.Select(d => d is CategoricalDimension c ? c with { Levels = c.Levels.ToArray() } : d).ToArray();
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
