using System.Text;

namespace MovementSim.Batch;

/// <summary>
/// Reads LF-terminated lines of a file and knows the byte offset of each, so a reader can return to
/// an earlier line (summary.csv makes several passes over one design point when memory is short).
/// </summary>
public sealed class LineReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private long _bufferOffset;
    // A line that crosses the end of the buffer is assembled here; it grows to the longest such line.
    private byte[] _spill = new byte[1 << 10];

    public LineReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
    }

    /// <summary>Byte offset of the next line to be read.</summary>
    public long Position => _bufferOffset + _start;

    public void Seek(long offset)
    {
        _stream.Position = offset;
        _bufferOffset = offset;
        _start = _end = 0;
    }

    /// <summary>The next line without its line end, or null at the end of the file.</summary>
    public string? ReadLine() => TryReadLine(out var line) ? Encoding.UTF8.GetString(line) : null;

    /// <summary>
    /// The next line's UTF-8 bytes without its line end (no allocation); false at the end of the file.
    /// The span is valid until the next call.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var spilled = 0;
        while (true)
        {
            if (_start == _end)
            {
                _bufferOffset += _end;
                _start = 0;
                _end = _stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    line = WithoutCarriageReturn(_spill.AsSpan(0, spilled));
                    return spilled > 0;
                }
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _start += nl + 1;
                if (spilled == 0)
                {
                    line = WithoutCarriageReturn(span[..nl]);
                    return true;
                }
                Spill(span[..nl], ref spilled);
                line = WithoutCarriageReturn(_spill.AsSpan(0, spilled));
                return true;
            }
            Spill(span, ref spilled);
            _start = _end;
        }
    }

    private void Spill(ReadOnlySpan<byte> bytes, ref int spilled)
    {
        if (spilled + bytes.Length > _spill.Length)
        {
            Array.Resize(ref _spill, Math.Max(_spill.Length * 2, spilled + bytes.Length));
        }
        bytes.CopyTo(_spill.AsSpan(spilled));
        spilled += bytes.Length;
    }

    private static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;

    public void Dispose() => _stream.Dispose();
}
