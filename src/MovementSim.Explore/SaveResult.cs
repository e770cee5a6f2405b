namespace MovementSim.Explore;

/// <summary>What "save as scenario" did: the folder written and the command that reruns it in full, or why nothing was written.</summary>
public sealed record SaveResult(bool Saved, string Message, string? Folder = null, string? Command = null)
{
    public static SaveResult Refused(string message) => new(false, message);
}
