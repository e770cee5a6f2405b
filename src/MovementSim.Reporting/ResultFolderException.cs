namespace MovementSim.Reporting;

/// <summary>A result folder (or one of its files) that cannot be read. <see cref="Exception.Message"/> reads
/// "path: what is wrong", ready to print for a user without a stack trace.</summary>
public sealed class ResultFolderException : Exception
{
    public ResultFolderException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The folder or file at fault.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
