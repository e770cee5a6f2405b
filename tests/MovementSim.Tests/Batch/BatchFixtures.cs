using MovementSim.Batch;
using MovementSim.Core;

namespace MovementSim.Tests.Batch;

/// <summary>A tiny scenario built in code and helpers for result folders in a temporary directory.</summary>
public static class BatchFixtures
{
    private static double[] PerMotive(params (Motive Motive, double Weight)[] weights)
    {
        var w = new double[Names.MotiveCount];
        foreach (var (m, v) in weights)
        {
            w[(int)m] = v;
        }
        return w;
    }

    private static double[] PerResource(params (ResourceKind Kind, double Amount)[] amounts)
    {
        var r = new double[Names.ResourceCount];
        foreach (var (k, v) in amounts)
        {
            r[(int)k] = v;
        }
        return r;
    }

    /// <summary>One government, three councils, one movement; three archetypes; one component with two alternatives.</summary>
    public static ScenarioDefinition Tiny(int people = 300, int steps = 20) =>
        new("tiny",
            new ModelParameters { People = people, Steps = steps, MeanDegree = 6 },
            [
                new OrganisationSpec("government", Position.Inside, OrganisationRole.Government, 1, 0, 0, false),
                new OrganisationSpec("council", Position.Inside, OrganisationRole.Institution, 3, 0.6, 0.4, false),
                new OrganisationSpec("user_led_org", Position.Outside, OrganisationRole.Movement, 1, 0, 0, false),
            ],
            [
                new ArchetypeSpec("minister", "government", 1, PerMotive((Motive.Career, 0.6), (Motive.Money, 0.4)),
                    PerResource((ResourceKind.Authority, 1), (ResourceKind.Budget, 1)), 0.3, 0.2, true, false),
                new ArchetypeSpec("commissioner", "council", 2, PerMotive((Motive.Money, 0.5), (Motive.Process, 0.3), (Motive.Rights, 0.2)),
                    PerResource((ResourceKind.Budget, 1), (ResourceKind.Delivery, 1)), 0.4, 0.2, true, false),
                new ArchetypeSpec("campaigner", "user_led_org", 3, PerMotive((Motive.Rights, 1)),
                    PerResource((ResourceKind.Legitimacy, 1), (ResourceKind.Knowledge, 1)), 0.9, 0.7, false, true),
            ],
            [
                new ComponentSpec("payment", 1,
                [
                    new AlternativeSpec("cash", 1, 1, PerMotive((Motive.Rights, 1), (Motive.Money, 0.3), (Motive.Process, 0.2), (Motive.Career, 0.5))),
                    new AlternativeSpec("managed_account", 0.5, 0.8, PerMotive((Motive.Rights, 0.4), (Motive.Money, 0.8), (Motive.Process, 0.8), (Motive.Career, 0.5))),
                ]),
            ],
            []);

    public static BatchRequest Request(string output, Design design, int jobs = 1, Shard? shard = null, ScenarioDefinition? scenario = null) =>
        new()
        {
            Scenario = scenario ?? Tiny(),
            Design = design,
            OutputDirectory = output,
            Jobs = jobs,
            Shard = shard ?? Shard.Whole,
            CommandLine = "test",
        };

    /// <summary>A design of the tiny scenario sweeping imitation over two values, with the given replicates.</summary>
    public static Design TwoPointDesign(int replicates, int masterSeed = 7)
    {
        var sweep = SweepFile.Parse("name,kind,values\nimitation,values,0.2;0.5\n", "sweep.csv");
        var result = DesignExpansion.Expand(sweep.Sweep, Tiny().Parameters, new DesignRequest(masterSeed, replicates));
        return result.Design ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "movementsim-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans the temp folder eventually.
        }
    }
}
