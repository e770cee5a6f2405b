namespace MovementSim.Batch;

/// <summary>
/// A problem in an input file, at a 1-based line and character column, printed as
/// <c>file:line:column: message</c> like the scenario loader's errors. Without a file (a problem of
/// the command line as a whole) it prints the message alone.
/// </summary>
public sealed record InputError(string? File, int Line, int Column, string Message)
{
    public static InputError General(string message) => new(null, 0, 0, message);

    public override string ToString() =>
        File is null ? Message : $"{File}:{Line}:{Column}: {Message}";
}
