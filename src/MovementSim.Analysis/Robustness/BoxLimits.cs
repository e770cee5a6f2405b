namespace MovementSim.Analysis.Robustness;

/// <summary>
/// The working bounds of a PRIM box: a lower and upper bound per continuous dimension, the kept levels per
/// categorical one. A box side is numbered 2j (lower bound, or the levels, of dimension j) or 2j + 1 (upper bound).
/// Mutable, for the algorithm's own use; the trajectory keeps clones and publishes <see cref="BoxRestriction"/>s.
/// </summary>
internal sealed class BoxLimits
{
    private readonly PrimData _data;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly bool[][] _kept;

    private BoxLimits(PrimData data, double[] lower, double[] upper, bool[][] kept)
    {
        _data = data;
        _lower = lower;
        _upper = upper;
        _kept = kept;
    }

    /// <summary>The whole sampled space: every range in full, every level kept.</summary>
    public static BoxLimits Whole(PrimData data)
    {
        var k = data.DimensionCount;
        var lower = new double[k];
        var upper = new double[k];
        var kept = new bool[k][];
        for (var j = 0; j < k; j++)
        {
            lower[j] = data.Ranges[j]?.Min ?? 0;
            upper[j] = data.Ranges[j]?.Max ?? 0;
            kept[j] = Enumerable.Repeat(true, data.LevelCounts[j]).ToArray();
        }
        return new BoxLimits(data, lower, upper, kept);
    }

    public BoxLimits Clone() =>
        new(_data, (double[])_lower.Clone(), (double[])_upper.Clone(), _kept.Select(k => (bool[])k.Clone()).ToArray());

    public static int Dimension(int side) => side / 2;

    public static bool IsUpper(int side) => side % 2 == 1;

    public bool Keeps(int dimension, int level) => _kept[dimension][level];

    public int KeptCount(int dimension) => _kept[dimension].Count(k => k);

    public bool IsLowerRestricted(int dimension) => _data.Ranges[dimension] is { } r && _lower[dimension] > r.Min;

    public bool IsUpperRestricted(int dimension) => _data.Ranges[dimension] is { } r && _upper[dimension] < r.Max;

    /// <summary>Whether the side restricts anything: a bound inside the range, or levels left out.</summary>
    public bool IsRestricted(int side)
    {
        var j = Dimension(side);
        if (_data.IsCategorical(j))
        {
            return !IsUpper(side) && KeptCount(j) < _data.LevelCounts[j];
        }
        return IsUpper(side) ? IsUpperRestricted(j) : IsLowerRestricted(j);
    }

    public bool IsDimensionRestricted(int dimension) => IsRestricted(2 * dimension) || IsRestricted(2 * dimension + 1);

    public int RestrictedDimensionCount()
    {
        var count = 0;
        for (var j = 0; j < _data.DimensionCount; j++)
        {
            count += IsDimensionRestricted(j) ? 1 : 0;
        }
        return count;
    }

    /// <summary>Sets the bound of a continuous side (2j lower, 2j + 1 upper).</summary>
    public void SetBound(int side, double value)
    {
        if (IsUpper(side))
        {
            _upper[Dimension(side)] = value;
        }
        else
        {
            _lower[Dimension(side)] = value;
        }
    }

    public void SetKept(int dimension, int level, bool kept) => _kept[dimension][level] = kept;

    /// <summary>Removes the side's restriction: the bound back to the end of the range, or every level kept.</summary>
    public void Relax(int side)
    {
        var j = Dimension(side);
        if (_data.Ranges[j] is { } r)
        {
            SetBound(side, IsUpper(side) ? r.Max : r.Min);
        }
        else
        {
            Array.Fill(_kept[j], true);
        }
    }

    /// <summary>Whether the row's value violates the side (lies below a lower bound, above an upper one, or at a level left out).</summary>
    public bool Violates(int side, int row)
    {
        var j = Dimension(side);
        if (_data.IsCategorical(j))
        {
            return !IsUpper(side) && !_kept[j][_data.Level(j, row)];
        }
        var x = _data.Columns[j][row];
        return IsUpper(side) ? x > _upper[j] : x < _lower[j];
    }

    public bool Contains(int row)
    {
        for (var side = 0; side < 2 * _data.DimensionCount; side++)
        {
            if (Violates(side, row))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The published form: one restriction per restricted dimension, in dimension order.</summary>
    public IReadOnlyList<BoxRestriction> ToRestrictions()
    {
        var restrictions = new List<BoxRestriction>();
        for (var j = 0; j < _data.DimensionCount; j++)
        {
            if (!IsDimensionRestricted(j))
            {
                continue;
            }
            var dimension = _data.Samples.Dimensions[j];
            if (dimension is CategoricalDimension c)
            {
                restrictions.Add(new LevelRestriction(c.Name, c.Levels.Where((_, level) => _kept[j][level]).ToArray()));
            }
            else
            {
                restrictions.Add(new RangeRestriction(dimension.Name,
                    IsLowerRestricted(j) ? _lower[j] : null,
                    IsUpperRestricted(j) ? _upper[j] : null));
            }
        }
        return restrictions;
    }
}
