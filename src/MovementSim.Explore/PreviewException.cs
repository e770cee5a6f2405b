namespace MovementSim.Explore;

/// <summary>A preview that ran but cannot be shown; the message says why.</summary>
public sealed class PreviewException(string message) : Exception(message);
