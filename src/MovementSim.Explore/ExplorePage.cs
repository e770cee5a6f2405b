namespace MovementSim.Explore;

/// <summary>The page (Page/explore.html, embedded in the assembly): one self-contained file, styles and script inline,
/// that asks the server for its state and draws it.</summary>
public static class ExplorePage
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ExplorePage).Assembly.GetManifestResourceStream("explore.html")
            ?? throw new InvalidOperationException("the explore page is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
