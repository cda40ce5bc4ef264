using System.Text;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Tries credential sources in order and keeps the first that yields credentials. When none does, the error lists
/// every source tried and why each was skipped — never a secret.
/// </summary>
public sealed class CredentialsProviderChain : ICredentialsProvider
{
    // Each source is resolved (its files read, its variables looked at) only when the chain reaches it, once.
    private readonly IReadOnlyList<(string Name, Lazy<CredentialsResolution> Resolution)> _links;
    private ICredentialsProvider? _chosen;

    /// <summary>Creates a chain of providers, tried in the order given.</summary>
    /// <param name="providers">The providers.</param>
    public CredentialsProviderChain(params ICredentialsProvider[] providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Length == 0 || providers.Any(p => p is null))
        {
            throw new ArgumentException("A chain needs at least one provider and no null entries.", nameof(providers));
        }

        // Named by type: a provider's own ToString() (a record's, say) might print its secret.
        _links = [.. providers.Select(p => (p.GetType().Name, new Lazy<CredentialsResolution>(CredentialsResolution.Found(p))))];
    }

    /// <param name="sources">Named sources, resolved (files read, environment looked at) on first use.</param>
    internal CredentialsProviderChain(IReadOnlyList<(string Name, Func<CredentialsResolution> Resolve)> sources) =>
        _links = [.. sources.Select(s => (s.Name, new Lazy<CredentialsResolution>(() => Safely(s.Resolve))))];

    /// <inheritdoc />
    public async ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _chosen) is { } chosen)
        {
            // Once a source has answered it is the one: its own cache refreshes it.
            return await chosen.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }

        var tried = new StringBuilder();
        foreach (var (name, lazy) in _links)
        {
            var resolution = lazy.Value;
            if (resolution.Provider is not { } provider)
            {
                Append(tried, name, resolution.Reason);
                continue;
            }

            try
            {
                var credentials = await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _chosen, provider);
                return credentials;
            }
            catch (EcsCredentialsException exception)
            {
                Append(tried, name, exception.Message);
            }
        }

        throw new EcsCredentialsException($"No Alibaba Cloud credentials were found. Tried: {tried}. Set one of them, or register an ICredentialsProvider.");
    }

    /// <summary>Without any network call: whether some source is configured, or why none is.</summary>
    internal bool IsConfigured(out string reason)
    {
        var tried = new StringBuilder();
        foreach (var (name, lazy) in _links)
        {
            var resolution = lazy.Value;
            if (resolution.Provider is not null)
            {
                reason = string.Empty;
                return true;
            }

            Append(tried, name, resolution.Reason);
        }

        reason = $"No Alibaba Cloud credentials were found. Tried: {tried}. Set one of them, or register an ICredentialsProvider.";
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => "CredentialsProviderChain";

    /// <summary>A source whose input is broken (a bad region, an unreadable file) is skipped with the reason.</summary>
    private static CredentialsResolution Safely(Func<CredentialsResolution> resolve)
    {
        try
        {
            return resolve();
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            return CredentialsResolution.Skipped($"its settings are not usable ({exception.GetType().Name}: {exception.Message})");
        }
    }

    private static void Append(StringBuilder tried, string name, string reason) =>
        tried.Append(tried.Length == 0 ? string.Empty : "; ").Append(name).Append(" (").Append(reason.TrimEnd('.')).Append(')');
}
