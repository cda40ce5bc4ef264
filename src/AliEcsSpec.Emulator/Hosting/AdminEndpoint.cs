using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// The admin routes under <c>/_emulator/</c>, served only when <see cref="EcsEmulatorOptions.EnableAdminRoutes"/> is
/// on: any client (curl, a test in another language) reads the state, scripts faults and throttling, and resets the
/// state while the emulator runs. Success answers 204 (the state: 200 with JSON); a bad body 400 with <c>{"error"}</c>.
/// </summary>
internal sealed class AdminEndpoint(EmulatorState state, FaultInjector faults, EmulatorThrottling throttling)
{
    public const string StateRoute = "/_emulator/state";
    public const string FaultsRoute = "/_emulator/faults";
    public const string RandomFaultsRoute = "/_emulator/faults/random";
    public const string ThrottlingRoute = "/_emulator/throttling";
    public const string ResetRoute = "/_emulator/reset";

    public static bool Handles(PathString path) => path.StartsWithSegments("/_emulator", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context) => (context.Request.Path.Value, context.Request.Method) switch
    {
        (StateRoute, "GET") => WriteStateAsync(context.Response),
        (FaultsRoute, "POST") => ApplyAsync(context, AdminJsonContext.Default.ScriptedFaultRequest, Script),
        (FaultsRoute, "DELETE") => Done(context, faults.Clear),
        (RandomFaultsRoute, "POST") => ApplyAsync(context, AdminJsonContext.Default.RandomFaultsRequest, Randomize),
        (ThrottlingRoute, "POST") => ApplyAsync(context, AdminJsonContext.Default.ThrottlingRequest, Throttle),
        (ThrottlingRoute, "DELETE") => Done(context, throttling.Disable),
        (ResetRoute, "POST") => Done(context, state.Reset),
        (StateRoute or FaultsRoute or RandomFaultsRoute or ThrottlingRoute or ResetRoute, _) => Answer(context, StatusCodes.Status405MethodNotAllowed),
        _ => Answer(context, StatusCodes.Status404NotFound),
    };

    private string? Script(ScriptedFaultRequest request)
    {
        if (request.Count < 1)
        {
            return "count must be at least 1.";
        }

        if (request.ToFault(out var problem) is not { } fault)
        {
            return problem;
        }

        faults.Next(fault, request.Count, request.Action, request.InstanceId);
        return null;
    }

    private string? Randomize(RandomFaultsRequest request)
    {
        if (request.Rate is not (>= 0 and <= 1))
        {
            return "rate must be between 0 and 1.";
        }

        var mix = new List<InjectedFault>();
        foreach (var name in request.Mix ?? [])
        {
            if (!InjectedFault.ByName.TryGetValue(name, out var fault))
            {
                return $"mix names {name}; the faults are {string.Join(", ", InjectedFault.ByName.Keys)}.";
            }

            mix.Add(fault);
        }

        faults.Random(request.Rate, request.Seed, request.Mix is null ? InjectedFault.Transient : mix, request.Key);
        return null;
    }

    private string? Throttle(ThrottlingRequest request)
    {
        if (request.Rate <= 0 || request.Burst < 1 || request.RetryAfterSeconds < 0)
        {
            return "rate must be above 0, burst at least 1, retryAfterSeconds not negative (DELETE the route to stop throttling).";
        }

        throttling.Enable(request.Rate, request.Burst, request.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
        return null;
    }

    private Task WriteStateAsync(HttpResponse response)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(state.Snapshot(), EmulatorJsonContext.Default.EmulatorSnapshot));
    }

    /// <summary>Reads the body as <typeparamref name="T"/> and applies it; <paramref name="apply"/> returns the problem, if any.</summary>
    private static async Task ApplyAsync<T>(HttpContext context, JsonTypeInfo<T> type, Func<T, string?> apply)
    {
        string? problem;
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false);
            problem = body is null ? "the body is null." : apply(body);
        }
        catch (JsonException exception)
        {
            problem = "the body is not this route's JSON: " + exception.Message;
        }

        if (problem is null)
        {
            await Answer(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new AdminError(problem), AdminJsonContext.Default.AdminError)).ConfigureAwait(false);
    }

    private static Task Done(HttpContext context, Action change)
    {
        change();
        return Answer(context, StatusCodes.Status204NoContent);
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
