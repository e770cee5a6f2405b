namespace MovementSim.Reporting;

/// <summary>
/// Groups the <c>share_&lt;component&gt;_&lt;alternative&gt;</c> measures by component. Names may contain
/// underscores, so the split comes from scenario/alternatives.csv when it is there; otherwise the component
/// of a name is its longest underscore-delimited prefix that at least one other share name also starts with
/// (or its first word when none does).
/// </summary>
public static class ShareNames
{
    public const string Prefix = "share_";

    /// <param name="measures">All measure names, in file order.</param>
    /// <param name="declared">(component, alternative) pairs in scenario order, first alternative the original; may be empty.</param>
    public static IReadOnlyList<ComponentShares> Group(IEnumerable<string> measures, IReadOnlyList<(string Component, string Alternative)> declared)
    {
        var shares = measures.Where(m => m.StartsWith(Prefix, StringComparison.Ordinal) && m.Length > Prefix.Length)
            .Select(m => m[Prefix.Length..]).Distinct().ToList();
        var groups = new List<(string Component, List<AlternativeShare> Alternatives)>();

        List<AlternativeShare> GroupOf(string component)
        {
            var g = groups.FirstOrDefault(x => x.Component == component);
            if (g.Alternatives is null)
            {
                g = (component, new List<AlternativeShare>());
                groups.Add(g);
            }
            return g.Alternatives;
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (component, alternative) in declared)
        {
            var rest = component + "_" + alternative;
            if (shares.Contains(rest) && matched.Add(rest))
            {
                GroupOf(component).Add(new AlternativeShare(alternative, Prefix + rest));
            }
        }
        var unmatched = shares.Where(s => !matched.Contains(s)).ToList();
        foreach (var rest in unmatched)
        {
            var component = GuessComponent(rest, unmatched);
            var alternative = component.Length < rest.Length ? rest[(component.Length + 1)..] : rest;
            GroupOf(component).Add(new AlternativeShare(alternative, Prefix + rest));
        }
        return groups.Select(g => new ComponentShares(g.Component, g.Alternatives)).ToList();
    }

    /// <summary>The longest prefix (ending before an underscore) shared with another name; else the first word.</summary>
    public static string GuessComponent(string rest, IReadOnlyCollection<string> all)
    {
        var cuts = Enumerable.Range(1, rest.Length - 2).Where(i => rest[i] == '_').ToList();
        if (cuts.Count == 0)
        {
            return rest;
        }
        foreach (var cut in Enumerable.Reverse(cuts))
        {
            var prefix = rest[..(cut + 1)];
            if (all.Any(o => o != rest && o.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return rest[..cut];
            }
        }
        return rest[..cuts[0]];
    }
}
