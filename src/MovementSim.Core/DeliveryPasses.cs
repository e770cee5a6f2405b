namespace MovementSim.Core;

/// <summary>The two passes of the delivery rule that may run on several threads, deciding and updating
/// reached-neighbour counts, with the work split between threads. The workers are set up once, so a step allocates
/// nothing; the results never depend on the number of threads.</summary>
internal sealed class DeliveryPasses
{
    public DeliveryPasses(DeliveryScratch scratch)
    {
        _scratch = scratch;
        _decidePart = DecidePart;
        _neighbourPart = NeighbourPart;
    }

    private readonly DeliveryScratch _scratch;
    private readonly Action<int> _decidePart;
    private readonly Action<int> _neighbourPart;
    private ForkJoin? _workers;

    /// <summary>Part p of the neighbour-count pass takes chunks [split[p], split[p + 1]).</summary>
    private int[] _changeSplit = [];

    /// <summary>Decides every chunk, on <paramref name="threads"/> threads (the calling one included).</summary>
    public void Decide(int threads) => Workers(threads).Run(_decidePart);

    /// <summary>Applies the chunks' changes to neighbours' counts on <paramref name="threads"/> threads, each taking a
    /// contiguous run of chunks with about equal numbers of changes.</summary>
    public void UpdateNeighbourCounts(int threads)
    {
        SplitChangesInto(threads);
        Workers(threads).Run(_neighbourPart);
    }

    private ForkJoin Workers(int threads)
    {
        if (_workers is null || _workers.Parts != threads)
        {
            _workers = new ForkJoin(threads);
        }
        return _workers;
    }

    /// <summary>Part p of the decide pass: a contiguous run of chunks.</summary>
    private void DecidePart(int p)
    {
        var parts = _workers!.Parts;
        var chunks = _scratch.CandidateCount.Length;
        for (int c = (int)((long)p * chunks / parts), end = (int)((long)(p + 1) * chunks / parts); c < end; c++)
        {
            Rules.DecideChunk(_scratch.World, _scratch, c);
        }
    }

    private void NeighbourPart(int p) =>
        Rules.UpdateNeighbourCounts(_scratch.World, _scratch, _changeSplit[p], _changeSplit[p + 1], atomic: true);

    /// <summary>Cuts the chunks into <paramref name="parts"/> contiguous runs holding about equal numbers of changes
    /// (they cluster where institutions have adopted, so equal numbers of chunks would leave one thread waiting).</summary>
    private void SplitChangesInto(int parts)
    {
        if (_changeSplit.Length != parts + 1)
        {
            _changeSplit = new int[parts + 1];
        }
        var counts = _scratch.ChangeCount;
        long total = 0;
        foreach (var n in counts)
        {
            total += n;
        }
        long seen = 0;
        var c = 0;
        for (var p = 1; p < parts; p++)
        {
            var target = total * p / parts;
            while (c < counts.Length && seen + counts[c] <= target)
            {
                seen += counts[c];
                c++;
            }
            _changeSplit[p] = c;
        }
        _changeSplit[0] = 0;
        _changeSplit[parts] = counts.Length;
    }
}
