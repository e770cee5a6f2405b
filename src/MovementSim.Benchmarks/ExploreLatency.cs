using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MovementSim.Explore;

namespace MovementSim.Benchmarks;

/// <summary>
/// What <c>--explore [N]</c> measures: how long a student waits for new charts after moving a slider. It serves
/// scenarios/direct-payments with explore's default settings (5 replicates of at most 20,000 people, all cores, the
/// 250 ms debounce) on 127.0.0.1 in this process, waits for the first charts, then N times (default 10) does what
/// the page does when a slider is let go: posts a new value of <c>conversation</c> (each different from the last),
/// waits for the state that shows the rerun's charts, and downloads every chart image. Each wait is timed from the
/// post to the last image; the first is reported apart, as it includes compiling the code of a changed rerun.
/// Previews go to a temporary folder, removed at the end.
/// </summary>
public static class ExploreLatency
{
    public static async Task<int> Run(int changes, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var results = Path.Join(Path.GetTempPath(), "movementsim-explore-latency-" + Guid.NewGuid().ToString("N"));
        var settings = new ExploreSettings { ScenarioFolder = Repo.Scenario("direct-payments"), Port = 0, ResultsRoot = results };
        var session = ExploreSession.Open(settings, TextWriter.Null, out var errors)
                      ?? throw new InvalidOperationException(string.Join("\n", errors));
        try
        {
            await using var server = await ExploreServer.StartAsync(session, 0, stopOnCtrlC: false, Console.Error);
            session.Start();
            using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(2) };
            var state = await NextReady(http, -1, 0);
            output.WriteLine($"explore latency: {server.Url}, {state.GetProperty("previewNote").GetString()}");
            output.WriteLine($"load average before: {CpuCheck.LoadAverage()}");
            var seconds = new List<double>();
            for (var i = 0; i < changes; i++)
            {
                var value = (0.35 + 0.05 * i % 0.6).ToString("0.##", inv);
                var clock = Stopwatch.StartNew();
                var body = new StringContent(JsonSerializer.Serialize(new { name = "conversation", value }), Encoding.UTF8, "application/json");
                var answer = await (await http.PostAsync("/api/parameter", body)).Content.ReadFromJsonAsync<JsonElement>();
                var posted = answer.GetProperty("state");
                state = await NextReady(http, posted.GetProperty("version").GetInt64(), posted.GetProperty("chartsVersion").GetInt64());
                foreach (var chart in state.GetProperty("charts").EnumerateArray())
                {
                    await http.GetByteArrayAsync(chart.GetProperty("url").GetString());
                }
                seconds.Add(clock.Elapsed.TotalSeconds);
                output.WriteLine(string.Create(inv, $"change {i + 1,2}: conversation = {value,-4} new charts after {clock.Elapsed.TotalSeconds:F2} s (the server's rerun: {state.GetProperty("seconds").GetDouble():F2} s)"));
            }
            var rest = seconds.Skip(1).Order().ToList();
            if (rest.Count > 0)
            {
                output.WriteLine(string.Create(inv, $"first change {seconds[0]:F2} s; the other {rest.Count}: min {rest[0]:F2} s, median {rest[rest.Count / 2]:F2} s, max {rest[^1]:F2} s"));
            }
            output.WriteLine($"load average after: {CpuCheck.LoadAverage()}");
            return 0;
        }
        finally
        {
            session.Dispose();
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    /// <summary>The first state after <paramref name="version"/> that shows charts of a rerun newer than <paramref name="chartsVersion"/>.</summary>
    private static async Task<JsonElement> NextReady(HttpClient http, long version, long chartsVersion)
    {
        while (true)
        {
            var state = await http.GetFromJsonAsync<JsonElement>($"/api/state?after={version}");
            version = state.GetProperty("version").GetInt64();
            var status = state.GetProperty("status").GetString();
            if (status is "invalid" or "failed")
            {
                throw new InvalidOperationException($"the rerun ended {status}: {state.GetProperty("errors")}");
            }
            if (status == "ready" && state.GetProperty("chartsVersion").GetInt64() > chartsVersion)
            {
                return state;
            }
        }
    }
}
