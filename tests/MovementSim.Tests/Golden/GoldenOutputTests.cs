using MovementSim.Tests.Batch;
using Xunit;

namespace MovementSim.Tests.Golden;

/// <summary>
/// The exact output of a tiny seeded run, kept in the repository. A change to the model, its random draws or the
/// output format shows up here as a diff to review; when it is intended, regenerate the files with
/// MOVEMENTSIM_UPDATE_GOLDEN=1 dotnet test --filter GoldenOutput and commit them with the change.
/// </summary>
public class GoldenOutputTests
{
    private static string GoldenFolder => Path.Combine(RepoPaths.Root, "tests", "MovementSim.Tests", "Golden", "tiny-seed-5");

    [Theory]
    [InlineData("timeseries.csv")] // every measure at every step
    [InlineData("runs.csv")]       // every parameter and every final measure
    public void A_tiny_seeded_run_writes_exactly_the_reference_output(string file)
    {
        var work = Path.Combine(Path.GetTempPath(), "movementsim-golden-" + Guid.NewGuid().ToString("N"));
        try
        {
            var scenario = CliFixture.WriteScenario(work, "tiny", people: 300, steps: 12, sweep: null);
            var output = Path.Combine(work, "out");
            var (code, _, err) = CliFixture.Run("run", scenario, "--seed", "5", "--out", output);
            Assert.True(code == 0, err);
            var produced = File.ReadAllText(Path.Combine(output, file));
            var golden = Path.Combine(GoldenFolder, file);
            if (Environment.GetEnvironmentVariable("MOVEMENTSIM_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(GoldenFolder);
                File.WriteAllText(golden, produced);
            }
            Assert.True(File.Exists(golden), $"no reference {golden}: run with MOVEMENTSIM_UPDATE_GOLDEN=1 once and commit it");
            Assert.Equal(File.ReadAllText(golden), produced);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
