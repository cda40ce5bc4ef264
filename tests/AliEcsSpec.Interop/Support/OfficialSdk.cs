using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace AliEcsSpec.Interop.Support;

/// <summary>The official Node.js SDKs (pinned in <c>node/package-lock.json</c>), one call per process.</summary>
internal static class OfficialSdk
{
    public const string PopCore = "pop-core";

    public const string Ecs = "ecs";

    public const string OpenApi = "openapi";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string Folder = typeof(OfficialSdk).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "InteropNodeFolder").Value!;

    /// <summary>Runs <c>node run-case.js</c>: <paramref name="sdk"/> calls <paramref name="action"/> on the emulator.</summary>
    /// <param name="sdk">One of the constants here.</param>
    /// <param name="variant"><c>v2-get</c> or <c>v2-form</c> for pop-core, <c>v2</c> or <c>v3</c> for the others.</param>
    /// <param name="action">The API action.</param>
    /// <param name="endpoint">The emulator.</param>
    /// <param name="keys">What the SDK signs with.</param>
    /// <param name="parameters">Wire names to values; numbers stay numbers for the SDKs' typed models.</param>
    public static async Task<SdkOutcome> CallAsync(
        string sdk, string variant, string action, Uri endpoint, Keys keys, IReadOnlyDictionary<string, object> parameters)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run-case.js", sdk, variant, action })
        {
            start.ArgumentList.Add(argument);
        }

        // The SDKs also read credentials of their own from the environment; none of the machine's may reach them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ALIBABA_CLOUD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["INTEROP_ENDPOINT"] = endpoint.ToString();
        start.Environment["INTEROP_ACCESS_KEY_ID"] = keys.AccessKeyId;
        start.Environment["INTEROP_ACCESS_KEY_SECRET"] = keys.AccessKeySecret;
        start.Environment["INTEROP_SECURITY_TOKEN"] = keys.SecurityToken ?? string.Empty;
        start.Environment["INTEROP_PARAMS"] = JsonSerializer.Serialize(parameters, Json);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node run-case.js {sdk} {variant} {action} ran past {Limit.TotalSeconds} s: {await errors}");
        }

        var outcome = LastLine(await output);
        if (process.ExitCode != 0 || outcome is null || outcome.Crash is not null)
        {
            throw new InvalidOperationException(
                $"node run-case.js {sdk} {variant} {action} failed (exit {process.ExitCode}): {outcome?.Crash ?? await output}\n{await errors}");
        }

        return outcome;
    }

    /// <summary>The outcome on the last line; null when there is none (a crash before the script could print one).</summary>
    private static SdkOutcome? LastLine(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return lines.Length == 0 ? null : JsonSerializer.Deserialize<SdkOutcome>(lines[^1], Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What an SDK signs with: an AccessKey, or STS credentials with their token.</summary>
internal sealed record Keys(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null);
