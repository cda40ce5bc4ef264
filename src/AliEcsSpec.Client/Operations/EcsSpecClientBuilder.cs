using System.Diagnostics.Metrics;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Transport;

namespace AliEcsSpec.Client;

/// <summary>
/// The one composition root of the client: <see cref="EcsSpecClient.Create(EcsSpecClientOptions)"/> builds through
/// <see cref="Build"/>, and <c>AddEcsSpecClient</c> registers the same pieces (<see cref="DefaultCredentials"/>,
/// <see cref="Validator"/>, <see cref="Handlers"/>) with dependency injection. Tests set what the public overloads
/// keep fixed: their own retry budget, a fixed jitter, a meter factory, an environment.
/// </summary>
internal sealed class EcsSpecClientBuilder
{
    private readonly EcsSpecClientOptions _options;

    /// <param name="options">The settings; copied when the client is built.</param>
    public EcsSpecClientBuilder(EcsSpecClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The innermost handler; a socket handler with the client's settings by default.</summary>
    public HttpMessageHandler? PrimaryHandler { get; init; }

    public TimeProvider? TimeProvider { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Supplies credentials; the default chain over the options' AccessKey when not set.</summary>
    public ICredentialsProvider? CredentialsProvider { get; init; }

    public RetryBudget Budget { get; init; } = RetryBudget.Shared;

    /// <summary>The rate limiters the client shares with every other client of its key and endpoint.</summary>
    public RateLimiterRegistry RateLimiters { get; init; } = RateLimiterRegistry.Shared;

    /// <summary>A number in [0, 1) per back-off.</summary>
    public Func<double> Jitter { get; init; } = DefaultJitter;

    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>Where the default credentials chain reads its environment variables.</summary>
    public IEnvironmentVariables Environment { get; init; } = ProcessEnvironmentVariables.Instance;

    /// <summary>A client that owns its handlers and connections.</summary>
    /// <exception cref="ArgumentException">The options break a rule; the message lists each one.</exception>
    public EcsSpecClient Build()
    {
        var options = _options.Clone();
        var time = TimeProvider ?? System.TimeProvider.System;
        var logger = (LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Log.Category);
        var defaults = DefaultCredentials(() => options.ConfiguredKeys, new CredentialsContext(Environment, time, logger));
        Validator(CredentialsProvider ?? defaults).ThrowIfInvalid(options, "options");

        var telemetry = new EcsTelemetry(MeterFactory);
        var (retry, signing) = Handlers(options, CredentialsProvider ?? defaults, time, logger, new ClockOffsets(), Budget, RateLimiters, telemetry, Jitter);
        retry.InnerHandler = signing;
        signing.InnerHandler = PrimaryHandler ?? Transport.PrimaryHandler.Create();
        var httpClient = new HttpClient(retry, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new EcsSpecClient(() => httpClient, options, time, logger, telemetry, new Owned(httpClient, telemetry));
    }

    /// <summary>The jitter of every client outside the tests: a fresh number in [0, 1) per back-off.</summary>
    public static Func<double> DefaultJitter { get; } = Random.Shared.NextDouble;

    /// <summary>The credentials a client uses when none is given: the options' AccessKey, then the default chain.</summary>
    public static DefaultCredentialsProvider DefaultCredentials(Func<ConfiguredKeys> configured, CredentialsContext context) =>
        new(configured, context);

    /// <summary>
    /// The options rules. Credentials are checked only when the library's own provider is in use: a provider the
    /// application gives (an STS or RAM-role source, say) may find credentials the options do not show.
    /// </summary>
    public static EcsSpecClientOptionsValidator Validator(ICredentialsProvider credentials) =>
        new(credentials is DefaultCredentialsProvider defaults ? o => defaults.Explain(o.ConfiguredKeys) : null);

    /// <summary>
    /// The client's own handlers, outermost first: retries outside, so that each attempt is signed afresh inside them.
    /// The caller links them to each other and to the primary handler. Of the options they read
    /// <see cref="EcsSpecClientOptions.Retry"/>, <see cref="EcsSpecClientOptions.RateLimit"/> and
    /// <see cref="EcsSpecClientOptions.SignatureVersion"/>.
    /// </summary>
    public static (DelegatingHandler Retry, DelegatingHandler Signing) Handlers(
        EcsSpecClientOptions options,
        ICredentialsProvider credentials,
        TimeProvider time,
        ILogger logger,
        ClockOffsets clock,
        RetryBudget budget,
        RateLimiterRegistry rateLimiters,
        EcsTelemetry telemetry,
        Func<double> jitter)
    {
        var keys = SigningKeys.From(credentials);
        var pacer = new AttemptPacer(options.AccessKeyId, options.RateLimit, rateLimiters, keys, time, telemetry);
        return (new ClientTokenRetryHandler(options.Retry, time, logger, clock, budget, telemetry, jitter, pacer),
                new RpcSignatureHandler(keys, time, endpoint => clock.Get(endpoint, time), options.SignatureVersion));
    }

    /// <summary>What a client made by <see cref="Build"/> owns.</summary>
    private sealed class Owned(HttpClient httpClient, EcsTelemetry telemetry) : IDisposable
    {
        public void Dispose()
        {
            httpClient.Dispose();
            telemetry.Dispose();
        }
    }
}
