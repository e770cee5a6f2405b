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
    private readonly List<byte> _spill = [];

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
    public string? ReadLine()
    {
        _spill.Clear();
        while (true)
        {
            if (_start == _end)
            {
                _bufferOffset += _end;
                _start = 0;
                _end = _stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    return _spill.Count == 0 ? null : Decode(_spill.ToArray());
                }
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                string line;
                if (_spill.Count == 0)
                {
                    line = Decode(span[..nl]);
                }
                else
                {
                    _spill.AddRange(span[..nl]);
                    line = Decode(_spill.ToArray());
                }
                _start += nl + 1;
                return line;
            }
            _spill.AddRange(span);
            _start = _end;
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }
        return Encoding.UTF8.GetString(bytes);
    }

    public void Dispose() => _stream.Dispose();
}
