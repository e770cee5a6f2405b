using System.Reflection;
using MovementSim.Core;
using Xunit;

namespace MovementSim.Core.Tests;

public class ArchitectureTests
{
    [Fact]
    public void The_core_references_no_csv_chart_console_or_command_line_package()
    {
        string[] forbidden = ["CsvHelper", "ScottPlot", "SkiaSharp", "Spectre.Console", "System.CommandLine", "MovementSim.Scenarios", "MovementSim.Batch", "MovementSim.Reporting", "MovementSim.Cli"];
        var referenced = typeof(Simulation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(referenced, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_core_uses_no_file_or_console_io()
    {
        // Types from System.IO's file API or System.Console must not appear in any core method signature or field.
        var core = typeof(Simulation).Assembly;
        var banned = new[] { typeof(File), typeof(FileStream), typeof(StreamWriter), typeof(StreamReader), typeof(Console), typeof(Directory) };
        foreach (var type in core.GetTypes())
        {
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var f in type.GetFields(All))
            {
                Assert.DoesNotContain(f.FieldType, banned);
            }
            foreach (var m in type.GetMethods(All))
            {
                Assert.DoesNotContain(m.ReturnType, banned);
                Assert.DoesNotContain(m.GetParameters().Select(p => p.ParameterType), banned.Contains);
            }
        }
    }
}
