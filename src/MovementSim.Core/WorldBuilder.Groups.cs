namespace MovementSim.Core;

/// <summary>Initialisation of the client groups: which alternatives suit each, which are eligible, and each person's group.</summary>
public static partial class WorldBuilder
{
    /// <summary>The client groups (or the one group "everyone" with the person_tolerance_* parameters), which
    /// alternatives suit each, and each person's group: person i is in the group whose cumulative share first
    /// exceeds a keyed uniform draw, so groups are mixed across localities and the network.</summary>
    private static void BuildGroups(World w)
    {
        var groups = w.Scenario.Groups.Count > 0
            ? w.Scenario.Groups
            : [new GroupSpec(GroupSpec.Everyone, 1, 1, w.P.PersonToleranceMin, w.P.PersonToleranceMax)];
        if (groups.Count > byte.MaxValue + 1)
        {
            throw new ArgumentException($"at most {byte.MaxValue + 1} client groups are allowed");
        }
        w.Groups = groups;
        w.ToleranceMin = groups.Select(g => g.ToleranceMin).ToArray();
        w.ToleranceKey = w.Random.StepKey(RandomStream.PersonTolerance, 0);
        w.ToleranceSpan = groups.Select(g => g.ToleranceMax - g.ToleranceMin).ToArray();
        var components = w.Scenario.Components;
        var kc = components.Count;
        w.Suits = new uint[groups.Count * kc];
        for (var g = 0; g < groups.Count; g++)
        {
            for (var k = 0; k < kc; k++)
            {
                w.Suits[g * kc + k] = groups[g].Suits is null ? uint.MaxValue : 0;
            }
            foreach (var name in groups[g].Suits ?? [])
            {
                var (k, a) = FindAlternative(components, name);
                w.Suits[g * kc + k] |= 1u << a;
            }
        }
        w.GroupPropensity = new double[groups.Count];
        w.GroupEligible = new bool[groups.Count];
        Rules.UpdateGroupEligibility(w);
        var n = w.P.People;
        w.PersonGroup = new byte[n];
        if (groups.Count == 1)
        {
            return;
        }
        var total = groups.Sum(g => g.Share);
        var cumulative = new double[groups.Count];
        double running = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            running += groups[g].Share / total;
            cumulative[g] = running;
        }
        var key = w.Random.StepKey(RandomStream.PersonGroup, 0);
        for (var i = 0; i < n; i++)
        {
            var u = RunRandom.Uniform(key, i);
            var g = 0;
            while (g < groups.Count - 1 && u >= cumulative[g])
            {
                g++;
            }
            w.PersonGroup[i] = (byte)g;
        }
    }

    /// <summary>The alternative a group's suits list names (see <see cref="AlternativeReference"/>).</summary>
    private static (int Component, int Alternative) FindAlternative(IReadOnlyList<ComponentSpec> components, string name)
    {
        var matches = AlternativeReference.Matches(components, name);
        return matches.Count == 1
            ? matches[0]
            : throw new ArgumentException(matches.Count == 0
                ? $"a group names unknown alternative '{name}'"
                : $"a group names alternative '{name}', which several components have: write component/alternative");
    }
}
