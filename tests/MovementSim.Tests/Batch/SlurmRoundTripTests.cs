using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Batch;

public class SlurmRoundTripTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_sharded_batch_submitted_to_a_one_node_slurm_cluster_merges_into_the_local_result()
    {
        ToolSkip.UnlessOptedIn("MOVEMENTSIM_SLURM", "start a one-node Slurm cluster and run .ci/slurm-roundtrip.sh (needs root)");
        var script = FindScript();
        var info = new ProcessStartInfo("bash", [script, CliFixture.Dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine(stdout);
        output.WriteLine(await stderr);
        ToolSkip.Unless(process.ExitCode != 2, "Slurm could not be installed here (.ci/slurm-roundtrip.sh said SKIP)");
        Assert.True(process.ExitCode == 0, stdout);
        Assert.Contains("PASS", stdout);
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".ci", "slurm-roundtrip.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("cannot find .ci/slurm-roundtrip.sh above " + AppContext.BaseDirectory);
    }
}
