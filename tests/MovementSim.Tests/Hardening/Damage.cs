namespace MovementSim.Tests.Hardening;

/// <summary>What a flaky disk, a killed copy or a careless hand does to a file: cut it short, empty it, delete it.</summary>
public enum Damage
{
    Truncate,
    Empty,
    Delete,
}

public static class Damaging
{
    /// <summary>Damages the file; a truncated file loses its last third (at least one byte).</summary>
    public static void Apply(string path, Damage damage)
    {
        switch (damage)
        {
            case Damage.Truncate:
                var length = new FileInfo(path).Length;
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(length - Math.Max(1, length / 3));
                }
                break;
            case Damage.Empty:
                File.WriteAllBytes(path, []);
                break;
            case Damage.Delete:
                File.Delete(path);
                break;
        }
    }

    /// <summary>Every file and folder name under <paramref name="folder"/>, relative, for "nothing was written" checks.</summary>
    public static IReadOnlyList<string> Listing(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(folder, e)).Order(StringComparer.Ordinal).ToList()
            : [];
}
