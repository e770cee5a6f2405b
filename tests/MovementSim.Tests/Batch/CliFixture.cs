using MovementSim.Scenarios;

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
}
