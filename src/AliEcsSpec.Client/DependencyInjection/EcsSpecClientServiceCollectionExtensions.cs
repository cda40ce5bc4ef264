using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. They wrap the signing handler, so each
    /// attempt they make is signed afresh.
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
    /// <c>SecurityToken</c> and <c>Timeout</c>. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("AliEcsSpec")</c>.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. They wrap the signing handler, so each
    /// attempt they make is signed afresh.
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
        services.TryAddSingleton<ICredentialsProvider>(sp => new DefaultCredentialsProvider(
            () => sp.GetRequiredService<IOptions<EcsSpecClientOptions>>().Value.ConfiguredKeys,
            sp.GetRequiredService<CredentialsContext>()));
        services.TryAddSingleton<IEcsSpecClient>(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new EcsSpecClient(
                () => factory.CreateClient(HttpClientName),
                sp.GetRequiredService<IOptions<EcsSpecClientOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                ClientLogger(sp),
                owned: null);
        });

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create);
        if (!services.Any(d => d.ServiceType == typeof(SigningRegistered)))
        {
            // Signing must be the innermost handler, so that anything wrapping it (a retry or hedging handler the
            // application adds to the returned builder) re-signs every attempt with a fresh nonce and timestamp.
            // PostConfigure runs after every handler added through the builder, whatever the order of calls.
            services.AddSingleton<SigningRegistered>();
            services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new RpcSignatureHandler(
                    handlers.Services.GetRequiredService<ICredentialsProvider>(),
                    handlers.Services.GetRequiredService<TimeProvider>()))));
        }

        return builder;
    }

    private static ILogger ClientLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(Log.Category) ?? Logging.Abstractions.NullLogger.Instance;
}

/// <summary>Marks that the signing handler is registered, so that a second AddEcsSpecClient call does not add another.</summary>
internal sealed class SigningRegistered;
