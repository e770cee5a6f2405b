using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MovementSim.Tests.Batch;
using MovementSim.Tests.Explore;
using Xunit;

namespace MovementSim.Tests.Cli;

/// <summary>The explore command: what it prints, its exit codes, and a clean stop on Ctrl-C.</summary>
public sealed class ExploreCommandTests
{
    /// <summary>Whether this process ignores a signal (bit n−1 of SigIgn in /proc/self/status), which its children then inherit.</summary>
    private static bool Ignored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }

    /// <summary>Sends a signal, as Ctrl-C in a terminal or the kill command does (.NET can only send SIGKILL).</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [SkippableTheory]
    [InlineData("INT", 2)] // Ctrl-C in the terminal
    [InlineData("TERM", 15)] // kill, or the end of a session
    public async Task It_serves_the_page_on_127_0_0_1_prints_its_address_and_stops_cleanly_on_a_signal(string signal, int number)
    {
        // A shell starts background jobs with SIGINT ignored, and children inherit that: then no Ctrl-C can reach them.
        Skip.If(Ignored(number), $"SIG{signal} is ignored by this test process (started in the background?), so the command it starts cannot receive it");
        using var workspace = new ExploreWorkspace();
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workspace.Root,
        };
        foreach (var a in new[] { CliFixture.Dll, "explore", "scenarios/direct-payments", "--port", "0", "--reps", "2", "--people", "2000" })
        {
            info.ArgumentList.Add(a);
        }
        using var child = Process.Start(info)!;
        var stderr = child.StandardError.ReadToEndAsync();
        try
        {
            var first = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith("explore: open http://127.0.0.1:", first);
            var url = first!.Split(' ')[2];
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Contains("MovementSim explore", await http.GetStringAsync("/"));
            var deadline = Stopwatch.StartNew();
            while (!(await http.GetStringAsync("/api/state?after=-1")).Contains("\"status\":\"ready\"", StringComparison.Ordinal))
            {
                Assert.True(deadline.Elapsed < ExploreWorkspace.Patience, "no charts within the test's patience");
                await Task.Delay(200);
            }
            Assert.NotEmpty(Directory.GetDirectories(Path.Combine(workspace.Results, "explore", "direct-payments")));

            Assert.Equal(0, Kill(child.Id, number));
            var rest = await child.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(child.ExitCode == 0, await stderr);
            Assert.EndsWith("explore: stopped", rest.TrimEnd());
            Assert.Empty(await stderr);
            Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Results));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void A_scenario_that_does_not_load_is_reported_at_file_line_and_column_with_exit_code_1()
    {
        using var workspace = new ExploreWorkspace();
        workspace.SetInFile("conversation", "high");

        var (code, _, err) = CliFixture.Run("explore", workspace.Scenario, "--port", "0");

        Assert.Equal(1, code);
        Assert.Contains($"{Path.Combine(workspace.Scenario, "parameters.csv")}:", err);
        Assert.Contains("'high' is not a number", err);
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be from 1 to 65535")] // no such port
    [InlineData("--reps", "0", "--reps must be at least 1")] // nothing to show
    [InlineData("--people", "-5", "--people must be at least 1")] // nobody to simulate
    public void An_option_out_of_range_is_a_usage_error(string option, string value, string message)
    {
        var (code, _, err) = CliFixture.Run("explore", RepoPaths.Scenario("direct-payments"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public void A_port_in_use_is_a_usage_error_that_says_so()
    {
        using var workspace = new ExploreWorkspace();
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (code, _, err) = CliFixture.Run("explore", workspace.Scenario, "--port", port);

        Assert.Equal(2, code);
        Assert.Contains($"port {port} on 127.0.0.1 is in use: choose another with --port N", err);
    }
}
