namespace MovementSim.Scenarios;

/// <summary>One folder of a base chain: depth 0 is the folder loaded, depth 1 its base, and so on.</summary>
internal sealed record ChainFolder(string FullPath, string DisplayPath, int Depth)
{
    public string FileDisplay(string name) => Path.Join(DisplayPath, name);

    public string FileFull(string name) => Path.Join(FullPath, name);
}
