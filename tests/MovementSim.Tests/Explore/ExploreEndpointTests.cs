using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MovementSim.Explore;
using Xunit;

namespace MovementSim.Tests.Explore;

/// <summary>The server's answers to requests, good and bad, over HTTP on 127.0.0.1 (no browser): nothing a request holds brings it down.</summary>
public sealed class ExploreEndpointTests : IAsyncLifetime
{
    private readonly ExploreWorkspace _workspace = new();
    private ExploreSession _session = null!;
    private ExploreServer _server = null!;
    private readonly StringWriter _log = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _session = _workspace.Open();
        _server = await ExploreServer.StartAsync(_session, 0, stopOnCtrlC: false, _log);
        _http.BaseAddress = new Uri(_server.Url);
        _session.Start();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _session.Dispose();
        _http.Dispose();
        _workspace.Dispose();
    }

    private Task<HttpResponseMessage> Post(string path, string body, string contentType = "application/json") =>
        _http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    private async Task<bool> StillServesThePage() =>
        (await _http.GetAsync("/")).StatusCode == HttpStatusCode.OK && (await _http.GetStringAsync("/")).Contains("MovementSim explore");

    [Fact]
    public async Task It_listens_on_127_0_0_1_and_serves_the_page_and_its_state()
    {
        Assert.StartsWith("http://127.0.0.1:", _server.Url);
        Assert.True(await StillServesThePage());
        using var state = JsonDocument.Parse(await _http.GetStringAsync("/api/state?after=-1"));
        Assert.Equal("direct-payments", state.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(Core.ParameterCatalog.All.Count, state.RootElement.GetProperty("parameters").GetArrayLength());
    }

    [Theory]
    [InlineData("{not json")] // malformed
    [InlineData("[1, 2]")] // JSON, but not an object
    [InlineData("null")] // nothing in it
    [InlineData("{\"name\": 3}")] // a number for a name
    public async Task A_malformed_body_gets_400_with_a_message_and_the_server_goes_on(string body)
    {
        var response = await Post("/api/parameter", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
        Assert.True(await StillServesThePage());
        Assert.Empty(_log.ToString());
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_refused_so_that_another_site_cannot_post_a_form_to_it()
    {
        var response = await Post("/api/save", "name=evil", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(["direct-payments"], Directory.GetDirectories(_workspace.Scenarios).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/state?after=-1");
        request.Headers.Host = "attacker.example";

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_value_is_accepted_as_a_change_and_answered_with_the_loaders_message_in_the_state()
    {
        var response = await Post("/api/parameter", "{\"name\": \"conversation\", \"value\": \"1e3\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ExploreWorkspace.WaitFor(_session, s => s.Status == PageStatus.Invalid, "the loader's messages");
        Assert.Contains(after.Errors, e => e.Contains("'1e3' is not a number", StringComparison.Ordinal));
        Assert.True(await StillServesThePage());
    }

    [Fact]
    public async Task An_unknown_parameter_is_answered_with_why()
    {
        var answer = await (await Post("/api/parameter", "{\"name\": \"../../etc\", \"value\": \"1\"}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("unknown parameter", answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Save_with_a_path_for_a_name_is_refused_in_the_answer_and_writes_nothing()
    {
        var answer = await (await Post("/api/save", "{\"name\": \"../escaped\"}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(answer.GetProperty("saved").GetBoolean());
        Assert.Contains("is a path", answer.GetProperty("message").GetString());
        Assert.False(Directory.Exists(Path.Combine(_workspace.Root, "escaped")));
    }

    [Theory]
    [InlineData("/chart/999/reach_over_time.png")] // a rerun that never was
    [InlineData("/chart/1/no_such_chart.png")] // a chart that does not exist
    [InlineData("/chart/x/reach_over_time.png")] // not a rerun number
    [InlineData("/../../etc/passwd")] // a path out of the server
    public async Task What_is_not_there_is_404(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_port_in_use_is_reported_as_such()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var e = await Assert.ThrowsAsync<PortInUseException>(() => ExploreServer.StartAsync(_session, port, stopOnCtrlC: false, _log));

        Assert.Equal($"port {port} on 127.0.0.1 is in use: choose another with --port N", e.Message);
    }
}
