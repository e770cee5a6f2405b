using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;

namespace MovementSim.Analysis.Model;

/// <summary>
/// The result folder of an analysis (sensitivity, calibrate). It is opened like a batch folder, with a plan
/// that names the analysis and everything that decides its output (scenario, inputs by SHA-256, parameters,
/// ranges, settings, seeds; not --jobs), so the same command resumes it and a different one is refused. Its
/// model runs go to batch folders below it. It ends with a batch of its own at one point (the fitted values,
/// or the scenario as given) run into the folder itself, so it holds timeseries.csv, summary.csv and the rest
/// like any batch folder; that batch's manifest.json, with the analysis' entries added, is written last.
/// </summary>
public static class AnalysisFolder
{
    public static JsonObject Plan(string analysis, BatchModelSettings model, IReadOnlyList<InputSource> inputs, JsonObject settings)
    {
        var parameters = new JsonObject();
        foreach (var spec in ParameterCatalog.All)
        {
            parameters[spec.Name] = spec.FormatOf(model.Scenario.Parameters);
        }
        return new JsonObject
        {
            ["format"] = 1,
            ["analysis"] = analysis,
            ["scenario"] = model.Scenario.Name,
            ["scenario_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(model.Scenario)))),
            ["inputs"] = new JsonArray(InputFiles.Describe(inputs)
                .Select(i => (JsonNode)new JsonObject { ["file"] = i.Name, ["sha256"] = i.Sha256 }).ToArray()),
            ["parameters"] = parameters,
            ["ranges"] = Ranges(model.Parameters),
            ["replicates"] = model.Replicates,
            ["master_seed"] = model.MasterSeed,
            ["common_random_numbers"] = model.CommonRandomNumbers,
            ["settings"] = settings,
        };
    }

    /// <summary>[{parameter, min, max}] in the order of the analysis.</summary>
    public static JsonArray Ranges(IReadOnlyList<VariedParameter> parameters) =>
        new(parameters.Select(p => (JsonNode)new JsonObject
        {
            ["parameter"] = p.Name,
            ["min"] = p.Range.Min,
            ["max"] = p.Range.Max,
        }).ToArray());

    public static bool IsComplete(OutputFolder folder) => File.Exists(folder.PathOf(ResultFiles.Manifest));

    /// <summary>The closing batch: <paramref name="point"/> of the model's parameters, all replicates, into the analysis folder itself.</summary>
    /// <param name="snapshot">Writes its scenario/ snapshot; null uses the model's.</param>
    /// <param name="counterfactual">Run each run with its counterfactual (<see cref="BatchRequest.Counterfactual"/>).</param>
    public static BatchOutcome RunClosingBatch(OutputFolder folder, BatchModel model, double[] point, IReadOnlyList<InputSource> inputs,
        JsonObject manifestEntries, Action<string>? snapshot = null, IBatchProgress? progress = null, bool counterfactual = false)
    {
        var design = model.DesignOf([point]);
        var request = model.RequestFor(design, folder.Root) with
        {
            InputFiles = inputs,
            ManifestExtra = manifestEntries,
            WriteSnapshot = snapshot ?? model.Settings.WriteSnapshot,
            WriteSummary = true,
            Counterfactual = counterfactual,
        };
        return BatchRunner.RunIn(folder, request, progress);
    }

    /// <summary>A tidy CSV file (<see cref="CsvOutput"/>): the header, then one record per row, written under a temporary name and renamed.</summary>
    /// <param name="writeFields">Writes the fields of one row; the record is ended after it.</param>
    public static void WriteCsv<T>(string path, IEnumerable<string> header, IEnumerable<T> rows, Action<CsvWriter, T> writeFields) =>
        AtomicFile.WriteCsv(path, w =>
        {
            w.WriteHeader(header.ToArray());
            foreach (var row in rows)
            {
                writeFields(w, row);
                w.EndRecord();
            }
        });

    public static string Flag(bool value) => value ? "true" : "false";
}
