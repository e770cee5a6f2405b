using System.Globalization;
using System.Text;
using MovementSim.Batch;
using MovementSim.Core;
using static MovementSim.Reporting.Report;

namespace MovementSim.Reporting;

/// <summary>A parameter whose value in the runs is not its default (or that takes several values).</summary>
internal sealed record ParameterDifference(string Name, string Value, string Default, string Unit, string Meaning);

/// <summary>The report's section on what was run: enough to rerun it and to know what differed from the defaults.</summary>
internal static class RunSection
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static void Row(StringBuilder h, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            h.Append($"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>\n");
        }
    }

    /// <summary>The report's "What was run" section: the run's identity, the parameters that differ from the defaults, and the manifest.</summary>
    public static void Write(StringBuilder h, ResultFolder r)
    {
        var m = r.Manifest;
        var p = r.Primary;
        h.Append("<section id=\"run\">\n<h2>What was run</h2>\n<table>\n");
        Row(h, "Scenario", r.ScenarioName);
        Row(h, "Program version", m?.Version);
        Row(h, "Git commit", m?.GitCommit);
        Row(h, "Master seed", (m?.MasterSeed ?? m?.RunSeed)?.ToString(Inv));
        Row(h, "Replicates", string.Join(", ", r.DesignPoints.Select(d => d.Replicates).Distinct().Select(n => n.ToString(Inv))) + " per design point");
        Row(h, "Design points", r.DesignPoints.Count.ToString(Inv) +
            (r.SweptParameters.Count > 0 ? $" (swept: {string.Join(", ", r.SweptParameters.Select(Text.Words))})" : ""));
        Row(h, "Runs", r.RunParameters.Count > 0 ? r.RunParameters.Count.ToString(Inv) : null);
        Row(h, "Failed runs", r.FailedRuns > 0 ? $"{r.FailedRuns} (see {ResultFiles.Failures})" : null);
        Row(h, "Years simulated", $"{Format.Year(p.StartYear)} to {Format.Year(p.EndYear)} ({p.Years.Length - 1} steps)");
        Row(h, "Command line", m?.CommandLine);
        Row(h, "Started", m?.Started);
        Row(h, "Finished", m?.Finished);
        Row(h, "Statistics computed from", r.SeriesSource);
        h.Append("</table>\n");

        h.Append("<h3>Parameters that differ from the defaults</h3>\n");
        var differing = ParameterDifferences(r);
        if (r.RunParameters.Count == 0)
        {
            h.Append($"<p>{ResultFiles.Runs} is missing, so the parameter values are not known.</p>\n");
        }
        else if (differing.Count == 0)
        {
            h.Append("<p>None: every parameter had its default value.</p>\n");
        }
        else
        {
            h.Append("<table id=\"parameters\">\n<tr><th>Parameter</th><th>Value in these runs</th><th>Default</th><th>Unit</th><th>Meaning</th></tr>\n");
            foreach (var d in differing)
            {
                h.Append($"<tr><td><code>{E(d.Name)}</code></td><td>{E(d.Value)}</td><td>{E(d.Default)}</td><td>{E(d.Unit)}</td><td>{E(d.Meaning)}</td></tr>\n");
            }
            h.Append("</table>\n");
        }
        if (m is not null)
        {
            h.Append($"<details><summary>Everything in {ResultFiles.Manifest} (including the SHA-256 of each input file)</summary>\n<table>\n");
            foreach (var (k, v) in ManifestEntries.Of(m))
            {
                h.Append($"<tr><th>{E(k)}</th><td><code>{E(v)}</code></td></tr>\n");
            }
            h.Append("</table>\n</details>\n");
        }
        else
        {
            h.Append($"<p>{ResultFiles.Manifest} is missing: program version, seed and input hashes are not known.</p>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary>Parameters whose value in runs.csv differs from <see cref="ParameterCatalog"/>'s default, or that vary between runs;
    /// columns not in the catalogue are listed with an empty default.</summary>
    public static IReadOnlyList<ParameterDifference> ParameterDifferences(ResultFolder r)
    {
        var list = new List<ParameterDifference>();
        if (r.RunParameters.Count == 0)
        {
            return list;
        }
        var names = r.RunParameters[0].Keys.ToList();
        foreach (var name in names)
        {
            var values = r.RunParameters.Select(x => x.GetValueOrDefault(name) ?? "").Distinct().ToList();
            var spec = ParameterCatalog.Find(name);
            if (spec is null)
            {
                list.Add(new ParameterDifference(name, string.Join(", ", values.Select(Text.Value)), "", "", "not in this version's parameter catalogue"));
                continue;
            }
            var shown = values.Select(v => Show(spec, v)).Distinct().ToList();
            var defaultText = Show(spec, spec.Format(spec.Default));
            if (values.Count == 1 && IsDefault(spec, values[0]))
            {
                continue;
            }
            var numbers = values.Select(ResultFolder.ParseNumber).ToList();
            var text = values.Count == 1 ? shown[0]
                : values.Count <= 8 || numbers.Any(n => n is null) ? "varies: " + string.Join(", ", shown)
                : $"varies: {values.Count} values from {Text.Significant(numbers.Min()!.Value, 3)} to {Text.Significant(numbers.Max()!.Value, 3)}";
            list.Add(new ParameterDifference(name, text, defaultText, spec.Unit, spec.Meaning));
        }
        return list;
    }

    private static bool IsDefault(ParameterSpec spec, string value)
    {
        if (ResultFolder.ParseNumber(value) is { } x)
        {
            return Math.Abs(x - spec.Default) <= 1e-12 * Math.Max(1, Math.Abs(spec.Default));
        }
        return string.Equals(value.Trim(), spec.Format(spec.Default), StringComparison.OrdinalIgnoreCase);
    }

    private static string Show(ParameterSpec spec, string value)
    {
        if (ResultFolder.ParseNumber(value) is { } x)
        {
            try
            {
                return spec.Kind switch
                {
                    ParameterKind.Choice => x < 0 || x >= spec.Choices!.Count || x != Math.Floor(x) ? value : spec.Format(x),
                    ParameterKind.Real => Text.Significant(x, 4),
                    _ => spec.Format(x),
                };
            }
            catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException)
            {
                return value;
            }
        }
        return value;
    }
}
