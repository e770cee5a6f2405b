using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MovementSim.Tests.Cli;

/// <summary>What a new user meets: a fresh clone, nothing built, and the README's first command.</summary>
public class CleanCloneTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task On_a_fresh_clone_run_sh_builds_and_runs_the_bass_docking_scenario()
    {
        // A Release build of a fresh clone takes a minute or two on two cores: CI always runs it, developers opt in.
        ToolSkip.UnlessOptedIn("MOVEMENTSIM_CLEAN_CLONE", "clone the repository and run ./run.sh in it (a Release build: a minute or two)");
        var clone = Path.Combine(Path.GetTempPath(), "movementsim-clone-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (cloneCode, cloneLog) = await Run("git", ["clone", "--quiet", RepoPaths.Root, clone], RepoPaths.Root);
            Assert.True(cloneCode == 0, cloneLog);
            Assert.False(Directory.Exists(Path.Combine(clone, "src", "MovementSim.Cli", "bin")), "the clone must start unbuilt");

            var (code, log) = await Run(Path.Combine(clone, "run.sh"), ["run", "scenarios/bass-docking", "--seed", "3", "--out", "out"], clone);
            output.WriteLine(log);
            Assert.True(code == 0, log);
            foreach (var file in new[] { "timeseries.csv", "runs.csv", "summary.csv", "manifest.json", "report.html" })
            {
                Assert.True(File.Exists(Path.Combine(clone, "out", file)), $"{file} missing after ./run.sh run");
            }
            // 300 steps plus the initial state, one run.
            Assert.Equal(1 + 301, File.ReadLines(Path.Combine(clone, "out", "timeseries.csv")).Count());
        }
        finally
        {
            if (Directory.Exists(clone))
            {
                Directory.Delete(clone, recursive: true);
            }
        }
    }

    private static async Task<(int Code, string Log)> Run(string program, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, stdout + await stderr);
    }
}
