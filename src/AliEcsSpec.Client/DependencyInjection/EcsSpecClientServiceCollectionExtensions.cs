using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using Microsoft.Extensions.Configuration;
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
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. They wrap the client's retry and signing
    /// handlers and see one request per logical call. Do not add a retry handler of your own: it would repeat calls
    /// the client has decided not to repeat.
    /// </returns>
    public static IHttpClientBuilder AddEcsSpecClient(this IServiceCollection services, Action<EcsSpecClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EcsSpecClientOptions>().Configure(configure);
        return EcsSpecClientRegistration.Add(services, Options.Options.DefaultName);
    }

    /// <summary>
    /// Registers <see cref="IEcsSpecClient"/> (a singleton), bound from a configuration section with the keys
    /// <c>RegionId</c>, <c>Endpoint</c>, <c>UseVpcEndpoint</c>, <c>AccessKeyId</c>, <c>AccessKeySecret</c>,
    /// <c>SecurityToken</c>, <c>AutoClientToken</c>, <c>MaxResponseBodyBytes</c>, <c>SignatureVersion</c> (<c>V2</c> or
    /// <c>V3</c>) and the <c>Retry</c> section. The options are validated when the host starts; a key the options do not
    /// have, or a section that does not exist, fails the start naming it.
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
        Bind(services, Options.Options.DefaultName, section);
        return EcsSpecClientRegistration.Add(services, Options.Options.DefaultName);
    }

    /// <summary>
    /// Registers a keyed <see cref="IEcsSpecClient"/> (a singleton, resolved with <c>[FromKeyedServices(name)]</c>), for an
    /// application that works with more than one account or region: its own named options, <see cref="HttpClient"/>
    /// (<c>AliEcsSpec.Client:{name}</c>) and credentials (a keyed <see cref="ICredentialsProvider"/> of that name if
    /// the application registers one, otherwise the default chain over these options' AccessKey). The unkeyed client
    /// is not affected. Registering the same name twice throws.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's key, for example <c>"beijing"</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of this client's <see cref="HttpClient"/>, to add handlers.</returns>
    public static IHttpClientBuilder AddEcsSpecClient(this IServiceCollection services, string name, Action<EcsSpecClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        EcsSpecClientRegistration.ClaimName(services, name);
        services.AddOptions<EcsSpecClientOptions>(name).Configure(configure);
        return EcsSpecClientRegistration.Add(services, name);
    }

    /// <summary>
    /// Registers a keyed <see cref="IEcsSpecClient"/> bound from a configuration section, as
    /// <see cref="AddEcsSpecClient(IServiceCollection, string, Action{EcsSpecClientOptions})"/> does in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's key.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("AliEcsSpec:Beijing")</c>.</param>
    /// <returns>The builder of this client's <see cref="HttpClient"/>, to add handlers.</returns>
    public static IHttpClientBuilder AddEcsSpecClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(section);
        EcsSpecClientRegistration.ClaimName(services, name);
        Bind(services, name, section);
        return EcsSpecClientRegistration.Add(services, name);
    }

    private static void Bind(IServiceCollection services, string name, IConfiguration section) =>
        services.AddOptions<EcsSpecClientOptions>(name)
            // A misspelt key (Retyr:MaxAttempts) would otherwise be ignored, leaving a default silently in force.
            .Bind(section, binder => binder.ErrorOnUnknownConfiguration = true)
            .Validate(_ => section is not IConfigurationSection named || named.Exists(), MissingSectionMessage(section));

    private static string MissingSectionMessage(IConfiguration section) =>
        $"The configuration section '{(section as IConfigurationSection)?.Path}' is missing or empty: nothing was bound to EcsSpecClientOptions. Check the section's name.";

}
