using System.Reflection;

namespace MovementSim.Batch;

/// <summary>The program's version and the git commit it was built from.</summary>
public static class ProgramInfo
{
    /// <summary>The informational version, e.g. 0.1.0+&lt;commit&gt; (the SDK appends the commit when built in a git checkout).</summary>
    public static string Version { get; } =
        typeof(ProgramInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The commit stamped into the build, else read from .git/HEAD above the working directory, else "unknown".</summary>
    public static string GitCommit { get; } = FindCommit();

    private static string FindCommit()
    {
        var plus = Version.IndexOf('+');
        if (plus >= 0 && IsSha(Version[(plus + 1)..]))
        {
            return Version[(plus + 1)..];
        }
        return FromGitFolder(Directory.GetCurrentDirectory()) ?? FromGitFolder(AppContext.BaseDirectory) ?? "unknown";
    }

    /// <summary>Reads HEAD without running git: follows a worktree's gitdir file, loose refs and packed-refs.</summary>
    public static string? FromGitFolder(string start)
    {
        try
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                string gitDir;
                if (Directory.Exists(dotGit))
                {
                    gitDir = dotGit;
                }
                else if (File.Exists(dotGit))
                {
                    var text = File.ReadAllText(dotGit).Trim();
                    if (!text.StartsWith("gitdir:", StringComparison.Ordinal))
                    {
                        return null;
                    }
                    gitDir = Path.GetFullPath(Path.Combine(dir.FullName, text["gitdir:".Length..].Trim()));
                }
                else
                {
                    continue;
                }
                var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
                if (!head.StartsWith("ref:", StringComparison.Ordinal))
                {
                    return IsSha(head) ? head : null;
                }
                var refName = head["ref:".Length..].Trim();
                var common = gitDir;
                var commonFile = Path.Combine(gitDir, "commondir");
                if (File.Exists(commonFile))
                {
                    common = Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));
                }
                foreach (var root in new[] { gitDir, common })
                {
                    var loose = Path.Combine(root, refName);
                    if (File.Exists(loose))
                    {
                        var sha = File.ReadAllText(loose).Trim();
                        return IsSha(sha) ? sha : null;
                    }
                }
                var packed = Path.Combine(common, "packed-refs");
                if (File.Exists(packed))
                {
                    foreach (var line in File.ReadLines(packed))
                    {
                        var parts = line.Split(' ');
                        if (parts.Length == 2 && parts[1] == refName && IsSha(parts[0]))
                        {
                            return parts[0];
                        }
                    }
                }
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return null;
    }

    private static bool IsSha(string s) => s.Length == 40 && s.All(char.IsAsciiHexDigitLower);
}
