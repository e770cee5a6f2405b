using System.Security.Cryptography;
using System.Text;
using CsvHelper;

namespace MovementSim.Scenarios;

/// <summary>The files a scenario was loaded from: their hash, and a copy of them for a result folder.</summary>
public static class ScenarioFiles
{
    /// <summary>
    /// SHA-256 (lower-case hex) over the files' depths, names and exact bytes, ordered by depth and then
    /// name, so it does not depend on where the folders are or on the order of <paramref name="files"/>.
    /// </summary>
    public static string Hash(IEnumerable<ScenarioSourceFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Depth).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var content = File.ReadAllBytes(file.FullPath);
            sha.AppendData(Encoding.UTF8.GetBytes($"{file.Depth}/{file.Name}\n{content.Length}\n"));
            sha.AppendData(content);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// Copies a loaded scenario into <paramref name="destination"/> as one standalone folder (created if
    /// needed): each data file byte for byte from wherever the base chain took it. parameters.csv is copied as
    /// is when the scenario has no base and no --set; otherwise it is written with the values in effect (base
    /// rows, then the variant's, then --set) and no base row, so the copy loads alone as the scenario that ran.
    /// Returns the paths written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scenario did not load without errors.</exception>
    public static IReadOnlyList<string> Copy(ScenarioLoadResult loaded, string destination)
    {
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException("only a scenario that loaded without errors can be copied");
        }
        Directory.CreateDirectory(destination);
        var written = new List<string>();
        var parameters = loaded.Files.Where(f => f.Name == ScenarioFormat.ParametersFile).ToArray();
        var merge = loaded.Chain.Count > 1 || loaded.Settings.Any(s => s.Source == ScenarioError.OverrideSource);
        foreach (var file in loaded.Files.Where(f => f.Name != ScenarioFormat.ParametersFile || !merge))
        {
            var path = Path.Combine(destination, file.Name);
            File.Copy(file.FullPath, path, overwrite: true);
            written.Add(path);
        }
        var parametersPath = Path.Combine(destination, ScenarioFormat.ParametersFile);
        if (merge)
        {
            using (var writer = CsvOutput.ToFile(parametersPath, ScenarioWriter.Options))
            {
                var sources = parameters.Select(p => p.DisplayPath)
                    .Concat(loaded.Settings.Any(s => s.Source == ScenarioError.OverrideSource) ? [ScenarioError.OverrideSource] : []);
                writer.WriteComment($" Parameters in effect, merged from {string.Join(", ", sources)}.");
                writer.WriteRecord(ScenarioFormat.Parameters.Columns.Select(c => c.Name).ToArray());
                foreach (var s in loaded.Settings)
                {
                    writer.WriteRecord([s.Spec.Name, s.Text]);
                }
            }
            written.Add(parametersPath);
        }
        var kept = new HashSet<string>(written.Select(Path.GetFileName).OfType<string>());
        foreach (var stale in ScenarioFormat.Files.Select(f => f.Name).Where(n => !kept.Contains(n)))
        {
            File.Delete(Path.Combine(destination, stale));
        }
        return written;
    }
}
