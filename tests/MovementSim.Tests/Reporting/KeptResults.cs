namespace MovementSim.Tests.Reporting;

/// <summary>Result folders the reporting tests write: deleted at the end unless MOVEMENTSIM_KEEP_TEST_RESULTS=1 asks to look at them.</summary>
public static class KeptResults
{
    public static void DeleteUnlessKept(string root)
    {
        if (Environment.GetEnvironmentVariable("MOVEMENTSIM_KEEP_TEST_RESULTS") is ("1" or "true"))
        {
            return;
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
