using System.Net;
using AliEcsSpec.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AliEcsSpec.Emulator;

/// <summary>
/// A local emulator of the ECS RPC endpoint for <c>ModifyPrepayInstanceSpec</c> and <c>ModifyInstanceSpec</c>, on
/// 127.0.0.1. It verifies signatures, applies the documented rules with their documented error codes, keeps
/// ClientTokens idempotent, and injects faults on demand.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await EcsEmulator.StartAsync();
/// var client = EcsSpecClient.Create(new EcsSpecClientOptions
/// {
///     Endpoint = emulator.Endpoint, AccessKeyId = emulator.AccessKeyId, AccessKeySecret = emulator.AccessKeySecret,
/// });
/// </code>
/// </example>
public sealed class EcsEmulator : IAsyncDisposable
{
    /// <summary>The admin route that shows the whole state as JSON when <see cref="EcsEmulatorOptions.EnableAdminRoutes"/> is on.</summary>
    public const string StateRoute = AdminEndpoint.StateRoute;

    private readonly WebApplication _app;

    private readonly MetadataServiceEndpoint _metadata;

    private EcsEmulator(WebApplication app, EmulatorState state, FaultInjector faults, EmulatorThrottling throttling, Uri endpoint, MetadataServiceEndpoint metadata)
    {
        _app = app;
        _metadata = metadata;
        State = state;
        Faults = faults;
        Throttling = throttling;
        Endpoint = endpoint;
    }

    /// <summary>Where the emulator listens, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The AccessKey ID of the demo account (the first account of the seed).</summary>
    public string AccessKeyId => State.FirstAccount.AccessKeyId;

    /// <summary>The AccessKey secret of the demo account (a local, worthless value).</summary>
    public string AccessKeySecret => State.FirstAccount.AccessKeySecret;

    /// <summary>Accounts, instances, orders, changes and the request log.</summary>
    public EmulatorState State { get; }

    /// <summary>
    /// The base URL of the ECS metadata service stand-in (the same host: <c>/latest/api/token</c>,
    /// <c>/latest/meta-data/ram/security-credentials/</c>), for a RAM-role credential provider under test.
    /// </summary>
    public Uri MetadataEndpoint => Endpoint;

    /// <summary>The requests the metadata stand-in answered, as <c>METHOD path (token|no token)</c>.</summary>
    public IReadOnlyList<string> MetadataRequests => [.. _metadata.Requests];

    /// <summary>Scripted and random faults.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Per-AccessKey throttling, as the options started it; change it or switch it off at any time.</summary>
    public EmulatorThrottling Throttling { get; }

    /// <summary>The services of the web host, for tests of the hosting.</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">How it behaves; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<EcsEmulator> StartAsync(EcsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EcsEmulatorOptions();
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 and 65535.");
        }

        var state = new EmulatorState(options.Seed, options.TimeProvider, options.ApplyDelay);
        var faults = new FaultInjector();
        var throttling = new EmulatorThrottling(options.TimeProvider);
        if (options.ThrottleRequestsPerSecond is { } rate)
        {
            throttling.Enable(rate, options.ThrottleBurst, options.ThrottleRetryAfter);
        }

        var rpc = new RpcEndpoint(state, faults, throttling, options);
        var metadata = new MetadataServiceEndpoint(state, options);
        var admin = options.EnableAdminRoutes ? new AdminEndpoint(state, faults, throttling) : null;
        var app = EmulatorHost.Build(options.Port);
        app.Run(context =>
        {
            if (context.Request.Path == "/")
            {
                return rpc.HandleAsync(context);
            }

            if (options.EnableMetadataService && MetadataServiceEndpoint.Handles(context.Request.Path))
            {
                return metadata.HandleAsync(context);
            }

            if (admin is not null && AdminEndpoint.Handles(context.Request.Path))
            {
                return admin.HandleAsync(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EcsEmulator(app, state, faults, throttling, new Uri(address.EndsWith('/') ? address : address + "/"), metadata);
    }

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
