using System.Diagnostics;

namespace MovementSim.Tests.Reporting;

/// <summary>Debian's headless chromium, for opening reports as a reader would: a screenshot, the console, the rendered page.</summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string? Path => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Skips the test without chromium (fails it under CI=true) and returns its path.</summary>
    public static string Required()
    {
        ToolSkip.Unless(Path is not null, $"no chromium at {string.Join(" or ", Candidates)} (apt-get install -y chromium)");
        return Path!;
    }

    /// <summary>Opens the page, saves a screenshot and returns the console lines the browser logged.</summary>
    public static (int ExitCode, IReadOnlyList<string> Console) Screenshot(string chromium, string page, string screenshot, int height = 2000)
    {
        var (code, _, stderr) = Run(chromium, $"--screenshot={screenshot}", $"--window-size=1280,{height}", Url(page));
        // Console messages are logged as "...:CONSOLE:<line>] "<message>", source: <url> (<line>)" whatever their level.
        var console = stderr.Split('\n').Where(IsConsoleLine).ToList();
        return (code, console);
    }

    /// <summary>The page's DOM after the browser has rendered it.</summary>
    public static string RenderedDom(string chromium, string page)
    {
        var (code, stdout, stderr) = Run(chromium, "--dump-dom", Url(page));
        return code == 0 ? stdout : throw new InvalidOperationException($"chromium --dump-dom exited {code}: {stderr}");
    }

    private static string Url(string page) => new Uri(page).AbsoluteUri;

    /// <summary>How every test starts chromium: headless, in its own profile folder, logging the console to stderr.</summary>
    public static ProcessStartInfo StartInfo(string chromium, string profile, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                 }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    /// <summary>Whether a line chromium wrote to stderr is a message of a page's console (any level) or an uncaught error.</summary>
    public static bool IsConsoleLine(string line) => line.Contains(":CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal);

    private static (int ExitCode, string Stdout, string Stderr) Run(string chromium, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("movementsim-chromium-");
        try
        {
            using var process = Process.Start(StartInfo(chromium, profile.FullName, args))!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 90 s: {string.Join(" ", args)}");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
