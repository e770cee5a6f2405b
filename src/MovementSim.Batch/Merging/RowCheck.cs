using System.Globalization;

namespace MovementSim.Batch;

/// <summary>
/// What merge checks in each row of a shard's row file: as many fields as its header, and the rows the plan expects of
/// each run (one row in runs.csv, timing.csv and failures.csv; steps + 1 rows in timeseries.csv).
/// </summary>
internal class RowCheck(bool countFields = true)
{
    private int _fields = -1;

    /// <summary>The runs runs.csv holds and the timeseries rows each must have, and the rows timeseries.csv gave each.</summary>
    public sealed class FinishedRuns
    {
        private readonly Dictionary<int, (int Expected, string Source)> _expected = [];
        private readonly Dictionary<int, int> _timeseries = [];

        public void Expect(int runId, int rows, string source) => _expected[runId] = (rows, source);

        public void Timeseries(int runId, string path, long line)
        {
            if (!_expected.ContainsKey(runId))
            {
                throw new MergeException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{line}: run {runId} has timeseries rows but no row in {ResultFiles.Runs}: the shard is damaged"));
            }
            _timeseries[runId] = _timeseries.GetValueOrDefault(runId) + 1;
        }

        /// <summary>Every finished run has exactly its steps + 1 timeseries rows.</summary>
        public void CheckAllHaveTimeseries()
        {
            foreach (var (runId, (expected, source)) in _expected.OrderBy(e => e.Key))
            {
                var rows = _timeseries.GetValueOrDefault(runId);
                if (rows != expected)
                {
                    throw new MergeException(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.Combine(source, ResultFiles.Timeseries)} holds {rows} rows of run {runId}, but its steps in {ResultFiles.Runs} make {expected}: the shard is damaged"));
                }
            }
        }
    }

    public virtual void Header(string header, string path) => _fields = FieldCount(header);

    public virtual void Row(int runId, bool sameRunAsLast, string line, string path, long lineNumber)
    {
        if (countFields && FieldCount(line) != _fields)
        {
            throw new MergeException(string.Create(CultureInfo.InvariantCulture,
                $"{path}:{lineNumber}: the row has {FieldCount(line)} fields but the header has {_fields}: the shard is damaged"));
        }
    }

    /// <summary>runs.csv: one row per run, whose steps column gives the timeseries rows the run must have.</summary>
    public static RowCheck RunsRows(FinishedRuns finished) => new RunsCheck(finished);

    public static RowCheck TimeseriesRows(FinishedRuns finished) => new TimeseriesCheck(finished);

    /// <summary>timing.csv, failures.csv: one row per run (a failure's message may hold quoted commas: its fields are not counted).</summary>
    public static RowCheck OneRowPerRun(bool countFields = true) => new OneRow(countFields);

    /// <summary>Fields of a CSV line: commas outside double quotes, plus one.</summary>
    private static int FieldCount(string line)
    {
        var fields = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields++;
            }
        }
        return fields;
    }

    private class OneRow(bool countFields) : RowCheck(countFields)
    {
        public override void Row(int runId, bool sameRunAsLast, string line, string path, long lineNumber)
        {
            base.Row(runId, sameRunAsLast, line, path, lineNumber);
            if (sameRunAsLast)
            {
                throw new MergeException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{lineNumber}: run {runId} has a second row: the shard is damaged"));
            }
        }
    }

    private sealed class RunsCheck(FinishedRuns finished) : OneRow(countFields: true)
    {
        private int _steps = -1;

        public override void Header(string header, string path)
        {
            base.Header(header, path);
            _steps = Array.IndexOf(header.Split(','), "steps");
            if (_steps < 0)
            {
                throw new MergeException($"{path} has no steps column: it is not a runs.csv of this program");
            }
        }

        public override void Row(int runId, bool sameRunAsLast, string line, string path, long lineNumber)
        {
            base.Row(runId, sameRunAsLast, line, path, lineNumber);
            var field = line.Split(',')[_steps];
            if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var steps) || steps == int.MaxValue)
            {
                throw new MergeException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{lineNumber}: steps '{Scenarios.Echo.Value(field)}' is not a whole number: the shard is damaged"));
            }
            finished.Expect(runId, steps + 1, Path.GetDirectoryName(path)!);
        }
    }

    private sealed class TimeseriesCheck(FinishedRuns finished) : RowCheck(countFields: true)
    {
        public override void Row(int runId, bool sameRunAsLast, string line, string path, long lineNumber)
        {
            base.Row(runId, sameRunAsLast, line, path, lineNumber);
            finished.Timeseries(runId, path, lineNumber);
        }
    }
}
