namespace MovementSim.Batch;

/// <summary>
/// The arrays of one pass, used again by the next (the same lengths come back pass after pass): a pass allocates
/// nothing new, so memory holds one pass's values and not a pass's worth of garbage besides.
/// </summary>
internal sealed class CellPool
{
    private readonly Dictionary<int, Stack<double[]>> _free = [];
    private readonly List<double[]> _rented = [];

    public double[] Rent(int length)
    {
        var array = _free.TryGetValue(length, out var stack) && stack.Count > 0 ? stack.Pop() : new double[length];
        _rented.Add(array);
        return array;
    }

    public void ReturnAll()
    {
        foreach (var array in _rented)
        {
            if (!_free.TryGetValue(array.Length, out var stack))
            {
                _free[array.Length] = stack = new Stack<double[]>();
            }
            stack.Push(array);
        }
        _rented.Clear();
    }
}
