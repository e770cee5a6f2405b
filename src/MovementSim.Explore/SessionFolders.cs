using System.Globalization;

namespace MovementSim.Explore;

/// <summary>Where a session writes its previews (results/explore/&lt;scenario&gt;/&lt;time&gt;), and removing them.</summary>
internal static class SessionFolders
{
    /// <summary>A folder name not yet taken, under &lt;results&gt;/explore/&lt;scenario&gt;: the scenario's name
    /// reduced to letters, digits, '-' and '_', then the time the session started.</summary>
    public static string New(string resultsRoot, string scenarioName)
    {
        var scenarioFolder = Path.Combine(resultsRoot, "explore", SafeName(scenarioName));
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var session = Path.Combine(scenarioFolder, stamp);
        for (var n = 2; Directory.Exists(session); n++)
        {
            session = Path.Combine(scenarioFolder, $"{stamp}-{n}");
        }
        return session;
    }

    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A preview folder left behind is harmless: it is a complete or partial result folder under results/explore.
        }
    }

    /// <summary>Deletes the session's folder and leaves no empty results/explore/&lt;scenario&gt; (or results/explore) behind.</summary>
    public static void DeleteWithEmptyParents(string sessionFolder)
    {
        Delete(sessionFolder);
        foreach (var parent in new[] { Path.GetDirectoryName(sessionFolder), Path.GetDirectoryName(Path.GetDirectoryName(sessionFolder)) })
        {
            try
            {
                if (parent is not null && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
                {
                    Directory.Delete(parent);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static string SafeName(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return safe.Length == 0 ? "scenario" : safe;
    }
}
