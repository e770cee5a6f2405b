using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Reporting;

/// <summary>
/// The report and the index open in a real headless browser (Debian's chromium package): the page renders
/// (a non-blank screenshot) and logs nothing to the console. Without chromium the tests pass with a message,
/// unless CI=true, where chromium must be installed.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class BrowserTests(ReportingFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private string? FindChromium()
    {
        var chromium = Candidates.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true",
                "CI=true but chromium is not installed: apt-get install -y chromium");
            output.WriteLine($"Not checked: no chromium at {string.Join(" or ", Candidates)} (apt-get install -y chromium).");
        }
        return chromium;
    }

    /// <summary>Opens the page, saves a screenshot and returns the console lines the browser logged.</summary>
    private static (int ExitCode, IReadOnlyList<string> Console) Open(string chromium, string page, string screenshot)
    {
        var profile = Directory.CreateTempSubdirectory("movementsim-chromium-");
        try
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
                         $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0",
                         $"--screenshot={screenshot}", "--window-size=1280,2000", new Uri(page).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish opening {page} within 90 s");
            }
            // Console messages are logged as "...:CONSOLE:<line>] "<message>", source: <url> (<line>)" whatever their level.
            var console = stderr.Result.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
            return (process.ExitCode, console);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_console_check_catches_errors_on_a_page_that_has_them()
    {
        if (FindChromium() is not { } chromium)
        {
            return;
        }
        var page = Path.Combine(fixture.Root, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>broken</title></head><body><p>broken</p>" +
                                "<script>console.error('boom'); notDefined();</script></body></html>");

        var (_, console) = Open(chromium, page, Path.Combine(fixture.Root, "broken.png"));

        Assert.Contains(console, l => l.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(console, l => l.Contains("Uncaught ReferenceError", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("direct_payments/report.html")] // one scenario's report
    [InlineData("index.html")] // the cross-scenario index
    public void The_page_opens_offline_in_a_headless_browser_with_content_and_a_clean_console(string relativePage)
    {
        if (FindChromium() is not { } chromium)
        {
            return;
        }
        var screenshot = Path.Combine(fixture.Root, Path.GetFileNameWithoutExtension(relativePage) + "-screenshot.png");

        var (exitCode, console) = Open(chromium, Path.Combine(fixture.Root, relativePage), screenshot);

        Assert.Equal(0, exitCode);
        Assert.Empty(console);
        using var png = Pixels.Decode(screenshot);
        Assert.Equal((1280, 2000), (png.Width, png.Height));
        Assert.True(Pixels.DistinctColours(png, Pixels.Whole(png)) > 200, "the screenshot has too few colours: charts not shown?");
        Assert.True(Pixels.InkShare(png, Pixels.Whole(png)) > 0.05, "the screenshot is almost blank");
    }
}
