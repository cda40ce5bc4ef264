namespace AliEcsSpec.Emulator;

/// <summary>Principals and the STS sessions the emulator issued.</summary>
public sealed partial class EmulatorState
{
    /// <summary>Every STS session issued (AssumeRole, AssumeRoleWithOIDC, the metadata service), including expired ones.</summary>
    public IReadOnlyList<StsSession> StsSessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _stsSessions.Values];
            }
        }
    }

    /// <summary>Who an AccessKey ID signs for: an account's own key, or an STS session acting for an account.</summary>
    internal Principal? PrincipalOf(string accessKeyId)
    {
        lock (_gate)
        {
            if (_accounts.TryGetValue(accessKeyId, out var account))
            {
                return new Principal(account.AccessKeySecret, account.AccessKeyId, null, null);
            }

            return _stsSessions.TryGetValue(accessKeyId, out var session)
                ? new Principal(session.AccessKeySecret, session.AccountAccessKeyId, session.SecurityToken, session.Expiration)
                : null;
        }
    }

    internal EmulatorRole? Role(string roleArn)
    {
        lock (_gate)
        {
            return _roles.GetValueOrDefault(roleArn);
        }
    }

    /// <summary>The ARN of the seed's role called <paramref name="roleName"/> (<c>acs:ram::…:role/{name}</c>), if any.</summary>
    internal string? RoleArnNamed(string roleName)
    {
        lock (_gate)
        {
            return _roles.Keys.FirstOrDefault(arn => arn.EndsWith(":role/" + roleName, StringComparison.Ordinal));
        }
    }

    internal bool IsOidcProvider(string arn)
    {
        lock (_gate)
        {
            return _oidcProviders.Contains(arn);
        }
    }

    /// <summary>Issues temporary credentials acting for <paramref name="accountAccessKeyId"/>'s account.</summary>
    internal StsSession IssueSession(string accountAccessKeyId, string roleArn, TimeSpan lifetime)
    {
        var session = new StsSession(
            "STS." + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            "CAIS" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            accountAccessKeyId,
            roleArn,
            _time.GetUtcNow() + lifetime);
        lock (_gate)
        {
            _stsSessions[session.AccessKeyId] = session;
        }

        return session;
    }
}

/// <summary>Who a request is signed by.</summary>
/// <param name="Secret">The secret the signature must use.</param>
/// <param name="AccountAccessKeyId">The account it acts for.</param>
/// <param name="SecurityToken">The STS token the request must carry, for temporary credentials.</param>
/// <param name="Expiration">When temporary credentials stop working.</param>
internal sealed record Principal(string Secret, string AccountAccessKeyId, string? SecurityToken, DateTimeOffset? Expiration);

/// <summary>Temporary credentials the emulator issued.</summary>
/// <param name="AccessKeyId">The temporary AccessKey ID (<c>STS.…</c>).</param>
/// <param name="AccessKeySecret">The temporary secret.</param>
/// <param name="SecurityToken">The security token requests must carry.</param>
/// <param name="AccountAccessKeyId">The account the session acts for.</param>
/// <param name="RoleArn">The role assumed.</param>
/// <param name="Expiration">When it expires.</param>
public sealed record StsSession(
    string AccessKeyId, string AccessKeySecret, string SecurityToken, string AccountAccessKeyId, string RoleArn, DateTimeOffset Expiration)
{
    /// <inheritdoc />
    public override string ToString() => $"StsSession {{ AccessKeyId = {AccessKeyId}, RoleArn = {RoleArn}, Expiration = {Expiration:O} }}";
}
