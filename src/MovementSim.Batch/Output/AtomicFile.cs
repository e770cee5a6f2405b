using CsvHelper;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>Files written under a temporary name and renamed when complete, so a reader never sees half a file.</summary>
public static class AtomicFile
{
    public static string TempOf(string path) => path + ".tmp";

    public static void WriteAllText(string path, string text)
    {
        var temp = TempOf(path);
        File.WriteAllText(temp, text, ResultFiles.Utf8);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A CSV writer (<see cref="CsvOutput"/>) on the temporary file; call <see cref="Commit"/> after disposing it.</summary>
    public static CsvWriter CreateCsv(string path, CsvWriterOptions? options = null) => CsvOutput.ToFile(TempOf(path), options);

    /// <summary>Writes the CSV records of <paramref name="write"/> under the temporary name, then renames the file.</summary>
    public static void WriteCsv(string path, Action<CsvWriter> write, CsvWriterOptions? options = null)
    {
        using (var writer = CreateCsv(path, options))
        {
            write(writer);
        }
        Commit(path);
    }

    public static void Commit(string path) => File.Move(TempOf(path), path, overwrite: true);

    public static void DeleteTemp(string path)
    {
        try
        {
            File.Delete(TempOf(path));
        }
        catch (IOException)
        {
            // Best effort: a stale temporary file is ignored and overwritten by the next attempt.
        }
    }
}
