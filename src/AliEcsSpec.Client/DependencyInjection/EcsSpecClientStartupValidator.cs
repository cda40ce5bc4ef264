using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Runs the options rules at start-up. Credentials are checked only when the library's own provider is in use: a
/// registered provider (an STS or RAM-role source, say) may find credentials the options do not show.
/// </summary>
internal sealed class EcsSpecClientStartupValidator(ICredentialsProvider credentials) : IValidateOptions<EcsSpecClientOptions>
{
    private readonly EcsSpecClientOptionsValidator _rules = new(credentials is DefaultCredentialsProvider defaults
        ? o => defaults.Explain(o.ConfiguredKeys)
        : null);

    public ValidateOptionsResult Validate(string? name, EcsSpecClientOptions options) => _rules.Validate(name, options);
}
