namespace MovementSim.Batch;

/// <summary>The output folder cannot be used: locked by another batch, or holding something else.</summary>
public sealed class OutputFolderException(string message) : Exception(message);
