using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MovementSim.Tests.Reporting;

namespace MovementSim.Tests.Explore;

/// <summary>
/// A page open in headless chromium (started as the other browser tests start it, <see cref="Chromium.StartInfo"/>) and
/// driven through the Chrome DevTools Protocol over its WebSocket: run script in the page as a user's actions would,
/// read what it shows, and collect everything its console says (console calls, uncaught exceptions, failed loads and
/// the console lines chromium logs to stderr).
/// </summary>
public sealed class DevToolsPage : IAsyncDisposable
{
    private readonly Process _chromium;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _console;
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _reader;
    private int _nextId;

    private DevToolsPage(Process chromium, DirectoryInfo profile, ClientWebSocket socket, ConcurrentQueue<string> console)
    {
        _console = console;
        _chromium = chromium;
        _profile = profile;
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Everything the page's console received so far.</summary>
    public IReadOnlyList<string> Console => _console.ToArray();

    public static async Task<DevToolsPage> OpenAsync(string chromium, string url)
    {
        var profile = Directory.CreateTempSubdirectory("movementsim-chromium-");
        var process = Process.Start(Chromium.StartInfo(chromium, profile.FullName, ["--remote-debugging-port=0", "--window-size=1280,2000", "about:blank"]))!;
        var console = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Chromium.IsConsoleLine(line))
            {
                console.Enqueue("stderr: " + line);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            // Chromium writes the port it chose into the profile folder.
            var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
            var deadline = Stopwatch.StartNew();
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
                {
                    throw new TimeoutException($"chromium did not open its DevTools port (exited: {process.HasExited})");
                }
                await Task.Delay(100);
            }
            var port = File.ReadAllLines(portFile)[0].Trim();
            using var http = new HttpClient();
            using var targets = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"));
            var pageSocket = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page")
                .GetProperty("webSocketDebuggerUrl").GetString()!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(pageSocket), CancellationToken.None);
            var page = new DevToolsPage(process, profile, socket, console);
            await page.Send("Runtime.enable");
            await page.Send("Log.enable");
            await page.Send("Page.enable");
            await page.Send("Page.navigate", new { url });
            await page.WaitUntil($"location.href === {JsonSerializer.Serialize(url)} && document.readyState === 'complete'", TimeSpan.FromSeconds(60), $"{url} to load");
            return page;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    public async Task<JsonElement> Send(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The value of a script expression in the page (awaited when it is a promise).</summary>
    public async Task<JsonElement> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"the page threw evaluating {expression}: {exception}");
        }
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : default;
    }

    /// <summary>A PNG of what the page shows in the window (1280 × 2000).</summary>
    public async Task<byte[]> Screenshot() =>
        Convert.FromBase64String((await Send("Page.captureScreenshot", new { format = "png" })).GetProperty("data").GetString()!);

    /// <summary>Polls a script expression until it is true; fails the test with <paramref name="what"/> when time runs out.</summary>
    public async Task WaitUntil(string expression, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await Evaluate(expression) is { ValueKind: JsonValueKind.True })
            {
                return;
            }
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0} s (console: {string.Join(" | ", Console)})");
            }
            await Task.Delay(200);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
        {
            if (message.TryGetProperty("error", out var error))
            {
                answer.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            }
            else
            {
                answer.TrySetResult(message.GetProperty("result"));
            }
            return;
        }
        if (!message.TryGetProperty("method", out var method))
        {
            return;
        }
        var p = message.GetProperty("params");
        switch (method.GetString())
        {
            case "Runtime.consoleAPICalled":
                _console.Enqueue($"console.{p.GetProperty("type").GetString()}: " +
                    string.Join(" ", p.GetProperty("args").EnumerateArray().Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.GetProperty("type").GetString())));
                break;
            case "Runtime.exceptionThrown":
                _console.Enqueue("exception: " + p.GetProperty("exceptionDetails"));
                break;
            case "Log.entryAdded":
                var entry = p.GetProperty("entry");
                _console.Enqueue($"log.{entry.GetProperty("level").GetString()}: {entry.GetProperty("text").GetString()} ({(entry.TryGetProperty("url", out var u) ? u.GetString() : "")})");
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        await _closing.CancelAsync();
        await _reader;
        _socket.Dispose();
        if (!_chromium.HasExited)
        {
            _chromium.Kill(entireProcessTree: true);
        }
        await _chromium.WaitForExitAsync();
        _chromium.Dispose();
        _closing.Dispose();
        _sending.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary profile is harmless.
        }
    }
}
