using MovementSim.Batch;
using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Hardening;

/// <summary>
/// merge verifies every shard file against the length and SHA-256 its manifest.json lists, and the rows against the plan,
/// before it writes anything: a damaged shard is refused with exit 1, naming the file and what is wrong, and no output
/// folder is made.
/// </summary>
public class MergeVerificationTests
{
    /// <summary>Three shards of a two-point design with 3 replicates; run 4 fails, so shard 1 has a failures.csv.</summary>
    private static (string[] Shards, string Whole) Shards(TempFolder tmp)
    {
        var design = BatchFixtures.TwoPointDesign(replicates: 3);
        var failing = design.Run(4).Seed;
        var input = tmp.Sub("input.csv");
        File.WriteAllText(input, "parameter,value\npeople,300\n");
        BatchRequest Request(string output, Shard shard) => BatchFixtures.Request(output, design, shard: shard) with
        {
            Executor = new FakeExecutor { Fails = (_, seed) => seed == failing },
            InputFiles = [new InputSource(input, "parameters.csv")],
        };
        BatchRunner.Run(Request(tmp.Sub("whole"), Shard.Whole));
        var shards = Enumerable.Range(0, 3).Select(k => tmp.Sub($"shard{k}")).ToArray();
        for (var k = 0; k < 3; k++)
        {
            BatchRunner.Run(Request(shards[k], new Shard(k, 3)));
        }
        return (shards, tmp.Sub("whole"));
    }

    public static TheoryData<string, Damage> ShardFiles()
    {
        var data = new TheoryData<string, Damage>();
        string[] files = [ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Timing, ResultFiles.Failures, ResultFiles.Design,
            ResultFiles.Manifest, ResultFiles.Plan, "scenario/parameters.csv"];
        foreach (var file in files)
        {
            foreach (var damage in Enum.GetValues<Damage>())
            {
                data.Add(file, damage);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShardFiles))]
    public void Merge_refuses_a_shard_whose_file_was_damaged_naming_it_and_writes_nothing(string file, Damage damage)
    {
        using var tmp = new TempFolder();
        var (shards, _) = Shards(tmp);
        var damaged = Path.Combine(shards[1], file);
        Damaging.Apply(damaged, damage);

        var refused = Assert.Throws<MergeException>(() => ResultMerger.Merge(shards, tmp.Sub("merged")));

        // The message names the damaged file, or for a deleted manifest or plan the shard folder that lacks it.
        Assert.Contains(damage == Damage.Delete && file is ResultFiles.Manifest or ResultFiles.Plan ? shards[1] : damaged, refused.Message);
        Assert.False(Directory.Exists(tmp.Sub("merged")), "merge wrote nothing");
    }

    [Fact]
    public void Intact_shards_merge_into_the_unsharded_result_and_the_merged_manifest_lists_its_files()
    {
        using var tmp = new TempFolder();
        var (shards, whole) = Shards(tmp);

        ResultMerger.Merge(shards, tmp.Sub("merged"));

        foreach (var name in new[] { ResultFiles.Timeseries, ResultFiles.Runs, ResultFiles.Summary, ResultFiles.Design, ResultFiles.Failures })
        {
            Assert.True(CliFixture.SameBytes(Path.Combine(whole, name), tmp.Sub("merged/" + name)), name);
        }
        var manifest = ResultManifest.Read(tmp.Sub("merged/manifest.json"));
        Assert.Contains(manifest.Files!, f => f.File == ResultFiles.Summary && f.Digest.Mismatch(tmp.Sub("merged/summary.csv"), "summary.csv", "x") is null);
        Assert.Null(manifest.Jobs); // written as null, and read back: a merged folder's manifest is readable
    }

    [Fact]
    public void A_line_deleted_from_timeseries_with_its_checksum_rewritten_is_still_caught_by_the_row_count()
    {
        using var tmp = new TempFolder();
        var (shards, _) = Shards(tmp);
        var timeseries = Path.Combine(shards[0], ResultFiles.Timeseries);
        var lines = File.ReadAllLines(timeseries).ToList();
        lines.RemoveAt(5);
        File.WriteAllText(timeseries, string.Join("\n", lines) + "\n");
        // As if the manifest had been written after the damage: the checksum agrees, the rows do not.
        var manifestPath = Path.Combine(shards[0], ResultFiles.Manifest);
        var manifest = ResultManifest.Read(manifestPath);
        var digest = FileDigest.Of(timeseries);
        File.WriteAllText(manifestPath, (manifest with
        {
            Files = manifest.Files!.Select(f => f.File == ResultFiles.Timeseries ? f with { Bytes = digest.Bytes, Sha256 = digest.Sha256 } : f).ToArray(),
        }).ToText());

        var refused = Assert.Throws<MergeException>(() => ResultMerger.Merge(shards, tmp.Sub("merged")));

        Assert.Contains($"{timeseries} holds 20 rows of run 0, but its steps in runs.csv make 21", refused.Message);
        Assert.False(Directory.Exists(tmp.Sub("merged")));
    }

    [Fact]
    public void A_shard_whose_manifest_lists_no_checksums_cannot_be_verified_and_is_refused()
    {
        using var tmp = new TempFolder();
        var (shards, _) = Shards(tmp);
        var manifestPath = Path.Combine(shards[2], ResultFiles.Manifest);
        File.WriteAllText(manifestPath, (ResultManifest.Read(manifestPath) with { Files = null }).ToText());

        var refused = Assert.Throws<MergeException>(() => ResultMerger.Merge(shards, tmp.Sub("merged")));

        Assert.Contains("lists no lengths and checksums", refused.Message);
    }
}
