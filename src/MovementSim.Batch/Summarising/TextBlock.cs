using System.Globalization;
using System.Text;

namespace MovementSim.Batch;

/// <summary>One design point's rows of timeseries.csv: where they are in the file and how many there are of each step.</summary>
internal sealed class TextBlock : DesignPointValues
{
    public const int StepField = 4;
    public const int YearField = 5;
    public const int FirstMeasureField = 6;

    private readonly LineReader _reader;
    private readonly Dictionary<int, int> _stepIndex = [];

    private TextBlock(LineReader reader, int designPoint, long start) : base(designPoint)
    {
        _reader = reader;
        Start = start;
    }

    public long Start { get; }
    public long End { get; private set; }

    /// <summary>The design points of the file, the reader standing at the first data line.</summary>
    public static IEnumerable<TextBlock> All(LineReader reader)
    {
        var block = Scan(reader, reader.Position);
        while (block is not null)
        {
            yield return block;
            block = Scan(reader, block.End);
        }
    }

    public override void Fill(Window window, double[][] cells)
    {
        var width = window.Width;
        var filled = new int[window.EndStep - window.FirstStep];
        _reader.Seek(Start);
        while (_reader.Position < End && _reader.TryReadLine(out var line))
        {
            var step = _stepIndex[Fields.Int(line, StepField)];
            if (step < window.FirstStep || step >= window.EndStep)
            {
                continue;
            }
            var rest = Fields.From(line, FirstMeasureField + window.FirstMeasure);
            var row = filled[step - window.FirstStep]++;
            for (var m = 0; m < width; m++)
            {
                var comma = rest.IndexOf((byte)',');
                var field = comma < 0 ? rest : rest[..comma];
                cells[(step - window.FirstStep) * width + m][row] = double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);
                rest = comma < 0 ? [] : rest[(comma + 1)..];
            }
        }
    }

    /// <summary>The block starting at <paramref name="start"/>, or null at the end of the file.</summary>
    private static TextBlock? Scan(LineReader reader, long start)
    {
        reader.Seek(start);
        TextBlock? block = null;
        var byStep = new SortedDictionary<int, StepRows>();
        var lineStart = reader.Position;
        while (reader.TryReadLine(out var line))
        {
            var designPoint = Fields.Int(line, 1);
            if (block is null)
            {
                block = new TextBlock(reader, designPoint, lineStart);
            }
            else if (designPoint != block.DesignPoint)
            {
                break;
            }
            var step = Fields.Int(line, StepField);
            if (!byStep.TryGetValue(step, out var rows))
            {
                var year = Fields.From(line, YearField);
                byStep[step] = rows = new StepRows(step, Encoding.UTF8.GetString(year[..year.IndexOf((byte)',')]));
            }
            rows.Count++;
            lineStart = reader.Position;
        }
        if (block is null)
        {
            return null;
        }
        block.End = lineStart;
        foreach (var rows in byStep.Values)
        {
            block._stepIndex[rows.Step] = block.Steps.Count;
            block.Steps.Add(rows);
        }
        return block;
    }

    /// <summary>Fields of a UTF-8 timeseries line, found by counting commas.</summary>
    private static class Fields
    {
        public static ReadOnlySpan<byte> From(ReadOnlySpan<byte> line, int index)
        {
            for (var i = 0; i < index; i++)
            {
                line = line[(line.IndexOf((byte)',') + 1)..];
            }
            return line;
        }

        public static int Int(ReadOnlySpan<byte> line, int index)
        {
            var field = From(line, index);
            var comma = field.IndexOf((byte)',');
            return int.Parse(comma < 0 ? field : field[..comma], NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }
}
