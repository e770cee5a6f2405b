using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>Reads groups.csv: each client group's share, propensity, tolerance range, eligibility year and the
/// alternatives that suit it. A missing file, or one with only its header, means no groups.</summary>
internal static class GroupsLoader
{
    /// <summary>Most groups a scenario may have: a person's group is one byte.</summary>
    public const int MaxGroups = 256;

    /// <param name="components">The innovation, to check the names in suits against (empty when unknown).</param>
    public static List<GroupSpec> Load(ScenarioLoad load, IReadOnlyList<ComponentSpec> components)
    {
        var f = ScenarioFormat.Groups;
        var list = new List<GroupSpec>();
        var reader = load.Open(f);
        if (reader is not { Usable: true })
        {
            return list;
        }
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameColumn = f["group"];
        var allValid = true;
        foreach (var row in reader.Rows)
        {
            if (!row.Complete)
            {
                allValid = false;
                continue;
            }
            var ok = row.Name(nameColumn, out var name) && ReferenceChecks.Unique(row, nameColumn, name, firstLine, "group");
            ok &= row.Real(f["share"], out var share);
            ok &= row.Real(f["propensity"], out var propensity);
            var tolerancesOk = row.Real(f["tolerance_min"], out var low) & row.Real(f["tolerance_max"], out var high);
            if (tolerancesOk && high < low)
            {
                row.Error(f["tolerance_max"], $"tolerance_max ({row.Raw(f["tolerance_max"])}) must be at least tolerance_min ({row.Raw(f["tolerance_min"])})");
                tolerancesOk = false;
            }
            ok &= tolerancesOk;
            ok &= row.OptionalReal(f["eligible_from"], out var eligibleFrom);
            ok &= Suits(row, components, out var suits);
            if (ok && list.Count == MaxGroups)
            {
                row.Error(nameColumn, $"more than {MaxGroups} groups: at most {MaxGroups} are allowed");
                ok = false;
            }
            if (ok)
            {
                list.Add(new GroupSpec(name, share, propensity, low, high, eligibleFrom, suits));
            }
            allValid &= ok;
        }
        var sum = list.Sum(g => g.Share);
        if (allValid && list.Count > 0 && Math.Abs(sum - 1) > ScenarioFormat.ShareSumTolerance)
        {
            reader.Error(reader.HeaderLine, reader.IndexOf(f["share"]) + 1,
                $"the groups' shares sum to {PlainNumber.Format(sum)}, not 1: each person belongs to exactly one group");
        }
        return list;
    }

    /// <summary>The alternatives listed in suits, each written "alternative" (when only one component has one of that
    /// name) or "component/alternative"; null when the field is empty (every alternative suits).</summary>
    private static bool Suits(RowReader row, IReadOnlyList<ComponentSpec> components, out IReadOnlyList<string>? suits)
    {
        var column = ScenarioFormat.Groups["suits"];
        suits = null;
        var text = row.Raw(column);
        if (text.Length == 0)
        {
            return true;
        }
        var names = new List<string>();
        var ok = true;
        foreach (var part in text.Split(ScenarioFormat.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var matches = Matches(components, part);
            if (components.Count > 0 && matches.Count != 1)
            {
                var known = components.SelectMany(c => c.Alternatives.Select(a => a.Name)).Distinct().ToArray();
                row.Error(column, matches.Count == 0
                    ? ReferenceChecks.UnknownReference("alternative", part, ScenarioFormat.AlternativesFile, known)
                    : $"alternative '{Echo.Value(part)}' belongs to several components ({Echo.List(matches.Select(m => m.Component))}): "
                      + "write component/alternative");
                ok = false;
                continue;
            }
            names.Add(matches.Count == 1 ? $"{matches[0].Component}/{matches[0].Alternative}" : part);
        }
        suits = names;
        return ok;
    }

    private static List<(string Component, string Alternative)> Matches(IReadOnlyList<ComponentSpec> components, string name) =>
        AlternativeReference.Matches(components, name).Select(m => (components[m.Component].Name, components[m.Component].Alternatives[m.Alternative].Name)).ToList();
}
