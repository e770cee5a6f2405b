namespace MovementSim.Explore;

/// <summary>Another program listens on the port explore was asked to use.</summary>
public sealed class PortInUseException(int port, Exception inner)
    : Exception($"port {port} on 127.0.0.1 is in use: choose another with --port N", inner)
{
    public int Port { get; } = port;
}
