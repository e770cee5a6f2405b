using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MovementSim.Explore;

/// <summary>
/// What the page asks of the server. Every request is answered, never thrown at: a malformed one gets 400 with a
/// message, one the session refuses gets 200 with the reason (so that the page's own mistakes do not fill the browser's
/// console with failed requests).
/// <list type="bullet">
/// <item><c>GET /</c>: the page.</item>
/// <item><c>GET /api/state?after=N</c>: the page's state, at once when newer than version N, else when the next one is published (at most <see cref="LongPoll"/>).</item>
/// <item><c>POST /api/parameter {"name", "value"}</c>: set a parameter on the page (value null: back to the files); answers {error, state}.</item>
/// <item><c>POST /api/reset</c>: undo the page's changes.</item>
/// <item><c>POST /api/baseline</c>: make the scenario shown what later changes are compared with; answers {error, state}.</item>
/// <item><c>POST /api/save {"name"}</c>: save as scenario; answers the <see cref="SaveResult"/>.</item>
/// <item><c>GET /chart/{rerun}/{name}.png</c>: a chart of a published rerun.</item>
/// </list>
/// Requests must name 127.0.0.1 or localhost as their host (a page on another site that renames itself to reach this
/// server, DNS rebinding, is refused), and POSTs must send JSON (which a page on another site cannot, without a
/// preflight this server does not answer).
/// </summary>
public static class ExploreEndpoints
{
    public const long MaxBodyBytes = 64 * 1024;

    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The body of POST /api/parameter.</summary>
    public sealed record ParameterChange(string? Name, string? Value);

    /// <summary>The body of POST /api/save.</summary>
    public sealed record SaveRequest(string? Name);

    /// <summary>The answer to POST /api/parameter, /api/reset and /api/baseline: the state after the change, and why not when it was refused.</summary>
    public sealed record ChangeAnswer(string? Error, PageState State);

    /// <param name="log">Where an unexpected failure of a request is told (the request gets 500 and the server goes on).</param>
    public static void Map(WebApplication app, ExploreSession session, TextWriter log)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.WriteLine($"explore: {context.Request.Method} {context.Request.Path} failed: {e.GetType().Name}: {e.Message}");
                if (!context.Response.HasStarted)
                {
                    await Problem(context, StatusCodes.Status500InternalServerError, $"{e.GetType().Name}: {e.Message}");
                }
            }
        });
        app.Use(async (context, next) =>
        {
            if (context.Request.Host.Host is not ("127.0.0.1" or "localhost"))
            {
                await Problem(context, StatusCodes.Status400BadRequest, "explore answers only requests to 127.0.0.1 or localhost");
                return;
            }
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                await Problem(context, StatusCodes.Status415UnsupportedMediaType, "send JSON (Content-Type: application/json)");
                return;
            }
            await next(context);
        });

        app.MapGet("/", () => Results.Text(ExplorePage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/state", async (HttpContext context) =>
        {
            var after = long.TryParse(context.Request.Query["after"], out var a) ? a : -1;
            var state = await session.NextState(after, LongPoll, context.RequestAborted);
            return Results.Json(state, Json);
        });
        app.MapPost("/api/parameter", async (HttpContext context) =>
        {
            var (change, problem) = await Read<ParameterChange>(context);
            if (change is null)
            {
                return problem!;
            }
            var error = session.SetParameter(change.Name, change.Value);
            return Results.Json(new ChangeAnswer(error, session.State), Json);
        });
        app.MapPost("/api/reset", () =>
        {
            session.Reset();
            return Results.Json(new ChangeAnswer(null, session.State), Json);
        });
        app.MapPost("/api/baseline", () =>
        {
            var error = session.MakeBaseline();
            return Results.Json(new ChangeAnswer(error, session.State), Json);
        });
        app.MapPost("/api/save", async (HttpContext context) =>
        {
            var (request, problem) = await Read<SaveRequest>(context);
            return request is null ? problem! : Results.Json(session.SaveAs(request.Name), Json);
        });
        app.MapGet("/chart/{rerun:long}/{name}.png", (long rerun, string name, HttpContext context) =>
        {
            if (session.Chart(rerun, name) is not { } png)
            {
                return Results.NotFound();
            }
            // A rerun's charts never change: the address names the rerun.
            context.Response.Headers.CacheControl = "private, max-age=3600, immutable";
            return Results.Bytes(png, "image/png");
        });
    }

    private static async Task<(T? Value, IResult? Problem)> Read<T>(HttpContext context) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
            return value is null ? (null, Results.BadRequest(new { error = "the body is empty: send a JSON object" })) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Results.BadRequest(new { error = $"the body is not the JSON expected: {e.Message}" }));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.Json(new { error = e.Message }, statusCode: e.StatusCode));
        }
    }

    private static Task Problem(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
