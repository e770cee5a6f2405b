namespace MovementSim.Batch;

/// <summary>Which I/O errors mean what. On Unix .NET puts the errno in <see cref="Exception.HResult"/>; on Windows an HRESULT.</summary>
public static class IoErrors
{
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);
    private const int WindowsLockViolation = unchecked((int)0x80070021);

    /// <summary>Opening a file with FileShare.None failed because another process holds it (not because it cannot be written).</summary>
    public static bool IsLockHeld(IOException e) =>
        e.GetType() == typeof(IOException) &&
        (OperatingSystem.IsLinux() ? e.HResult == LinuxWouldBlock
        : OperatingSystem.IsWindows() ? e.HResult is WindowsSharingViolation or WindowsLockViolation
        : e.HResult == MacWouldBlock);
}
