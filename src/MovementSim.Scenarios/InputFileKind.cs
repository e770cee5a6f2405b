using System.Runtime.InteropServices;

namespace MovementSim.Scenarios;

/// <summary>What a path names, as the file system says (following links): only a regular file is read as input.</summary>
public enum InputFileKind
{
    /// <summary>The type could not be told (not Linux, or statx failed): treated as a regular file, bounded by size alone.</summary>
    Unknown,
    Regular,
    Folder,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Missing,
}

/// <summary>
/// The kind of a path without opening it: opening a FIFO blocks until something writes to it, and a device such as
/// /dev/urandom never ends, so neither may be opened as an input file. .NET does not expose the file type, so on
/// Linux it comes from statx(2), whose structure is the same on every architecture.
/// </summary>
public static class InputFileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    public static InputFileKind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return InputFileKind.Folder;
        }
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? InputFileKind.Unknown : InputFileKind.Missing;
        }
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return File.Exists(path) ? InputFileKind.Unknown : InputFileKind.Missing;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path) ? InputFileKind.Unknown : InputFileKind.Missing;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => InputFileKind.Regular,
            0x4000 => InputFileKind.Folder,
            0x1000 => InputFileKind.Fifo,
            0x2000 => InputFileKind.CharacterDevice,
            0x6000 => InputFileKind.BlockDevice,
            0xC000 => InputFileKind.Socket,
            _ => InputFileKind.Unknown,
        };
    }

    /// <summary>What the kind is, for a message: "a FIFO (named pipe)".</summary>
    public static string Describe(InputFileKind kind) => kind switch
    {
        InputFileKind.Folder => "a folder",
        InputFileKind.Fifo => "a FIFO (named pipe)",
        InputFileKind.CharacterDevice => "a character device (such as /dev/urandom)",
        InputFileKind.BlockDevice => "a block device",
        InputFileKind.Socket => "a socket",
        InputFileKind.Missing => "missing",
        _ => "a file",
    };

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks; the path is marshalled as UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, string pathname, int flags, uint mask, [Out] byte[] buffer);
}
