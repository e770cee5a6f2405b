using System.Diagnostics;
using MovementSim.Scenarios;
using MovementSim.Tests.Batch;
using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Hardening;

/// <summary>The memory estimate that validate and run refuse by is an upper bound of what a run takes, and not a wild one.</summary>
public class ScenarioSizeTests(ITestOutputHelper output)
{
    /// <summary>The estimate may exceed the measured peak, by at most this factor (it errs on the high side on purpose).</summary>
    private const double MostOverestimate = 3.0;

    [Theory]
    [InlineData("direct-payments", "people=400000", null)]            // people and their network dominate
    [InlineData("direct-payments", "people=2000", "practitioner,council,2,|practitioner,council,200,")] // 3 M ties among 30,000 actors dominate
    public void The_estimate_lies_between_the_measured_peak_and_three_times_it(string name, string set, string? replace)
    {
        using var tmp = new TempFolder();
        var scenario = tmp.Sub(name);
        Directory.CreateDirectory(scenario);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Scenario(name), "*.csv"))
        {
            var text = File.ReadAllText(file);
            if (replace?.Split('|') is [var from, var to])
            {
                text = text.Replace(from, to);
            }
            File.WriteAllText(Path.Combine(scenario, Path.GetFileName(file)), text);
        }
        var (n, v) = (set[..set.IndexOf('=')], set[(set.IndexOf('=') + 1)..]);
        var estimate = ScenarioSize.Of(ScenarioLoader.Load(scenario, [(n, v)]).Scenario!).Bytes;

        var peak = PeakResident(["run", scenario, "--set", set, "--threads", "1", "--out", tmp.Sub("out"), "--no-report", "--quiet"]);

        output.WriteLine($"estimate {estimate >> 20} MB, measured peak {peak >> 20} MB");
        Assert.True(estimate >= peak, $"estimate {estimate >> 20} MB is below the measured peak {peak >> 20} MB");
        Assert.True(estimate <= MostOverestimate * peak, $"estimate {estimate >> 20} MB is more than {MostOverestimate} × the measured peak {peak >> 20} MB");
    }

    /// <summary>The child's peak resident set (VmHWM), read from /proc until it exits.</summary>
    private static long PeakResident(string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("dotnet", [CliFixture.Dll, .. args]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
        var err = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!p.HasExited)
        {
            try
            {
                var line = File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
                // It exited between the check and the read.
            }
            Thread.Sleep(20);
        }
        Assert.True(p.ExitCode == 0, err.Result + stdout.Result);
        return peak;
    }
}
