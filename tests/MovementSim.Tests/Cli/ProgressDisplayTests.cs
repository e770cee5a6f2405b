using MovementSim.Batch;
using MovementSim.Cli.Commands;
using Spectre.Console.Testing;
using Xunit;

namespace MovementSim.Tests.Cli;

/// <summary>The progress display, tested as text on Spectre's test console and on a plain writer.</summary>
public class ProgressDisplayTests
{
    /// <summary>Reports three runs, one of them failed, then the assembling of the results.</summary>
    private static int ThreeRuns(IBatchProgress progress)
    {
        progress.Started(3, 0);
        progress.RunFinished(new RunSpec(0, 0, 0, 11), failed: false);
        progress.RunFinished(new RunSpec(1, 0, 1, 12), failed: true);
        progress.RunFinished(new RunSpec(2, 0, 2, 13), failed: false);
        progress.Assembling();
        return 7;
    }

    [Fact]
    public void On_an_interactive_terminal_the_bar_shows_runs_done_and_failed_and_nothing_goes_to_stderr()
    {
        var terminal = new TestConsole().Interactive();
        var stderr = new StringWriter();

        var result = ProgressDisplay.Run(terminal, stderr, quiet: false, ThreeRuns);

        Assert.Equal(7, result);
        Assert.Contains("runs 3/3", terminal.Output);
        Assert.Contains("1 failed", terminal.Output);
        Assert.Contains("writing results", terminal.Output);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void Without_a_terminal_progress_is_plain_lines_on_stderr()
    {
        var stderr = new StringWriter();

        ProgressDisplay.Run(null, stderr, quiet: false, ThreeRuns);

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("movementsim: 3 runs", lines[0]);
        Assert.StartsWith("movementsim: runs 3/3, ", lines[^1]);
        Assert.EndsWith(", 1 failed; writing results", lines[^1]);
    }

    [Fact]
    public void A_terminal_that_is_not_interactive_gets_plain_lines_too()
    {
        var terminal = new TestConsole();
        var stderr = new StringWriter();

        ProgressDisplay.Run(terminal, stderr, quiet: false, ThreeRuns);

        Assert.Equal("", terminal.Output);
        Assert.StartsWith("movementsim: 3 runs", stderr.ToString());
    }

    [Fact]
    public void Quiet_shows_nothing_anywhere()
    {
        var terminal = new TestConsole().Interactive();
        var stderr = new StringWriter();

        ProgressDisplay.Run(terminal, stderr, quiet: true, ThreeRuns);

        Assert.Equal("", terminal.Output);
        Assert.Equal("", stderr.ToString());
    }
}
