using System.Diagnostics;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// A small tmpfs mounted on a temporary folder, to make a disk fill up or turn read-only for real. Mounting needs root
/// (CI runs as root); elsewhere <see cref="TryMount"/> returns null and the test says it was skipped and why.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public const string Requirement = "mounting a small tmpfs to fill a disk needs root (CI runs as root)";

    public static SmallDisk? TryMount(int kilobytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "movementsim-disk-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        if (Mount("-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path) == 0)
        {
            return new SmallDisk(path);
        }
        Directory.Delete(path);
        return null;
    }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Changes the size or makes the disk read-only ("ro") or writable again ("rw").</summary>
    public void Remount(string options)
    {
        if (Mount("-o", $"remount,{options}", Path) != 0)
        {
            throw new InvalidOperationException($"remount {options} of {Path} failed");
        }
    }

    /// <summary>Fills the disk until about <paramref name="bytesLeft"/> bytes are free.</summary>
    public void FillLeaving(long bytesLeft)
    {
        var free = new DriveInfo(Path).AvailableFreeSpace;
        using var filler = new FileStream(Sub("filler"), FileMode.Create);
        filler.Write(new byte[Math.Max(0, free - bytesLeft)]);
    }

    private static int Mount(params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mount", args) { RedirectStandardError = true, UseShellExecute = false })!;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    public void Dispose()
    {
        Mount("-o", "remount,rw", Path);
        using (var p = Process.Start(new ProcessStartInfo("umount", [Path]) { RedirectStandardError = true, UseShellExecute = false })!)
        {
            p.WaitForExit();
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still mounted (busy): the OS cleans the temp folder eventually.
        }
    }
}
