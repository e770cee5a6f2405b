using System.Text.RegularExpressions;
using MovementSim.Batch;

namespace MovementSim.Reporting;

/// <summary>
/// The files of a results folder that <see cref="Comparison"/> writes (index.html and charts/compare_*), and what it may
/// do to them: index.html is overwritten only when MovementSim wrote it (it carries <see cref="GeneratorMeta"/>, or the
/// title every earlier version gave it), and a chart only when that index.html linked it. Anything else in the way is a
/// user's file and is refused, never overwritten or deleted. Links to scenario reports are URL-encoded and checked to be
/// relative paths, so that no folder name (javascript:..., a '#', '?' or '%') can become a script or a broken link.
/// </summary>
public sealed partial class IndexFiles
{
    public const string GeneratorMeta = "<meta name=\"generator\" content=\"MovementSim\">";
    private const string EarlierTitle = "<title>MovementSim: all scenarios</title>";
    public const string ChartPrefix = "compare_";

    private readonly string _root;
    private readonly HashSet<string> _charts;

    private IndexFiles(string root, HashSet<string> charts)
    {
        _root = root;
        _charts = charts;
    }

    /// <summary>What MovementSim wrote in <paramref name="root"/> before: the charts its index.html links.</summary>
    /// <exception cref="ResultFolderException">An index.html, or a charts/compare_* file, is there that MovementSim did not write.</exception>
    public static IndexFiles Owned(string root)
    {
        var index = Path.Combine(root, ResultFiles.Index);
        if (Directory.Exists(index))
        {
            throw new ResultFolderException(index, "a folder is in the way of the index page: move it away or choose another --results");
        }
        var owned = new IndexFiles(root, []);
        if (File.Exists(index))
        {
            var text = File.ReadAllText(index);
            if (!text.Contains(GeneratorMeta, StringComparison.Ordinal) && !text.Contains(EarlierTitle, StringComparison.Ordinal))
            {
                throw new ResultFolderException(index, "not written by MovementSim, so it is not overwritten: move it away or choose another --results");
            }
            owned = new IndexFiles(root, ChartLink().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
        }
        var charts = Path.Combine(root, ResultFiles.Charts);
        if (Directory.Exists(charts))
        {
            owned.CheckCanWrite(Directory.EnumerateFileSystemEntries(charts, ChartPrefix + "*").Select(Path.GetFileName).OfType<string>());
        }
        return owned;
    }

    /// <summary>Refuses when a chart about to be written exists and the earlier index.html did not link it.</summary>
    public void CheckCanWrite(IEnumerable<string> chartFiles)
    {
        var foreign = chartFiles.Where(f => Path.Exists(ChartPath(f)) && !_charts.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
        {
            throw new ResultFolderException(ChartPath(foreign[0]), "not written by MovementSim (no index.html of MovementSim's links it), so it is not " +
                $"overwritten{(foreign.Count > 1 ? $" (nor {foreign.Count - 1} more)" : "")}: move it away or choose another --results");
        }
    }

    /// <summary>Deletes the charts the earlier index.html linked that will not be written again (a scenario fewer).</summary>
    public void DeleteChartsNotIn(IEnumerable<string> chartFiles)
    {
        foreach (var stale in _charts.Except(chartFiles))
        {
            File.Delete(ChartPath(stale));
        }
    }

    private string ChartPath(string file) => Path.Combine(_root, ResultFiles.Charts, file);

    /// <summary>
    /// A link from <paramref name="root"/> to <paramref name="path"/>: relative, each segment URL-encoded (':' becomes %3A,
    /// so no segment can be read as a scheme such as javascript:), checked to be a relative reference.
    /// </summary>
    /// <exception cref="ResultFolderException">The path cannot be linked relatively (another drive).</exception>
    public static string Link(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var link = string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));
        if (Path.IsPathRooted(relative) || !Uri.TryCreate(link, UriKind.Relative, out _) || link.StartsWith('/'))
        {
            throw new ResultFolderException(root, $"{path} cannot be linked from {root} with a relative link: keep the scenario results under --results");
        }
        return link;
    }

    [GeneratedRegex("""charts/(compare_[A-Za-z0-9_.%-]+\.(?:png|svg))""")]
    private static partial Regex ChartLink();
}
