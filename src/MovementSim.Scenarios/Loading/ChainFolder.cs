namespace MovementSim.Scenarios;

/// <summary>One folder of a base chain: depth 0 is the folder loaded, depth 1 its base, and so on.</summary>
internal sealed record ChainFolder(string FullPath, string DisplayPath, int Depth)
{
    public string FileDisplay(string name) => Path.Join(DisplayPath, name);

    public string FileFull(string name) => Path.Join(FullPath, name);

    /// <summary>
    /// The folder has an entry of that name, of any kind: a folder, FIFO or dangling link named like a scenario file is
    /// then reported as such when it is read, instead of being taken for an absent file (a folder named events.csv is
    /// not "no events").
    /// </summary>
    public bool Has(string name)
    {
        var path = FileFull(name);
        return Path.Exists(path) || new FileInfo(path).LinkTarget is not null;
    }
}
