using CsvHelper;
using MovementSim.Scenarios;

namespace MovementSim.Batch;

/// <summary>Files written under a temporary name and renamed when complete, so a reader never sees half a file.</summary>
public static class AtomicFile
{
    public static string TempOf(string path) => path + ".tmp";

    /// <remarks>A write that fails (a full disk) deletes its temporary file: nothing half-written is left, under either name.</remarks>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, ResultFiles.Utf8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = TempOf(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            DeleteTemp(path);
            throw;
        }
    }

    /// <summary>A CSV writer (<see cref="CsvOutput"/>) on the temporary file; call <see cref="Commit"/> after disposing it.</summary>
    public static CsvWriter CreateCsv(string path, CsvWriterOptions? options = null) => CsvOutput.ToFile(TempOf(path), options);

    /// <summary>Writes the CSV records of <paramref name="write"/> under the temporary name, then renames the file.</summary>
    public static void WriteCsv(string path, Action<CsvWriter> write, CsvWriterOptions? options = null)
    {
        try
        {
            using (var writer = CreateCsv(path, options))
            {
                write(writer);
            }
            Commit(path);
        }
        catch
        {
            DeleteTemp(path);
            throw;
        }
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
