using System.Diagnostics;
using MovementSim.Scenarios;
using Xunit;

namespace MovementSim.Tests.Batch;

/// <summary>Runs the movementsim command line in-process or as a child process, on a tiny scenario folder.</summary>
public static class CliFixture
{
    public const string Sweep = "name,kind,values,min,max,levels\nimitation,values,0.2;0.5,,,\nconversation,range,,0.1,0.5,2\n";

    /// <summary>Writes the tiny scenario (with a sweep of 2 × 2 design points unless <paramref name="sweep"/> is null) to folder/name.</summary>
    public static string WriteScenario(string folder, string name = "tiny", int people = 300, int steps = 20, string? sweep = Sweep)
    {
        var path = Path.Combine(folder, name);
        ScenarioWriter.WriteFolder(BatchFixtures.Tiny(people, steps), path);
        if (sweep is not null)
        {
            File.WriteAllText(Path.Combine(path, "sweep.csv"), sweep);
        }
        return path;
    }

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = MovementSim.Cli.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The built program, as the tests' output folder holds it.</summary>
    public static string Dll => typeof(MovementSim.Cli.Cli).Assembly.Location;

    public static bool SameBytes(string a, string b) => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    /// <summary>Runs a script with bash as GNU parallel would (the job scripts of --slurm read only their environment); asserts exit 0.</summary>
    public static void Bash(string script, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash", [script]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err.Result);
    }
}
