namespace MovementSim.Batch;

/// <summary>Builds the final CSV files: from per-run parts (a batch) or from shard folders (a merge).</summary>
public static class ResultAssembler
{
    /// <summary>Concatenates the parts of <paramref name="runs"/> in order; returns the number of failed runs.</summary>
    public static int AssembleFromParts(OutputFolder folder, OutputLayout layout, IEnumerable<RunSpec> runs)
    {
        var parts = folder.PathOf(ResultFiles.Parts);
        using var outputs = new Outputs(folder);
        outputs.Timeseries.Write(layout.TimeseriesHeader);
        outputs.Runs.Write(layout.RunsHeader);
        outputs.Timing.Write(OutputLayout.TimingHeader);
        var failures = 0;
        foreach (var run in runs)
        {
            var done = PartFiles.Done(parts, run.RunId);
            var failure = PartFiles.Failure(parts, run.RunId);
            if (File.Exists(done))
            {
                outputs.Timeseries.Append(PartFiles.Timeseries(parts, run.RunId));
                var text = File.ReadAllText(done, ResultFiles.Utf8);
                var split = text.IndexOf('\n') + 1;
                outputs.Runs.Write(text[..split]);
                outputs.Timing.Write(text[split..]);
            }
            else if (File.Exists(failure))
            {
                if (failures == 0)
                {
                    outputs.OpenFailures().Write(OutputLayout.FailuresHeader);
                }
                outputs.Failures!.Append(failure);
                failures++;
            }
            else
            {
                throw new InvalidOperationException($"run {run.RunId} has neither a result nor a failure in {parts}");
            }
        }
        outputs.Commit();
        return failures;
    }

    /// <summary>Number of rows in failures.csv (0 when it is absent).</summary>
    public static int CountFailures(OutputFolder folder)
    {
        var path = folder.PathOf(ResultFiles.Failures);
        return File.Exists(path) ? Math.Max(0, File.ReadLines(path).Count(l => l.Length > 0) - 1) : 0;
    }

    /// <summary>
    /// The four row files of a result, written under temporary names and renamed together at the end. Disposed without
    /// <see cref="Commit"/> (the batch or merge failed), it closes and deletes its temporary files.
    /// </summary>
    internal sealed class Outputs : IDisposable
    {
        private readonly OutputFolder _folder;

        public Outputs(OutputFolder folder)
        {
            _folder = folder;
            Timeseries = new Sink(folder.PathOf(ResultFiles.Timeseries));
            Runs = new Sink(folder.PathOf(ResultFiles.Runs));
            Timing = new Sink(folder.PathOf(ResultFiles.Timing));
        }

        public Sink Timeseries { get; }
        public Sink Runs { get; }
        public Sink Timing { get; }
        public Sink? Failures { get; private set; }

        public Sink OpenFailures() => Failures ??= new Sink(_folder.PathOf(ResultFiles.Failures));

        public void Commit()
        {
            Timeseries.Commit();
            Runs.Commit();
            Timing.Commit();
            if (Failures is not null)
            {
                Failures.Commit();
            }
            else
            {
                File.Delete(_folder.PathOf(ResultFiles.Failures));
            }
        }

        public void Dispose()
        {
            Timeseries.Discard();
            Runs.Discard();
            Timing.Discard();
            Failures?.Discard();
        }
    }

    internal sealed class Sink
    {
        private readonly string _path;
        private readonly FileStream _stream;
        private bool _committed;

        public Sink(string path)
        {
            _path = path;
            _stream = new FileStream(AtomicFile.TempOf(path), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        public void Write(string text) => _stream.Write(ResultFiles.Utf8.GetBytes(text));

        public void Write(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

        public void Append(string file)
        {
            using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            input.CopyTo(_stream);
        }

        /// <summary>The temporary file being written, for a reader that needs it before the commit (summary.csv of a merge).</summary>
        public string TempPath => AtomicFile.TempOf(_path);

        /// <summary>Closes the file so that it can be read before it is committed.</summary>
        public void Close() => _stream.Dispose();

        public void Commit()
        {
            _stream.Dispose();
            AtomicFile.Commit(_path);
            _committed = true;
        }

        /// <summary>Closes and deletes the temporary file unless it was committed.</summary>
        public void Discard()
        {
            if (_committed)
            {
                return;
            }
            try
            {
                _stream.Dispose();
            }
            catch (IOException)
            {
                // Flushing the rest failed (a full disk, say): the file is deleted anyway.
            }
            AtomicFile.DeleteTemp(_path);
        }
    }
}
