using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MovementSim.Explore;

/// <summary>
/// The web server of <c>explore</c>: ASP.NET Core's Kestrel from the shared framework, listening on 127.0.0.1 only,
/// serving the page and its requests (<see cref="ExploreEndpoints"/>) for one session. Without ASP.NET Core's log lines:
/// the command prints its own.
/// </summary>
public sealed class ExploreServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExploreServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:5050/.</summary>
    public string Url { get; }

    /// <param name="port">The port on 127.0.0.1; 0 for any free one.</param>
    /// <param name="stopOnCtrlC">Stop on Ctrl-C (SIGINT) or SIGTERM, as a command does; a test stops it itself.</param>
    /// <param name="log">Where failures of requests are told (stderr).</param>
    /// <exception cref="PortInUseException">Something else listens on the port.</exception>
    public static async Task<ExploreServer> StartAsync(ExploreSession session, int port, bool stopOnCtrlC, TextWriter log)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "movementsim-explore",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ExploreEndpoints.MaxBodyBytes;
        });
        if (stopOnCtrlC)
        {
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        }
        else
        {
            builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        }
        var app = builder.Build();
        ExploreEndpoints.Map(app, session, TextWriter.Synchronized(log));
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new PortInUseException(port, e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? $"http://127.0.0.1:{port}";
        return new ExploreServer(app, address.TrimEnd('/') + "/");
    }

    /// <summary>Completes when the server is asked to stop (Ctrl-C, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel = default) => _app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>For a server started and stopped by its caller: no console signals.</summary>
    private sealed class ManualLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
