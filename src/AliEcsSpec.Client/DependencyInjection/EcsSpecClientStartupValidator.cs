using AliEcsSpec.Client;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Runs the options rules at start-up, for the unkeyed client and each keyed one: the same rules
/// <see cref="EcsSpecClient.Create(EcsSpecClientOptions)"/> runs, with the credentials of the client of that name.
/// </summary>
internal sealed class EcsSpecClientStartupValidator(IServiceProvider services) : IValidateOptions<EcsSpecClientOptions>
{
    public ValidateOptionsResult Validate(string? name, EcsSpecClientOptions options) =>
        EcsSpecClientRegistration.CredentialsOf(services, name) is { } credentials
            ? EcsSpecClientBuilder.Validator(credentials).Validate(name, options)
            : new EcsSpecClientOptionsValidator().Validate(name, options);
}
