using MovementSim.Scenarios;

namespace MovementSim.Tests.Scenarios;

/// <summary>Scenario folders written from strings into a temporary directory, deleted on dispose.</summary>
public sealed class ScenarioFolders : IDisposable
{
    public ScenarioFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "movementsim-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string folder) => Path.Combine(Root, folder);

    /// <summary>Writes the files (name → content) into Root/folder and returns the folder's path.</summary>
    public string Write(string folder, IReadOnlyDictionary<string, string> files)
    {
        var path = PathOf(folder);
        Directory.CreateDirectory(path);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(path, name), content);
        }
        return path;
    }

    /// <summary>Writes the example scenario, with some files replaced (null content: file left out).</summary>
    public string WriteExample(string folder = "example", params (string File, string? Content)[] changes)
    {
        var files = Example.Files();
        foreach (var (file, content) in changes)
        {
            if (content is null)
            {
                files.Remove(file);
            }
            else
            {
                files[file] = content;
            }
        }
        return Write(folder, files);
    }

    public ScenarioLoadResult LoadExample(params (string File, string? Content)[] changes) =>
        ScenarioLoader.Load(WriteExample("example", changes));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

/// <summary>A small valid scenario: three kinds of organisation, three archetypes, two components, three events.</summary>
public static class Example
{
    public const string Parameters = """
        parameter,value
        people,2000
        steps,40
        start_year,1997
        imitation,0.4
        network,small_world

        """;

    public const string Organisations = """
        organisation,position,role,count,capacity,adoption_threshold,adopted_at_start
        government,inside,government,1,0,1,0
        council,inside,institution,20,0.3,0.5,0
        user_led,outside,movement,5,0,0,false

        """;

    public const string Actors = """
        archetype,organisation,count,w_rights,w_money,w_organisation,w_process,w_profession,w_career,w_pragmatism,r_authority,r_budget,r_legitimacy,r_delivery,r_knowledge,initial_support,fidelity_tolerance,decision_maker,broker
        minister,government,1,0.1,0.3,0,0.1,0,0.4,0.1,1,1,0,0,0.5,0.2,0,1,0
        commissioner,council,2,0.1,0.4,0.1,0.2,0.1,0,0.1,0.5,1,0,0.5,0.5,0.3,0,1,0
        campaigner,user_led,3,0.8,0,0.1,0,0,0,0.1,0,0,1,0.2,0.5,0.9,0.7,0,1

        """;

    public const string Components = """
        component,importance
        payment,2
        planning,1

        """;

    public const string Alternatives = """
        component,alternative,fidelity,cost,appeal_rights,appeal_money,appeal_organisation,appeal_process,appeal_profession,appeal_career,appeal_pragmatism
        payment,cash,1,1,1,0.3,0.2,0.2,0.3,0.5,0.6
        payment,managed_account,0.6,0.9,0.5,0.6,0.6,0.7,0.5,0.5,0.6
        payment,notional_budget,0.3,0.8,0.2,0.9,0.7,0.8,0.7,0.5,0.5
        planning,person_led,1,1,1,0.4,0.3,0.2,0.2,0.5,0.5
        planning,resource_allocation,0.5,0.7,0.3,0.9,0.5,0.9,0.6,0.5,0.6

        """;

    public const string Events = """
        year,event,target,value
        2003,mandate,council,0.5
        2005.5,budget_shock,council,0.2
        2001,forum,all,0.5

        """;

    public static Dictionary<string, string> Files() => new()
    {
        [ScenarioFormat.ParametersFile] = Parameters,
        [ScenarioFormat.OrganisationsFile] = Organisations,
        [ScenarioFormat.ActorsFile] = Actors,
        [ScenarioFormat.ComponentsFile] = Components,
        [ScenarioFormat.AlternativesFile] = Alternatives,
        [ScenarioFormat.EventsFile] = Events,
    };

    /// <summary>The example's file with field <paramref name="column"/> (1-based) of line <paramref name="line"/> replaced.</summary>
    public static string WithField(string file, int line, int column, string value)
    {
        var lines = Files()[file].Split('\n');
        var fields = lines[line - 1].Split(',');
        fields[column - 1] = value;
        lines[line - 1] = string.Join(',', fields);
        return string.Join('\n', lines);
    }

    /// <summary>The example's file with line <paramref name="line"/> (1-based) replaced by <paramref name="text"/>.</summary>
    public static string WithLine(string file, int line, string text)
    {
        var lines = Files()[file].Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    /// <summary>The example's file with <paramref name="text"/> added as its last line.</summary>
    public static string WithRow(string file, string text) => Files()[file] + text + "\n";
}
