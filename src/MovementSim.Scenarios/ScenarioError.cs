using MovementSim.Core;

namespace MovementSim.Scenarios;

/// <summary>
/// One problem with a scenario or another input file (sweep, ranges, observations), printed as
/// <c>file:line:column: message</c>. <see cref="Line"/> is the 1-based physical line of the file (the header is
/// line 1) and <see cref="Column"/> the 1-based field index; 0 means the whole file (or folder), or the
/// whole line. For --set overrides, <see cref="File"/> is "--set" and <see cref="Column"/> the override's
/// position (1-based); for a list option such as --params, the option and the entry's position. A problem of
/// the command line as a whole has no file and prints its message alone.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public const string OverrideSource = "--set";

    /// <summary>A problem of no file in particular.</summary>
    public static ScenarioError General(string message) => new("", 0, 0, message);

    public override string ToString() => File.Length == 0 ? Message : $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// Where a cell of an input file is, kept for errors found later (e.g. when a sweep is expanded): 1-based
/// physical line and 1-based field index; 0 means the whole line, or with line 0 the whole file.
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public ScenarioError Error(string message) => new(File, Line, Column, message);
}

/// <summary>A file the loader used. <see cref="Depth"/> is 0 for the folder loaded, 1 for its base, and so on.</summary>
/// <param name="Name">File name, such as organisations.csv.</param>
/// <param name="FullPath">Absolute path of the file.</param>
/// <param name="DisplayPath">Path as error messages show it (the folder as given, joined with <paramref name="Name"/>).</param>
public sealed record ScenarioSourceFile(string Name, string FullPath, string DisplayPath, int Depth);

/// <summary>One parameter value in effect, with where it was set (the last of base rows, variant rows and --set).</summary>
/// <param name="Text">The value as written, trimmed.</param>
/// <param name="Source">Display path of the parameters.csv that set it, or "--set".</param>
/// <param name="Line">Line in that file (0 for --set).</param>
/// <param name="Column">Column of the value (2 in a file; the override's position for --set).</param>
public sealed record ParameterSetting(ParameterSpec Spec, string Text, double Value, string Source, int Line, int Column);

/// <summary>What <see cref="ScenarioLoader.Load"/> found.</summary>
/// <param name="Scenario">The validated scenario; null whenever there is any error.</param>
/// <param name="Errors">Every problem found, in the order files are read.</param>
/// <param name="Files">The files used, after base resolution: every parameters.csv of the chain, then the
/// data files from the folder nearest the loaded one that has each. Ordered by depth, then format order.</param>
/// <param name="Settings">The parameters set by files or --set (the others keep their default), in catalog order.</param>
/// <param name="Chain">Absolute paths of the folder loaded and then of its bases, in that order (empty when the folder does not exist).</param>
/// <param name="Observed">The rows of the observed.csv nearest in the chain, in file order; empty when there is none or the scenario has errors.</param>
public sealed record ScenarioLoadResult(
    ScenarioDefinition? Scenario,
    IReadOnlyList<ScenarioError> Errors,
    IReadOnlyList<ScenarioSourceFile> Files,
    IReadOnlyList<ParameterSetting> Settings,
    IReadOnlyList<string> Chain,
    IReadOnlyList<ObservedRow> Observed)
{
    public bool IsValid => Scenario is not null && Errors.Count == 0;
}
