namespace MovementSim.Core;

/// <summary>How a scenario file names an alternative: "component/alternative", or the alternative's name alone when
/// no other component has one of that name.</summary>
public static class AlternativeReference
{
    /// <summary>Every alternative the name can mean, as (component, alternative) indices: exactly one when it names
    /// an alternative unambiguously, none when it names none, several when a bare name is shared.</summary>
    public static IReadOnlyList<(int Component, int Alternative)> Matches(IReadOnlyList<ComponentSpec> components, string name)
    {
        var slash = name.IndexOf('/');
        var alternative = slash >= 0 ? name[(slash + 1)..] : name;
        var matches = new List<(int, int)>();
        for (var k = 0; k < components.Count; k++)
        {
            if (slash >= 0 && components[k].Name != name[..slash])
            {
                continue;
            }
            for (var a = 0; a < components[k].Alternatives.Count; a++)
            {
                if (components[k].Alternatives[a].Name == alternative)
                {
                    matches.Add((k, a));
                }
            }
        }
        return matches;
    }
}
