using System.Runtime.CompilerServices;

// Mechanism tests set up hand-built states; nothing else may touch the world's internals.
[assembly: InternalsVisibleTo("MovementSim.Core.Tests")]
