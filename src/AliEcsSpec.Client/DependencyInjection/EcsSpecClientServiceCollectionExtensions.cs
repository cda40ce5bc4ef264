using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Transport;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IEcsSpecClient"/> with dependency injection.</summary>
public static class EcsSpecClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the ECS client sends through.</summary>
    public const string HttpClientName = "AliEcsSpec.Client";

    /// <summary>
    /// Registers <see cref="IEcsSpecClient"/> (a singleton), configured in code. The options are validated when the
    /// host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>o =&gt; o.RegionId = "cn-hangzhou"</c>.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. They wrap the client's retry and signing
    /// handlers and see one request per logical call. Do not add a retry handler of your own: it would repeat calls
    /// the client has decided not to repeat.
    /// </returns>
    public static IHttpClientBuilder AddEcsSpecClient(this IServiceCollection services, Action<EcsSpecClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EcsSpecClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="IEcsSpecClient"/> (a singleton), bound from a configuration section with the keys
    /// <c>RegionId</c>, <c>Endpoint</c>, <c>UseVpcEndpoint</c>, <c>AccessKeyId</c>, <c>AccessKeySecret</c>,
    /// <c>SecurityToken</c>, <c>AutoClientToken</c>, <c>MaxResponseBodyBytes</c>, <c>SignatureVersion</c> (<c>V2</c> or
    /// <c>V3</c>) and the <c>Retry</c> section. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("AliEcsSpec")</c>.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. They wrap the client's retry and signing
    /// handlers and see one request per logical call. Do not add a retry handler of your own: it would repeat calls
    /// the client has decided not to repeat.
    /// </returns>
    public static IHttpClientBuilder AddEcsSpecClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<EcsSpecClientOptions>().Bind(section);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<EcsSpecClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<EcsSpecClientOptions>, EcsSpecClientStartupValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEnvironmentVariables>(ProcessEnvironmentVariables.Instance);
        services.TryAddSingleton(sp => new CredentialsContext(
            sp.GetRequiredService<IEnvironmentVariables>(),
            sp.GetRequiredService<TimeProvider>(),
            ClientLogger(sp)));
        services.TryAddSingleton<ICredentialsProvider>(sp => EcsSpecClientBuilder.DefaultCredentials(
            () => sp.GetRequiredService<IOptions<EcsSpecClientOptions>>().Value.ConfiguredKeys,
            sp.GetRequiredService<CredentialsContext>()));
        services.TryAddSingleton(RetryBudget.Shared);
        services.TryAddSingleton<ClockOffsets>();
        services.TryAddSingleton(sp => new EcsTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IEcsSpecClient>(sp =>
        {
            // A client from the factory per call: its handlers are pooled and renewed by the factory, so a
            // long-lived singleton still follows DNS changes and HandlerLifetime.
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new EcsSpecClient(
                () => factory.CreateClient(HttpClientName),
                sp.GetRequiredService<IOptions<EcsSpecClientOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                ClientLogger(sp),
                sp.GetRequiredService<EcsTelemetry>(),
                owned: null);
        });

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)
            // The client logs every attempt itself (operation, status, code, RequestId, ClientToken). The factory's
            // default request logging would add two more lines and two handler layers per call, saying less; an
            // application that wants it back calls AddDefaultLogger() on the returned builder.
            .RemoveAllLoggers();
        if (!services.Any(d => d.ServiceType == typeof(SigningRegistered)))
        {
            // The retry handler and then signing must be the innermost handlers, so that every attempt the retry
            // handler makes is signed afresh with a new nonce and timestamp, and so that handlers the application adds
            // to the returned builder see one logical call. PostConfigure runs after every handler added through the
            // builder, whatever the order of calls.
            services.AddSingleton<SigningRegistered>();
            services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers =>
                {
                    var sp = handlers.Services;
                    var (retry, signing) = EcsSpecClientBuilder.Handlers(
                        sp.GetRequiredService<IOptions<EcsSpecClientOptions>>().Value,
                        sp.GetRequiredService<ICredentialsProvider>(),
                        sp.GetRequiredService<TimeProvider>(),
                        ClientLogger(sp),
                        sp.GetRequiredService<ClockOffsets>(),
                        sp.GetRequiredService<RetryBudget>(),
                        sp.GetRequiredService<EcsTelemetry>(),
                        EcsSpecClientBuilder.DefaultJitter);
                    handlers.AdditionalHandlers.Add(retry);
                    handlers.AdditionalHandlers.Add(signing);
                }));
        }

        return builder;
    }

    private static ILogger ClientLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(Log.Category) ?? Logging.Abstractions.NullLogger.Instance;
}

/// <summary>Marks that the signing handler is registered, so that a second AddEcsSpecClient call does not add another.</summary>
internal sealed class SigningRegistered;
