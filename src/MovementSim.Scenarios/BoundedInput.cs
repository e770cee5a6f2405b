using System.Globalization;
using System.Text;

namespace MovementSim.Scenarios;

/// <summary>
/// How every input file (scenario files, sweeps, ranges, observations) is read: only a regular file, at most
/// <see cref="MaxBytes"/>, and text without NUL bytes. The limit holds on the bytes actually read, since some files
/// (/proc/self/environ) report a size of 0; a binary file is refused without echoing any of it.
/// </summary>
public static class BoundedInput
{
    /// <summary>64 MB: hundreds of times the largest shipped scenario file, far below what would exhaust memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static string MaxText => string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / (1024 * 1024)} MB ({MaxBytes:N0} bytes)");

    /// <summary>The file's text (UTF-8, a byte order mark dropped), or null and why it cannot be read.</summary>
    public static string? ReadText(string path, out string? problem)
    {
        var kind = InputFileKinds.Of(path);
        if (kind is not (InputFileKind.Regular or InputFileKind.Unknown))
        {
            problem = kind == InputFileKind.Missing
                ? (new FileInfo(path).LinkTarget is { } target ? $"it is a link to {Echo.Value(target)}, which does not exist" : "the file does not exist")
                : $"it is {InputFileKinds.Describe(kind)}, not a regular file: give a CSV file";
            return null;
        }
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            using var memory = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (memory.Length + read > MaxBytes)
                {
                    problem = $"the file is larger than the limit for input files, {MaxText}: input files are read whole (see scenarios/README.md)";
                    return null;
                }
                memory.Write(buffer, 0, read);
            }
            bytes = memory.ToArray();
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var line = bytes.AsSpan(0, nul).Count((byte)'\n') + 1;
            problem = string.Create(CultureInfo.InvariantCulture, $"line {line} holds a NUL byte: this is not a text file (a CSV file is plain text)");
            return null;
        }
        problem = null;
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
