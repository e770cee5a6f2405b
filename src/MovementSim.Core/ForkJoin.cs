namespace MovementSim.Core;

/// <summary>
/// Runs one body on parts 0 .. n-1 at once and waits for all. Part p &gt; 0 is offered to a thread-pool work item made
/// once; the calling thread runs part 0 and then every part no worker has claimed yet, so running allocates nothing
/// and never waits for a part that no thread has started, even when the pool is busy (as in a batch of runs). Each
/// run has a generation number: a work item left over from an earlier run can only claim parts of the current run,
/// and only once the run is fully set up. The first exception of any part is rethrown after all have finished.
/// </summary>
internal sealed class ForkJoin
{
    public ForkJoin(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        Parts = parts;
        _claimedIn = new int[parts];
        _items = new Item[parts];
        for (var p = 1; p < parts; p++)
        {
            _items[p] = new Item(this, p);
        }
    }

    /// <summary>The generation in which each part was last claimed.</summary>
    private readonly int[] _claimedIn;
    private readonly Item[] _items;
    private readonly ManualResetEventSlim _done = new(false, spinCount: 200);
    private Action<int>? _body;
    private int _generation;
    private int _remaining;
    private Exception? _error;

    public int Parts { get; }

    public void Run(Action<int> body)
    {
        if (Parts == 1)
        {
            body(0);
            return;
        }
        _body = body;
        _error = null;
        _remaining = Parts;
        _done.Reset();
        var generation = Interlocked.Increment(ref _generation); // publishes the set-up above
        for (var p = 1; p < Parts; p++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_items[p], preferLocal: false);
        }
        for (var p = 0; p < Parts; p++)
        {
            TryRun(p, generation);
        }
        _done.Wait();
        if (_error is { } e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        }
    }

    private void TryRun(int part, int generation)
    {
        // Only a claim for a later generation than the part's last one succeeds: a worker still holding an earlier
        // generation's number finds every part of that run claimed.
        var seen = Volatile.Read(ref _claimedIn[part]);
        if (seen >= generation || Interlocked.CompareExchange(ref _claimedIn[part], generation, seen) != seen)
        {
            return;
        }
        try
        {
            _body!(part);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _error, e, null);
        }
        finally
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.Set();
            }
        }
    }

    private sealed class Item(ForkJoin owner, int part) : IThreadPoolWorkItem
    {
        public void Execute() => owner.TryRun(part, Volatile.Read(ref owner._generation));
    }
}
