using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Explore;

/// <summary>
/// "Save as scenario": writes the scenario as changed on the page as a variant folder beside it (<c>base,&lt;scenario&gt;</c>
/// and only what differs, through <see cref="ScenarioWriter"/>). It never overwrites a folder and takes a plain
/// name, never a path, so it writes nothing outside the scenario folder's parent; the folder appears whole or not at all.
/// </summary>
public static class VariantSaver
{
    public const int MaxNameLength = 100;

    /// <summary>Why <paramref name="name"/> cannot name a new scenario folder, or null when it can.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "give the new scenario a name (letters, digits, - and _)";
        }
        if (name.IndexOfAny(['/', '\\']) >= 0)
        {
            return $"'{Echo.Value(name)}' is a path: give a plain folder name (letters, digits, - and _); the new scenario goes beside the one explored";
        }
        if (name.Length > MaxNameLength)
        {
            return $"the name is {name.Length} characters long: at most {MaxNameLength}";
        }
        if (!RowReader.IsValidName(name))
        {
            return $"'{Echo.Value(name)}' has a character other than letters, digits, - and _";
        }
        return null;
    }

    /// <param name="scenarioFolder">The scenario explored, as given on the command line.</param>
    /// <param name="changed">The scenario as changed on the page, at full size.</param>
    public static SaveResult Save(string scenarioFolder, ScenarioDefinition changed, string? name)
    {
        if (NameProblem(name) is { } problem)
        {
            return SaveResult.Refused(problem);
        }
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(scenarioFolder));
        var parent = Path.GetDirectoryName(source) ?? source;
        var target = Path.Combine(parent, name!);
        var shown = Path.IsPathRooted(scenarioFolder) ? target : Path.GetRelativePath(Directory.GetCurrentDirectory(), target);
        var exists = $"{shown} already exists: explore never overwrites a folder; choose another name";
        if (Directory.Exists(target) || File.Exists(target))
        {
            return SaveResult.Refused(exists);
        }
        // Written under a temporary name beside the target and then renamed, so that the folder is whole or absent, and a
        // folder made meanwhile by someone else is not overwritten (the rename fails).
        var temporary = Path.Combine(parent, $".{name}.explore-{Guid.NewGuid():N}");
        try
        {
            ScenarioWriter.WriteFolder(changed, temporary, Path.GetFileName(source));
            Directory.Move(temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
            return SaveResult.Refused(Directory.Exists(target) ? exists : $"could not write {shown}: {e.Message}");
        }
        var differing = File.ReadLines(Path.Combine(target, ScenarioFormat.ParametersFile)).Count() - 2; // header and base row
        // Paired with its counterfactual, as the preview was, so that its report answers the same question.
        var command = $"./run.sh batch {SlurmScripts.Quote(shown)} --counterfactual";
        return new SaveResult(true,
            $"saved {shown}: a variant of {Path.GetFileName(source)} with {differing} parameter{(differing == 1 ? "" : "s")} changed; run it in full with {command}",
            shown, command);
    }
}
