using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MovementSim.Scenarios;

namespace MovementSim.Cli;

/// <summary>
/// Gives every numeric option of the command line a parser whose error says what the option takes ("--seed: '99999999999'
/// is not a whole number from -2147483648 to 2147483647") instead of naming a .NET type (System.Nullable`1[System.Int32]).
/// </summary>
internal static class NumberOptions
{
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int?> o when o.CustomParser is null:
                    o.CustomParser = r => Whole(r, o.Name);
                    break;
                case Option<int> o when o.CustomParser is null:
                    o.CustomParser = r => Whole(r, o.Name) ?? 0;
                    break;
                case Option<double?> o when o.CustomParser is null:
                    o.CustomParser = r => Real(r, o.Name);
                    break;
            }
        }
        foreach (var sub in command.Subcommands)
        {
            Apply(sub);
        }
    }

    private static int? Whole(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        result.AddError(string.Create(CultureInfo.InvariantCulture,
            $"{name}: '{Echo.Value(text)}' is not a whole number from {int.MinValue} to {int.MaxValue} (a 32-bit integer)"));
        return null;
    }

    private static double? Real(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        result.AddError($"{name}: '{Echo.Value(text)}' is not a finite number (write it like 2010, 0.5 or 1e-3)");
        return null;
    }
}
