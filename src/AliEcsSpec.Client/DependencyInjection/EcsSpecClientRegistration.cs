using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Diagnostics;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Transport;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What one <c>AddEcsSpecClient</c> registers for a name: the unkeyed client for <see cref="Options.Options.DefaultName"/>,
/// a keyed one otherwise. Both are built from the same pieces <see cref="EcsSpecClientBuilder"/> builds for
/// <see cref="EcsSpecClient.Create(EcsSpecClientOptions)"/>.
/// </summary>
internal static class EcsSpecClientRegistration
{
    /// <summary>The <see cref="HttpClient"/> a client of this name sends through.</summary>
    public static string HttpClientNameOf(string name) =>
        name == Options.Options.DefaultName
            ? EcsSpecClientServiceCollectionExtensions.HttpClientName
            : $"{EcsSpecClientServiceCollectionExtensions.HttpClientName}:{name}";

    /// <summary>Fails the second registration of a keyed client's name, whose options would silently merge.</summary>
    public static void ClaimName(IServiceCollection services, string name)
    {
        if (services.Any(d => d.ServiceType == typeof(RegisteredName) && d.ImplementationInstance is RegisteredName { Name: var taken } && taken == name))
        {
            throw new InvalidOperationException(
                $"An ECS client named '{name}' is already registered: give each AddEcsSpecClient(name, …) call its own name.");
        }

        services.AddSingleton(new RegisteredName(name));
    }

    public static IHttpClientBuilder Add(IServiceCollection services, string name)
    {
        var keyed = name != Options.Options.DefaultName;
        services.AddOptions<EcsSpecClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<EcsSpecClientOptions>, EcsSpecClientStartupValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEnvironmentVariables>(ProcessEnvironmentVariables.Instance);
        services.TryAddSingleton(sp => new CredentialsContext(
            sp.GetRequiredService<IEnvironmentVariables>(),
            sp.GetRequiredService<TimeProvider>(),
            ClientLogger(sp)));
        services.TryAddSingleton(RetryBudget.Shared);
        services.TryAddSingleton(RateLimiterRegistry.Shared);
        services.TryAddSingleton<ClockOffsets>();
        services.TryAddSingleton(sp => new EcsTelemetry(sp.GetService<IMeterFactory>()));
        if (keyed)
        {
            services.TryAddKeyedSingleton<ICredentialsProvider>(name, (sp, _) => DefaultCredentials(sp, name));
            services.TryAddKeyedSingleton<IEcsSpecClient>(name, (sp, _) => Client(sp, name));
        }
        else
        {
            services.TryAddSingleton<ICredentialsProvider>(sp => DefaultCredentials(sp, name));
            services.TryAddSingleton<IEcsSpecClient>(sp => Client(sp, name));
        }

        var httpClientName = HttpClientNameOf(name);
        var builder = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)
            // The client logs every attempt itself (operation, status, code, RequestId, ClientToken). The factory's
            // default request logging would add two more lines and two handler layers per call, saying less; an
            // application that wants it back calls AddDefaultLogger() on the returned builder.
            .RemoveAllLoggers();
        if (!services.Any(d => d.ServiceType == typeof(SigningRegistered) && d.ImplementationInstance is SigningRegistered { Name: var done } && done == name))
        {
            // The retry handler and then signing must be the innermost handlers, so that every attempt the retry
            // handler makes is signed afresh with a new nonce and timestamp, and so that handlers the application adds
            // to the returned builder see one logical call. PostConfigure runs after every handler added through the
            // builder, whatever the order of calls.
            services.AddSingleton(new SigningRegistered(name));
            services.PostConfigure<HttpClientFactoryOptions>(httpClientName, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers =>
                {
                    var sp = handlers.Services;
                    var (retry, signing) = EcsSpecClientBuilder.Handlers(
                        OptionsOf(sp, name),
                        CredentialsOf(sp, name)!,
                        sp.GetRequiredService<TimeProvider>(),
                        ClientLogger(sp),
                        sp.GetRequiredService<ClockOffsets>(),
                        sp.GetRequiredService<RetryBudget>(),
                        sp.GetRequiredService<RateLimiterRegistry>(),
                        sp.GetRequiredService<EcsTelemetry>(),
                        EcsSpecClientBuilder.DefaultJitter);
                    handlers.AdditionalHandlers.Add(retry);
                    handlers.AdditionalHandlers.Add(signing);
                }));
        }

        return builder;
    }

    /// <summary>The credentials of the client of this name, or null when no client of that name is registered.</summary>
    public static ICredentialsProvider? CredentialsOf(IServiceProvider services, string? name) =>
        string.IsNullOrEmpty(name)
            ? services.GetService<ICredentialsProvider>()
            : services.GetKeyedService<ICredentialsProvider>(name);

    private static EcsSpecClientOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<EcsSpecClientOptions>>().Get(name);

    private static DefaultCredentialsProvider DefaultCredentials(IServiceProvider services, string name) =>
        EcsSpecClientBuilder.DefaultCredentials(() => OptionsOf(services, name).ConfiguredKeys, services.GetRequiredService<CredentialsContext>());

    private static EcsSpecClient Client(IServiceProvider services, string name)
    {
        // A client from the factory per call: its handlers are pooled and renewed by the factory, so a long-lived
        // singleton still follows DNS changes and HandlerLifetime.
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var httpClientName = HttpClientNameOf(name);
        return new EcsSpecClient(
            () => factory.CreateClient(httpClientName),
            OptionsOf(services, name),
            services.GetRequiredService<TimeProvider>(),
            ClientLogger(services),
            services.GetRequiredService<EcsTelemetry>(),
            owned: null);
    }

    private static ILogger ClientLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(Log.Category) ?? Logging.Abstractions.NullLogger.Instance;

    /// <summary>Marks a keyed client's name as taken.</summary>
    private sealed record RegisteredName(string Name);

    /// <summary>Marks that the handlers of this name's HttpClient are registered, so that a second call adds no more.</summary>
    private sealed record SigningRegistered(string Name);
}
