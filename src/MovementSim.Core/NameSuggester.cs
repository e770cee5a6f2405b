namespace MovementSim.Core;

/// <summary>"Did you mean" suggestions: the known name closest to a mistyped one by edit distance.</summary>
public static class NameSuggester
{
    /// <summary>Longer names are not compared: the distance costs their length times each candidate's (a 10 MB field would hang).</summary>
    public const int LongestCompared = 100;

    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        if (name.Length > LongestCompared)
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
