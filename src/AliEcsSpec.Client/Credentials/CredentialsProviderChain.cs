using System.Text;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Tries credential sources in order and keeps the first that yields credentials. When none does, the error lists
/// every source tried and why each was skipped — never a secret.
/// </summary>
public sealed class CredentialsProviderChain : ICredentialsProvider
{
    private readonly Lazy<IReadOnlyList<(string Name, CredentialsResolution Resolution)>> _links;
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

        _links = new(() => [.. providers.Select(p => (p.ToString() ?? p.GetType().Name, CredentialsResolution.Found(p)))]);
    }

    /// <param name="sources">Named sources, resolved (files read, environment looked at) on first use.</param>
    internal CredentialsProviderChain(IReadOnlyList<(string Name, Func<CredentialsResolution> Resolve)> sources) =>
        _links = new(() => [.. sources.Select(s => (s.Name, s.Resolve()))]);

    /// <inheritdoc />
    public async ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _chosen) is { } chosen)
        {
            // Once a source has answered it is the one: its own cache refreshes it.
            return await chosen.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }

        var tried = new StringBuilder();
        foreach (var (name, resolution) in _links.Value)
        {
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
        foreach (var (name, resolution) in _links.Value)
        {
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

    private static void Append(StringBuilder tried, string name, string reason) =>
        tried.Append(tried.Length == 0 ? string.Empty : "; ").Append(name).Append(" (").Append(reason.TrimEnd('.')).Append(')');
}
