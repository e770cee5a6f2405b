namespace MovementSim.Batch;

/// <summary>Joins paths so that no name, however written, escapes its root folder.</summary>
public static class SafePath
{
    public static string Combine(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root);
        if (Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"'{relative}' is not a relative path inside {fullRoot}");
        }
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        var prefix = Path.EndsInDirectorySeparator(fullRoot) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relative}' leads outside {fullRoot}");
        }
        return full;
    }
}
