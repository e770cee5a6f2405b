using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace MovementSim.Core;

/// <summary>An undirected graph in compressed sparse rows: the neighbours of i are
/// <c>Targets[Offsets[i]..Offsets[i+1]]</c>, sorted, without self-loops or duplicates.</summary>
public sealed class Graph
{
    public Graph(int[] offsets, int[] targets)
    {
        Offsets = offsets;
        Targets = targets;
    }

    public int[] Offsets { get; }
    public int[] Targets { get; }
    public int NodeCount => Offsets.Length - 1;
    public long EdgeCount => Targets.Length / 2;
    public int Degree(int i) => Offsets[i + 1] - Offsets[i];
    public ReadOnlySpan<int> Neighbours(int i) => Targets.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>Builds a graph from undirected edge endpoints (us[e], vs[e]); self-loops and repeats are dropped.</summary>
    public static Graph FromEdges(int n, ReadOnlySpan<int> us, ReadOnlySpan<int> vs)
    {
        if (us.Length != vs.Length)
        {
            throw new ArgumentException("us and vs must have the same length", nameof(vs));
        }
        var offsets = CountDegrees(n, us, vs);
        using var work = new NativeInts(offsets[n]);
        Fill(offsets, us, vs, work.Span);
        return Compact(offsets, work);
    }

    /// <summary>As <see cref="FromEdges(int, ReadOnlySpan{int}, ReadOnlySpan{int})"/>, releasing the edge list as soon
    /// as it has been copied into rows, so a large graph never holds the edges, the rows and the final targets at once.</summary>
    internal static Graph FromEdges(int n, EdgeList edges)
    {
        int[] offsets;
        NativeInts work;
        using (edges)
        {
            offsets = CountDegrees(n, edges.Us, edges.Vs);
            work = new NativeInts(offsets[n]);
            Fill(offsets, edges.Us, edges.Vs, work.Span);
        }
        using (work)
        {
            return Compact(offsets, work);
        }
    }

    /// <summary>Row ends: <c>offsets[i]</c> = degree of 0..i (self-loops not counted); <c>offsets[n]</c> = total.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static unsafe int[] CountDegrees(int n, ReadOnlySpan<int> us, ReadOnlySpan<int> vs)
    {
        var offsets = new int[n + 1];
        const int Ahead = 16;
        fixed (int* degree = offsets)
        {
            for (var e = 0; e < us.Length; e++)
            {
                if (e + Ahead < us.Length)
                {
                    Memory.Prefetch(degree + us[e + Ahead]);
                    Memory.Prefetch(degree + vs[e + Ahead]);
                }
                int u = us[e], v = vs[e];
                if ((uint)u >= (uint)n || (uint)v >= (uint)n)
                {
                    throw new ArgumentOutOfRangeException(nameof(us), $"edge {e} ({u}, {v}) has an end outside 0..{n - 1}");
                }
                if (u != v)
                {
                    offsets[u]++;
                    offsets[v]++;
                }
            }
        }
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            total += offsets[i];
            offsets[i] = checked((int)total);
        }
        offsets[n] = (int)total;
        return offsets;
    }

    /// <summary>Places each edge in both rows, filling every row from its end; afterwards <c>offsets[i]</c> is the
    /// start of row i. Rows are sorted later, so the order of filling does not matter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static unsafe void Fill(int[] offsets, ReadOnlySpan<int> us, ReadOnlySpan<int> vs, Span<int> targets)
    {
        // Rows are scattered over a large array: fetch the cursors and rows a few edges ahead.
        const int Ahead = 16;
        fixed (int* cursor = offsets)
        fixed (int* row = targets)
        {
            for (var e = 0; e < us.Length; e++)
            {
                if (e + Ahead < us.Length)
                {
                    Memory.Prefetch(cursor + us[e + Ahead]);
                    Memory.Prefetch(cursor + vs[e + Ahead]);
                }
                if (e + Ahead / 2 < us.Length)
                {
                    int a = us[e + Ahead / 2], b = vs[e + Ahead / 2];
                    Memory.Prefetch(row + offsets[a] - 1);
                    Memory.Prefetch(row + offsets[b] - 1);
                }
                int u = us[e], v = vs[e];
                if (u != v)
                {
                    targets[--offsets[u]] = v;
                    targets[--offsets[v]] = u;
                }
            }
        }
    }

    /// <summary>Sorts each row, squeezes out repeated targets in place, and copies the rows into a new exact-length
    /// targets array; <c>offsets</c> become the final row starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static Graph Compact(int[] offsets, NativeInts work)
    {
        var n = offsets.Length - 1;
        var rows = work.Span;
        var write = 0;
        for (var i = 0; i < n; i++)
        {
            int start = offsets[i], end = offsets[i + 1];
            offsets[i] = write;
            var row = rows[start..end];
            SortSmall(row);
            for (var k = 0; k < row.Length; k++)
            {
                if (k == 0 || row[k] != row[k - 1])
                {
                    rows[write++] = row[k];
                }
            }
        }
        offsets[n] = write;
        var targets = GC.AllocateUninitializedArray<int>(write);
        rows[..write].CopyTo(targets);
        return new Graph(offsets, targets);
    }

    /// <summary>Insertion sort for the short rows of sparse graphs; the library sort otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void SortSmall(Span<int> row)
    {
        if (row.Length > 24)
        {
            row.Sort();
            return;
        }
        for (var k = 1; k < row.Length; k++)
        {
            var x = row[k];
            var j = k - 1;
            while (j >= 0 && row[j] > x)
            {
                row[j + 1] = row[j];
                j--;
            }
            row[j + 1] = x;
        }
    }
}

/// <summary>Edge endpoints (us[e], vs[e]) in unmanaged memory, released by <see cref="Dispose"/> as soon as a graph
/// builder has used them rather than whenever the garbage collector runs.</summary>
internal sealed class EdgeList : IDisposable
{
    public EdgeList(int capacity)
    {
        _us = new NativeInts(capacity);
        _vs = new NativeInts(capacity);
    }

    private readonly NativeInts _us;
    private readonly NativeInts _vs;
    private int _count;

    public int Count => _count;
    public Span<int> Us => _us.Span[.._count];
    public Span<int> Vs => _vs.Span[.._count];

    public void Add(int u, int v)
    {
        _us.Span[_count] = u;
        _vs.Span[_count] = v;
        _count++;
    }

    public void Dispose()
    {
        _us.Dispose();
        _vs.Dispose();
    }
}

/// <summary>An int buffer in unmanaged memory (not zeroed), freed on <see cref="Dispose"/> or by the finaliser.</summary>
internal sealed unsafe class NativeInts : IDisposable
{
    public NativeInts(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        _pointer = (int*)NativeMemory.Alloc((nuint)Math.Max(1, length), sizeof(int));
    }

    private int* _pointer;
    private readonly int _length;

    public Span<int> Span => _pointer is null ? throw new ObjectDisposedException(nameof(NativeInts)) : new(_pointer, _length);

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    ~NativeInts() => Free();

    private void Free()
    {
        if (_pointer is not null)
        {
            NativeMemory.Free(_pointer);
            _pointer = null;
        }
    }
}

/// <summary>Hints to the processor; they never change what a program computes.</summary>
internal static class Memory
{
    /// <summary>Asks for the cache line holding <paramref name="address"/>. A prefetch never faults, so an address
    /// computed from any index is safe to pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(void* address)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(address);
        }
    }
}

/// <summary>Builds the four kinds of network deterministically from a seeded generator.</summary>
public static class NetworkBuilder
{
    /// <summary>The graph for a kind; complete mixing gives an explicit complete graph (use only for small n).</summary>
    public static Graph Build(NetworkKind kind, int n, double meanDegree, double rewiring, System.Random rng) => kind switch
    {
        NetworkKind.Complete => Complete(n),
        NetworkKind.Random => ErdosRenyi(n, meanDegree, rng),
        NetworkKind.SmallWorld => WattsStrogatz(n, meanDegree, rewiring, rng),
        NetworkKind.ScaleFree => BarabasiAlbert(n, meanDegree, rng),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Graph Complete(int n)
    {
        var offsets = new int[n + 1];
        var targets = new int[checked(n * Math.Max(0, n - 1))];
        var w = 0;
        for (var i = 0; i < n; i++)
        {
            offsets[i] = w;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    targets[w++] = j;
                }
            }
        }
        offsets[n] = w;
        return new Graph(offsets, targets);
    }

    /// <summary>G(n, m) with m = round(n k / 2) edges drawn uniformly; repeats dropped (negligible for sparse graphs).</summary>
    public static Graph ErdosRenyi(int n, double meanDegree, System.Random rng)
    {
        if (n < 2)
        {
            return Graph.FromEdges(n, [], []);
        }
        var m = (int)Math.Round(n * meanDegree / 2.0);
        var edges = new EdgeList(m);
        for (var e = 0; e < m; e++)
        {
            int u, v;
            do
            {
                u = rng.Next(n);
                v = rng.Next(n);
            }
            while (u == v);
            edges.Add(u, v);
        }
        return Graph.FromEdges(n, edges);
    }

    /// <summary>Ring lattice with k/2 neighbours each side (k rounded to even), each edge rewired with probability beta.</summary>
    public static Graph WattsStrogatz(int n, double meanDegree, double beta, System.Random rng)
    {
        var half = Math.Max(0, Math.Min((int)Math.Round(meanDegree / 2.0), (n - 1) / 2));
        var edges = new EdgeList(checked(n * half));
        for (var i = 0; i < n; i++)
        {
            for (var j = 1; j <= half; j++)
            {
                var v = (i + j) % n;
                if (rng.NextDouble() < beta)
                {
                    do
                    {
                        v = rng.Next(n);
                    }
                    while (v == i);
                }
                edges.Add(i, v);
            }
        }
        return Graph.FromEdges(n, edges);
    }

    /// <summary>Preferential attachment: each new node links to m = round(k/2) distinct existing nodes chosen in proportion to degree.</summary>
    public static Graph BarabasiAlbert(int n, double meanDegree, System.Random rng)
    {
        var m = Math.Max(1, (int)Math.Round(meanDegree / 2.0));
        if (n <= m + 1)
        {
            return Complete(n);
        }
        var edgeCount = checked((m + 1) * m / 2 + (n - m - 1) * m);
        var edges = new EdgeList(edgeCount);
        for (var i = 0; i <= m; i++)
        {
            for (var j = i + 1; j <= m; j++)
            {
                edges.Add(i, j);
            }
        }
        // Edge ends in order (u0, v0, u1, v1, ...): drawing one uniformly picks a node in proportion to its degree.
        var chosen = new int[m];
        for (var i = m + 1; i < n; i++)
        {
            var filled = 0;
            var endsSoFar = 2 * edges.Count;
            while (filled < m)
            {
                var r = rng.Next(endsSoFar);
                var t = (r & 1) == 0 ? edges.Us[r >> 1] : edges.Vs[r >> 1];
                if (Array.IndexOf(chosen, t, 0, filled) < 0)
                {
                    chosen[filled++] = t;
                }
            }
            for (var k = 0; k < m; k++)
            {
                edges.Add(i, chosen[k]);
            }
        }
        return Graph.FromEdges(n, edges);
    }
}
