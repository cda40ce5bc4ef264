using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Runs the options rules at start-up: the same rules <see cref="EcsSpecClient.Create(EcsSpecClientOptions)"/> runs.
/// </summary>
internal sealed class EcsSpecClientStartupValidator(ICredentialsProvider credentials) : IValidateOptions<EcsSpecClientOptions>
{
    private readonly EcsSpecClientOptionsValidator _rules = EcsSpecClientBuilder.Validator(credentials);

    public ValidateOptionsResult Validate(string? name, EcsSpecClientOptions options) => _rules.Validate(name, options);
}
