using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MovementSim.Core;

public static partial class Rules
{
    /// <summary>Adds one to the reached-neighbour count of every neighbour of a new recipient, and takes one off for
    /// every neighbour of a leaver, for the changes of chunks [<paramref name="firstChunk"/>, <paramref name="endChunk"/>).
    /// With <paramref name="atomic"/>, other threads may be adding to the same counts at the same time; integer additions
    /// commute, so the counts do not depend on how the changes are split.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    internal static unsafe void UpdateNeighbourCounts(World w, DeliveryScratch s, int firstChunk, int endChunk, bool atomic)
    {
        var g = w.PeopleTies!;
        var counts = w.ReachedNeighbours!;
        var offsets = g.Offsets;
        var targets = g.Targets;
        // Each change touches a row and about mean-degree counts scattered over the whole population: fetch the row
        // offsets, the row and then the counts of changes a little ahead, so that the cache misses overlap.
        const int RowStartAhead = 16, RowAhead = 8, CountsAhead = 3;
        fixed (int* offsetsAt = offsets)
        fixed (int* targetsAt = targets)
        fixed (int* countsAt = counts)
        {
            for (var c = firstChunk; c < endChunk; c++)
            {
                var changes = s.Candidates[c].AsSpan(0, s.ChangeCount[c]);
                for (var k = 0; k < changes.Length; k++)
                {
                    if (k + RowStartAhead < changes.Length)
                    {
                        Memory.Prefetch(offsetsAt + Person(changes[k + RowStartAhead]));
                    }
                    if (k + RowAhead < changes.Length)
                    {
                        Memory.Prefetch(targetsAt + offsets[Person(changes[k + RowAhead])]);
                    }
                    if (k + CountsAhead < changes.Length)
                    {
                        foreach (var t in g.Neighbours(Person(changes[k + CountsAhead])))
                        {
                            Memory.Prefetch(countsAt + t);
                        }
                    }
                    var code = changes[k];
                    var delta = code < 0 ? -1 : 1;
                    if (atomic)
                    {
                        foreach (var t in g.Neighbours(Person(code)))
                        {
                            Interlocked.Add(ref counts[t], delta);
                        }
                    }
                    else
                    {
                        foreach (var t in g.Neighbours(Person(code)))
                        {
                            counts[t] += delta;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The person of a change code (i for a new recipient, ~i for a leaver).</summary>
    private static int Person(int code) => DecisionCode.Person(code);
}
