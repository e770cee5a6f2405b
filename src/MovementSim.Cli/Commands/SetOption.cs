using MovementSim.Scenarios;

namespace MovementSim.Cli.Commands;

/// <summary>Reads <c>--set name=value</c> arguments; the scenario loader validates names and values.</summary>
public static class SetOption
{
    /// <summary>Splits each argument at its first '='; returns null (after printing why) when one has none.</summary>
    public static IReadOnlyList<(string Name, string Value)>? Parse(IEnumerable<string> arguments, TextWriter stderr)
    {
        var result = new List<(string, string)>();
        foreach (var a in arguments)
        {
            var eq = a.IndexOf('=');
            if (eq <= 0)
            {
                stderr.WriteLine($"movementsim: --set expects name=value, got '{Echo.Value(a)}'");
                return null;
            }
            result.Add((a[..eq].Trim(), a[(eq + 1)..].Trim()));
        }
        return result;
    }
}
