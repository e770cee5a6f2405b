using Xunit;

namespace MovementSim.Tests;

/// <summary>
/// Tests that need a tool (a browser, a Slurm cluster, a fresh clone's build) report <b>skipped</b>, with the reason,
/// when it is missing (Xunit.SkippableFact), so that a count of passed tests only counts tests that ran. Under CI=true a
/// missing tool is a failure instead: .ci/run installs every tool, so there a skip would hide a broken install.
/// </summary>
public static class ToolSkip
{
    public static bool OnCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Skips the test (fails it under CI=true) when <paramref name="available"/> is false.</summary>
    /// <param name="reason">What is missing and how to get it, e.g. "no chromium (apt-get install -y chromium)".</param>
    public static void Unless(bool available, string reason)
    {
        if (available)
        {
            return;
        }
        Assert.False(OnCi, $"CI=true, where every tool is installed, but {reason}");
        Skip.If(true, reason);
    }

    /// <summary>
    /// Skips a test a developer must opt into (it is slow or needs root) unless <paramref name="variable"/> is 1;
    /// under CI=true it always runs.
    /// </summary>
    public static void UnlessOptedIn(string variable, string what)
    {
        Skip.IfNot(OnCi || Environment.GetEnvironmentVariable(variable) == "1", $"set {variable}=1 (or CI=true) to {what}");
    }
}
