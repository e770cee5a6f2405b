using System.Globalization;
using System.Security.Cryptography;

namespace MovementSim.Batch;

/// <summary>
/// A file's length and SHA-256 (lower-case hex), written beside the data it describes (a run's <c>.check</c>, a result's
/// manifest.json) so that a later reader can tell a complete file from one that was cut short, emptied, deleted or
/// changed. Length is compared first: it is free, and it names the commonest damage (a truncated file) plainly.
/// </summary>
public readonly record struct FileDigest(long Bytes, string Sha256)
{
    public static FileDigest Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var hash = SHA256.HashData(stream);
        return new FileDigest(stream.Length, Convert.ToHexStringLower(hash));
    }

    public static FileDigest Of(ReadOnlySpan<byte> bytes) => new(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>What is wrong with the file at <paramref name="path"/> measured against this digest; null when it matches.</summary>
    /// <param name="name">The file as the message names it.</param>
    /// <param name="source">Where this digest was written, as the message names it (e.g. "its manifest.json").</param>
    public string? Mismatch(string path, string name, string source)
    {
        if (!File.Exists(path))
        {
            return $"{name} is missing ({source} lists it)";
        }
        var length = new FileInfo(path).Length;
        if (length != Bytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} is {length} bytes, but {source} says {Bytes}");
        }
        return Of(path).Sha256 == Sha256 ? null : $"{name} does not match the SHA-256 in {source} (its bytes were changed)";
    }
}
