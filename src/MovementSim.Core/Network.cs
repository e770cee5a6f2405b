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
        var degree = new int[n + 1];
        for (var e = 0; e < us.Length; e++)
        {
            if (us[e] != vs[e])
            {
                degree[us[e]]++;
                degree[vs[e]]++;
            }
        }
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        var fill = new int[n];
        Array.Copy(offsets, fill, n);
        var targets = new int[offsets[n]];
        for (var e = 0; e < us.Length; e++)
        {
            int u = us[e], v = vs[e];
            if (u != v)
            {
                targets[fill[u]++] = v;
                targets[fill[v]++] = u;
            }
        }
        // Sort each row and squeeze out repeated edges in place.
        var write = 0;
        var newOffsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var row = targets.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            row.Sort();
            newOffsets[i] = write;
            for (var k = 0; k < row.Length; k++)
            {
                if (k == 0 || row[k] != row[k - 1])
                {
                    targets[write++] = row[k];
                }
            }
        }
        newOffsets[n] = write;
        if (write != targets.Length)
        {
            Array.Resize(ref targets, write);
        }
        return new Graph(newOffsets, targets);
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
        var us = new int[m];
        var vs = new int[m];
        for (var e = 0; e < m; e++)
        {
            int u, v;
            do
            {
                u = rng.Next(n);
                v = rng.Next(n);
            }
            while (u == v);
            us[e] = u;
            vs[e] = v;
        }
        return Graph.FromEdges(n, us, vs);
    }

    /// <summary>Ring lattice with k/2 neighbours each side (k rounded to even), each edge rewired with probability beta.</summary>
    public static Graph WattsStrogatz(int n, double meanDegree, double beta, System.Random rng)
    {
        var half = Math.Max(0, Math.Min((int)Math.Round(meanDegree / 2.0), (n - 1) / 2));
        var m = n * half;
        var us = new int[m];
        var vs = new int[m];
        var e = 0;
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
                us[e] = i;
                vs[e] = v;
                e++;
            }
        }
        return Graph.FromEdges(n, us, vs);
    }

    /// <summary>Preferential attachment: each new node links to m = round(k/2) distinct existing nodes chosen in proportion to degree.</summary>
    public static Graph BarabasiAlbert(int n, double meanDegree, System.Random rng)
    {
        var m = Math.Max(1, (int)Math.Round(meanDegree / 2.0));
        if (n <= m + 1)
        {
            return Complete(n);
        }
        var edgeCount = (m + 1) * m / 2 + (n - m - 1) * m;
        var us = new int[edgeCount];
        var vs = new int[edgeCount];
        var ends = new int[2 * edgeCount];
        var e = 0;
        for (var i = 0; i <= m; i++)
        {
            for (var j = i + 1; j <= m; j++)
            {
                us[e] = i;
                vs[e] = j;
                ends[2 * e] = i;
                ends[2 * e + 1] = j;
                e++;
            }
        }
        var chosen = new int[m];
        for (var i = m + 1; i < n; i++)
        {
            var filled = 0;
            var endsSoFar = 2 * e;
            while (filled < m)
            {
                var t = ends[rng.Next(endsSoFar)];
                if (Array.IndexOf(chosen, t, 0, filled) < 0)
                {
                    chosen[filled++] = t;
                }
            }
            for (var k = 0; k < m; k++)
            {
                us[e] = i;
                vs[e] = chosen[k];
                ends[2 * e] = i;
                ends[2 * e + 1] = chosen[k];
                e++;
            }
        }
        return Graph.FromEdges(n, us, vs);
    }
}
