using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace MovementSim.Tests;

/// <summary>
/// The layers, checked on the built assemblies: Core ← Scenarios ← Batch ← Reporting | Analysis ← Explore ← Cli, no assembly
/// referencing a later one, heavy packages only at their edge, and Reporting using only what a result folder holds
/// from Batch (its statistics, file names and manifest), not how a batch runs. The Core's own test is in
/// MovementSim.Core.Tests.
/// </summary>
public class ArchitectureTests
{
    /// <summary>Each project's place; an assembly may reference only assemblies of a lower rank (Reporting and Analysis are siblings).</summary>
    public static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>
    {
        ["MovementSim.Core"] = 0,
        ["MovementSim.Scenarios"] = 1,
        ["MovementSim.Batch"] = 2,
        ["MovementSim.Reporting"] = 3,
        ["MovementSim.Analysis"] = 3,
        ["MovementSim.Explore"] = 4,
        ["MovementSim.Cli"] = 5,
    };

    private static Assembly Load(string name) => Assembly.Load(name == "MovementSim.Cli" ? "movementsim" : name);

    private static IEnumerable<string> References(string assembly) =>
        Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Select(n => n == "movementsim" ? "MovementSim.Cli" : n);

    public static TheoryData<string> Layers => [.. Rank.Keys];

    [Theory]
    [MemberData(nameof(Layers))]
    public void No_assembly_references_a_later_layer_or_a_sibling(string assembly)
    {
        var later = References(assembly).Where(r => Rank.TryGetValue(r, out var rank) && rank >= Rank[assembly]).ToList();

        Assert.True(later.Count == 0, $"{assembly} (layer {Rank[assembly]}) references {string.Join(", ", later)}");
    }

    [Theory]
    // The packages that belong to one edge of the program, and the only layers allowed to use them.
    [InlineData("CsvHelper", new[] { "MovementSim.Scenarios", "MovementSim.Batch", "MovementSim.Reporting", "MovementSim.Analysis" })] // CSV in and out, never in the model
    [InlineData("ScottPlot", new[] { "MovementSim.Reporting" })] // charts
    [InlineData("SkiaSharp", new[] { "MovementSim.Reporting" })] // what ScottPlot draws with
    [InlineData("Spectre.Console", new[] { "MovementSim.Cli" })] // the terminal
    [InlineData("System.CommandLine", new[] { "MovementSim.Cli" })] // the command line
    [InlineData("Microsoft.AspNetCore", new[] { "MovementSim.Explore" })] // the web server of explore
    public void A_heavy_package_is_used_only_at_its_edge(string package, string[] allowed)
    {
        var users = Rank.Keys.Where(a => References(a).Any(r => r.StartsWith(package, StringComparison.Ordinal))).ToList();

        Assert.True(users.All(allowed.Contains), $"{package} is used by {string.Join(", ", users.Except(allowed))}; only {string.Join(", ", allowed)} may");
    }

    /// <summary>What a result folder holds, as Batch defines it: the one statistics module, the file and column names (constants, so
    /// mostly not referenced at run time) and the manifest; and the one way its files are written (whole, under a temporary name,
    /// then renamed), which charts and reports share. Nothing of how a batch is run, resumed or sharded.</summary>
    private static readonly string[] ResultFolderTypes =
        ["Summary", "Difference", "SampleStatistics", "ResultFiles", "ResultManifest", "ManifestJson", "ManifestInput", "MergedShard", "CounterfactualColumns", "AtomicFile"];

    [Fact]
    public void Reporting_uses_only_what_a_result_folder_holds_from_batch()
    {
        var used = TypesUsed("MovementSim.Reporting", from: "MovementSim.Batch");

        Assert.NotEmpty(used); // the check reads type references, and there are some
        Assert.True(used.All(ResultFolderTypes.Contains), $"Reporting uses Batch's {string.Join(", ", used.Except(ResultFolderTypes))}");
    }

    [Fact]
    public void Only_the_command_line_uses_explore_and_explore_uses_no_analysis()
    {
        var users = Rank.Keys.Where(a => References(a).Contains("MovementSim.Explore")).ToList();

        Assert.Equal(["MovementSim.Cli"], users);
        Assert.DoesNotContain("MovementSim.Analysis", References("MovementSim.Explore"));
        // ASP.NET Core comes from the shared framework, not from a package: the program's runtime config names it.
        var config = File.ReadAllText(Path.ChangeExtension(Load("MovementSim.Cli").Location, ".runtimeconfig.json"));
        Assert.Contains("\"Microsoft.AspNetCore.App\"", config);
    }

    /// <summary>Issue 14: one file holds one room. Data tables are exempt; none is this long today.</summary>
    private const int MaxSourceLines = 450;

    [Fact]
    public void No_source_file_is_longer_than_450_lines()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var sep = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}bin{sep}") && !f.Contains($"{sep}obj{sep}"))
            .Select(f => (File: Path.GetRelativePath(RepoPaths.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxSourceLines)
            .ToList();

        Assert.True(tooLong.Count == 0, "over " + MaxSourceLines + " lines: " + string.Join(", ", tooLong.Select(f => $"{f.File} ({f.Lines})")));
    }

    [Fact]
    public void No_assembly_sees_another_ones_internals()
    {
        var opened = Rank.Keys
            .SelectMany(a => Load(a).GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
                .Select(v => (Assembly: a, Friend: v.AssemblyName)))
            .Where(v => !v.Friend.EndsWith(".Tests", StringComparison.Ordinal))
            .ToList();

        Assert.True(opened.Count == 0, string.Join("; ", opened.Select(o => $"{o.Assembly} opens its internals to {o.Friend}")));
    }

    /// <summary>The types of <paramref name="from"/> that <paramref name="assembly"/>'s code refers to, read from its metadata (method bodies included).</summary>
    private static IReadOnlyList<string> TypesUsed(string assembly, string from)
    {
        using var stream = File.OpenRead(Load(assembly).Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeReferences
            .Select(metadata.GetTypeReference)
            .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference
                        && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name) == from)
            .Select(t => metadata.GetString(t.Name))
            .Distinct()
            .ToList();
    }
}
