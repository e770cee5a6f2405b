using System.Globalization;
using System.Text.Json.Nodes;
using MovementSim.Batch;
using MovementSim.Core;
using MovementSim.Scenarios;
using Spectre.Console;

namespace MovementSim.Cli.Commands;

/// <summary>What run and batch were asked to do, as parsed (before any file is read).</summary>
internal sealed record BatchArguments
{
    public required string Scenario { get; init; }
    public required bool IsRun { get; init; }
    public required CommonArguments Common { get; init; }

    /// <summary>Threads each run uses for its steps (default: all cores for run, 1 for batch).</summary>
    public int? Threads { get; init; }
    public string? DesignFile { get; init; }
    public string? Shard { get; init; }
    public bool Force { get; init; }
    public bool Slurm { get; init; }
    public int? Shards { get; init; }
    public bool DryRun { get; init; }

    /// <summary>Pair every run with its counterfactual (see <see cref="BatchRequest.Counterfactual"/>).</summary>
    public bool Counterfactual { get; init; }
    public string CommandLine { get; init; } = "";
}

/// <summary>
/// The path shared by run and batch: check the arguments, load and validate everything (scenario,
/// sweep, design) and report every problem before any simulation starts, then run, then the hook.
/// </summary>
internal static class BatchInvocation
{
    public static int Execute(BatchArguments args, TextWriter stdout, TextWriter stderr, Action<string>? afterBatch, IAnsiConsole? terminal = null)
    {
        // 1. The command line on its own.
        var usage = new List<string>();
        var overrides = ParseSets(args.Common.Sets, usage);
        var shard = Shard.Whole;
        if (args.Shard is not null && !Shard.TryParse(args.Shard, out shard, out var shardError))
        {
            usage.Add(shardError);
        }
        if (args.Common.Jobs is < 1)
        {
            usage.Add($"--jobs must be at least 1 (got {args.Common.Jobs})");
        }
        if (args.Threads is < 1)
        {
            usage.Add($"--threads must be at least 1 (got {args.Threads})");
        }
        if (args.Common.Reps is < 1)
        {
            usage.Add($"--reps must be at least 1 (got {args.Common.Reps})");
        }
        if (args.IsRun && args.Common.Seed is < 0)
        {
            usage.Add($"--seed of a run must be a non-negative 32-bit integer (got {args.Common.Seed}), as the seed column of a batch");
        }
        CheckSlurm(args.Slurm, args.Shards, args.DryRun, args.Shard, usage);
        if (usage.Count > 0)
        {
            foreach (var u in usage)
            {
                stderr.WriteLine($"movementsim: {u}");
            }
            return Cli.UsageError;
        }

        // 2. Every input, all errors collected before anything runs.
        var errors = new List<string>();
        var loaded = ScenarioLoader.Load(args.Scenario, overrides);
        errors.AddRange(loaded.Errors.Select(e => e.ToString()));
        string? sweepPath = null;
        SweepParseResult? sweep = null;
        if (!args.IsRun)
        {
            sweepPath = args.DesignFile ?? DefaultSweep(args.Scenario);
            if (sweepPath is not null)
            {
                sweep = SweepFile.Load(sweepPath);
                errors.AddRange(sweep.Errors.Select(e => e.ToString()));
            }
        }
        var masterSeed = args.Common.Seed ?? Seeds.DefaultMasterSeed;
        Design? design = null;
        if (errors.Count == 0)
        {
            if (args.IsRun)
            {
                design = Design.Single(args.Common.Seed ?? Seeds.RunSeed(Seeds.DefaultMasterSeed, 0, 0));
            }
            else
            {
                var request = new DesignRequest(masterSeed, args.Common.Reps, args.Force, overrides.Select(o => o.Name).ToHashSet());
                var expanded = DesignExpansion.Expand(sweep?.Sweep, loaded.Scenario!.Parameters, request, loaded.Scenario.Events);
                errors.AddRange(expanded.Errors.Select(e => e.ToString()));
                design = expanded.Design;
            }
        }
        if (errors.Count > 0 || design is null || loaded.Scenario is null)
        {
            foreach (var e in errors)
            {
                stderr.WriteLine(e);
            }
            stderr.WriteLine($"movementsim: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}; nothing was run");
            return Cli.InvalidInput;
        }

        var scenario = loaded.Scenario;
        var jobs = args.Common.Jobs ?? (args.IsRun ? 1 : Environment.ProcessorCount);
        if (!args.Slurm && MemoryProblem(scenario, design, shard, jobs) is { } memory)
        {
            stderr.WriteLine($"movementsim: {memory}; nothing was run");
            return Cli.InvalidInput;
        }
        var output = args.Common.Out ?? DefaultOutput(scenario.Name);
        try
        {
            if (args.Slurm)
            {
                return SubmitToSlurm(args, design, masterSeed, sweepPath, output, scenario, loaded, stdout, stderr);
            }
            var inputs = InputsOf(loaded, sweepPath);
            var batch = new BatchRequest
            {
                Scenario = scenario,
                Design = design,
                OutputDirectory = output,
                InputFiles = inputs,
                Shard = shard,
                Jobs = jobs,
                Executor = new SimulationExecutor(args.Threads ?? (args.IsRun ? Environment.ProcessorCount : 1)),
                Counterfactual = args.Counterfactual,
                CommandLine = args.CommandLine,
                WriteSnapshot = folder =>
                {
                    ScenarioFiles.Copy(loaded, folder);
                    if (sweepPath is not null)
                    {
                        File.Copy(sweepPath, Path.Combine(folder, SweepFile.DefaultName), overwrite: true);
                    }
                },
            };
            var outcome = ProgressDisplay.Run(terminal, stderr, args.Common.Quiet, progress => BatchRunner.Run(batch, progress));
            ReportRepaired(outcome, stderr);
            if (!args.Common.Quiet)
            {
                stderr.WriteLine(Describe(outcome));
            }
            stdout.WriteLine(outcome.OutputDirectory);
            if (shard.IsWhole)
            {
                afterBatch?.Invoke(outcome.OutputDirectory);
            }
            return outcome.AllSucceeded ? Cli.Ok : Cli.SomeRunsFailed;
        }
        catch (OutputFolderException e)
        {
            stderr.WriteLine($"movementsim: {e.Message}");
            return Cli.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Failures.IoMessage(e));
            return Cli.IoFailure;
        }
        catch (InvalidOperationException e)
        {
            // sbatch missing or refusing a script.
            stderr.WriteLine($"movementsim: {e.Message}");
            return Cli.InvalidInput;
        }
    }

    /// <summary>Says which runs of an earlier attempt failed verification and were run again (even with --quiet: it is a warning).</summary>
    internal static void ReportRepaired(BatchOutcome outcome, TextWriter stderr)
    {
        const int Shown = 10;
        foreach (var problem in outcome.Repaired.Take(Shown))
        {
            stderr.WriteLine($"movementsim: warning: {problem}; the run was executed again");
        }
        if (outcome.Repaired.Count > Shown)
        {
            stderr.WriteLine($"movementsim: warning: {outcome.Repaired.Count - Shown} more runs failed verification and were executed again");
        }
    }

    /// <summary>
    /// Whether the runs that go at once fit in memory: the largest design point's run (a sweep may vary people or degrees)
    /// times the runs at once. The loader has already refused a scenario one run of which does not fit.
    /// </summary>
    private static string? MemoryProblem(ScenarioDefinition scenario, Design design, Shard shard, int jobs)
    {
        // Only these parameters change a run's size: when none is swept, one estimate serves every design point.
        string[] sizing = ["people", "mean_degree", "network", "actor_network", "actor_mean_degree", "broker_ties", "steps"];
        var points = design.Swept.Any(p => sizing.Contains(p.Name)) ? design.Points.Select(p => p.Index) : [0];
        var largest = points
            .Select(dp => design.ParametersOf(dp, scenario.Parameters))
            .DistinctBy(p => (p.People, p.MeanDegree, p.Network, p.ActorNetwork, p.ActorMeanDegree, p.BrokerTies, p.Steps))
            .Select(p => ScenarioSize.Of(scenario with { Parameters = p }))
            .MaxBy(size => size.Bytes)!;
        return largest.MemoryProblem((int)Math.Min(jobs, design.RunCountIn(shard)), ScenarioSize.AvailableBytes);
    }

    /// <summary>The rules between --slurm, --shards, --dry-run and --shard, shared by every command that can run on a cluster.</summary>
    internal static void CheckSlurm(bool slurm, int? shards, bool dryRun, string? shard, List<string> usage)
    {
        if (shards is not null && !slurm)
        {
            usage.Add("--shards needs --slurm (for a single shard use --shard K/N)");
        }
        if (shards is < 1)
        {
            usage.Add($"--shards must be at least 1 (got {shards})");
        }
        if (dryRun && !slurm)
        {
            usage.Add("--dry-run needs --slurm");
        }
        if (slurm && shard is not null)
        {
            usage.Add("--slurm cuts the runs into shards itself: drop --shard");
        }
    }

    private static string Describe(BatchOutcome o)
    {
        if (o.WasAlreadyComplete)
        {
            return $"movementsim: {o.OutputDirectory} already holds this finished batch ({o.RunsTotal} runs, {o.RunsFailed} failed); nothing to do";
        }
        var resumed = o.RunsResumed > 0 ? $", {o.RunsResumed} done earlier" : "";
        var failed = o.RunsFailed > 0 ? $"; {o.RunsFailed} failed (see {ResultFiles.Failures})" : "";
        return $"movementsim: {o.RunsTotal} runs{resumed}{failed}; results in {o.OutputDirectory}";
    }

    /// <summary>Files hashed into the plan and manifest, named as in the snapshot: base files under base/, the sweep as sweep.csv.</summary>
    internal static IReadOnlyList<InputSource> InputsOf(ScenarioLoadResult loaded, string? sweepPath)
    {
        var inputs = loaded.Files
            .Select(f => new InputSource(f.FullPath, string.Concat(Enumerable.Repeat("base/", f.Depth)) + f.Name))
            .ToList();
        if (sweepPath is not null)
        {
            inputs.Add(new InputSource(Path.GetFullPath(sweepPath), SweepFile.DefaultName));
        }
        return inputs;
    }

    private static string? DefaultSweep(string scenarioFolder)
    {
        var path = Path.Combine(scenarioFolder, SweepFile.DefaultName);
        // Any entry of that name, so that a folder or FIFO named sweep.csv is reported rather than skipped.
        return Path.Exists(path) ? path : null;
    }

    /// <summary>results/&lt;scenario&gt;/&lt;timestamp&gt;, the scenario name reduced to safe characters.</summary>
    public static string DefaultOutput(string scenarioName)
    {
        var safe = new string(scenarioName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return Path.Combine("results", safe.Length == 0 ? "scenario" : safe,
            DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
    }

    internal static List<(string Name, string Value)> ParseSets(IReadOnlyList<string> sets, List<string> usage)
    {
        var result = new List<(string, string)>();
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=');
            if (eq <= 0)
            {
                usage.Add($"--set '{Echo.Value(s)}' is not name=value (for example --set imitation=0.4)");
                continue;
            }
            result.Add((s[..eq].Trim(), s[(eq + 1)..].Trim()));
        }
        return result;
    }

    private static int SubmitToSlurm(BatchArguments args, Design design, int masterSeed, string? sweepPath, string output,
        ScenarioDefinition scenario, ScenarioLoadResult loaded, TextWriter stdout, TextWriter stderr)
    {
        var shards = args.Shards ?? 1;
        var batchArgs = new List<string> { Path.GetFullPath(args.Scenario), "--seed", masterSeed.ToString(CultureInfo.InvariantCulture),
            "--reps", design.Replicates.ToString(CultureInfo.InvariantCulture) };
        foreach (var s in args.Common.Sets)
        {
            batchArgs.AddRange(["--set", s]);
        }
        if (args.DesignFile is not null)
        {
            batchArgs.AddRange(["--design", Path.GetFullPath(args.DesignFile)]);
        }
        if (args.Force)
        {
            batchArgs.Add("--force");
        }
        if (args.Counterfactual)
        {
            batchArgs.Add("--counterfactual");
        }
        var job = new SlurmJob(output, shards, ProgramCommand(), batchArgs, "movementsim-" + scenario.Name, args.Common.Jobs ?? 1);
        var plan = BatchRunner.PlanOf(new BatchRequest { Scenario = scenario, Design = design, OutputDirectory = output, Counterfactual = args.Counterfactual },
            InputFiles.Describe(InputsOf(loaded, sweepPath)));
        return Submit(job, plan, args.DryRun, "merge job", stdout, stderr);
    }

    /// <summary>
    /// Writes (with <paramref name="dryRun"/>) or submits a Slurm job array and its final job, after checking that the
    /// output path is safe in the scripts. The final job will finish the output folder: it is claimed now with
    /// <paramref name="plan"/> and kept, so that the final job finds it its own and nobody else writes there in between.
    /// </summary>
    internal static int Submit(SlurmJob job, JsonObject plan, bool dryRun, string finalJob, TextWriter stdout, TextWriter stderr)
    {
        var output = Path.GetFullPath(job.OutputDirectory);
        if (SlurmScripts.Problem(output, logFolder: true) is { } unsafeOutput)
        {
            stderr.WriteLine($"movementsim: --out {unsafeOutput}");
            return Cli.UsageError;
        }
        using (var folder = OutputFolder.Open(output, plan, tolerated: [SlurmScripts.Folder, SlurmScripts.ShardsFolder]))
        {
            if (dryRun)
            {
                var (array, final) = SlurmScripts.Write(job);
                stderr.WriteLine($"movementsim: wrote {array} and {final} (not submitted: --dry-run)");
            }
            else
            {
                var submitted = SlurmScripts.Submit(job);
                stderr.WriteLine($"movementsim: submitted job array {submitted.ArrayJobId} ({job.Shards} shards) and {finalJob} {submitted.MergeJobId}; results will be in {output}");
            }
            folder.Keep();
        }
        stdout.WriteLine(output);
        return Cli.Ok;
    }

    /// <summary>How to start this program again on a cluster node: $MOVEMENTSIM_COMMAND, else this build.</summary>
    internal static IReadOnlyList<string> ProgramCommand()
    {
        var configured = Environment.GetEnvironmentVariable("MOVEMENTSIM_COMMAND");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        var dll = typeof(BatchInvocation).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return [host, dll];
        }
        var apphost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(apphost) ? [apphost] : ["dotnet", dll];
    }

    /// <summary>The command line as typed (for the manifest), words quoted for bash where needed.</summary>
    public static string CommandLineOf(System.CommandLine.ParseResult parse) =>
        "movementsim " + string.Join(" ", parse.Tokens.Select(t => SlurmScripts.Quote(t.Value)));
}
