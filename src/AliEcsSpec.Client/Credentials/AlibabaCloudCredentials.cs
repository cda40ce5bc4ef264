namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// An AccessKey pair, optionally with an STS security token and its expiry. <see cref="ToString"/> never shows the
/// secret or the token.
/// </summary>
public sealed class AlibabaCloudCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <param name="securityToken">The STS security token of temporary credentials, if any.</param>
    /// <param name="expiration">When temporary credentials expire, if they do.</param>
    /// <exception cref="ArgumentException">The ID or the secret is missing or blank, or the token is blank.</exception>
    public AlibabaCloudCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null, DateTimeOffset? expiration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        if (string.IsNullOrWhiteSpace(accessKeySecret))
        {
            // Not ThrowIfNullOrWhiteSpace: its message would quote the argument expression, never the value, but
            // an explicit message keeps the rule obvious.
            throw new ArgumentException("The AccessKey secret must not be empty or white space.", nameof(accessKeySecret));
        }

        if (securityToken is not null && string.IsNullOrWhiteSpace(securityToken))
        {
            throw new ArgumentException("The security token, when given, must not be empty or white space.", nameof(securityToken));
        }

        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = securityToken;
        Expiration = expiration;
    }

    /// <summary>The AccessKey ID (not secret: it is sent with every request).</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret, used only to compute signatures.</summary>
    public string AccessKeySecret { get; }

    /// <summary>The STS security token of temporary credentials, if any.</summary>
    public string? SecurityToken { get; }

    /// <summary>When temporary credentials expire; <see langword="null"/> for long-term AccessKeys.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>What the signer needs of these credentials.</summary>
    internal Signing.SigningKey ToSigningKey() => new(AccessKeyId, AccessKeySecret, SecurityToken);

    /// <inheritdoc />
    public override string ToString() =>
        $"AlibabaCloudCredentials {{ AccessKeyId = {AccessKeyId}, AccessKeySecret = ***, SecurityToken = {(SecurityToken is null ? "(none)" : "***")}, Expiration = {Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} }}";
}
