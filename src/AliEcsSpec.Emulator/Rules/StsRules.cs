using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// STS (API 2015-04-01) as far as the credential providers need it: <c>AssumeRole</c> (signed by the account that
/// owns the role) and <c>AssumeRoleWithOIDC</c> (anonymous, proven by an OIDC token). Both issue short-lived
/// credentials that the ECS actions then accept with their <c>SecurityToken</c>.
/// </summary>
internal sealed class StsRules(EmulatorState state)
{
    public const string Version = "2015-04-01";

    public const string AssumeRole = nameof(AssumeRole);

    public const string AssumeRoleWithOidc = "AssumeRoleWithOIDC";

    private const int MinDuration = 900;
    private const int MaxDuration = 43_200;

    public RpcOutcome Assume(string action, string? callerAccount, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("RoleArn", out var roleArn) || roleArn.Length == 0)
        {
            return ServiceError.MissingParameter("RoleArn");
        }

        var duration = 3600;
        if (p.TryGetValue("DurationSeconds", out var durationText)
            && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration is < MinDuration or > MaxDuration))
        {
            return new ServiceError(400, "InvalidParameter.DurationSeconds", $"The parameter DurationSeconds must be between {MinDuration} and {MaxDuration}.");
        }

        if (action == AssumeRoleWithOidc)
        {
            if (!p.TryGetValue("OIDCProviderArn", out var providerArn) || !state.IsOidcProvider(providerArn))
            {
                return new ServiceError(404, "EntityNotExist.OIDCProvider", "The specified OIDC provider does not exist.");
            }

            if (!p.TryGetValue("OIDCToken", out var token) || token.Length == 0)
            {
                return new ServiceError(400, "InvalidParameter.OIDCToken", "The parameter OIDCToken is invalid.");
            }
        }

        if (state.Role(roleArn) is not { } role)
        {
            return new ServiceError(404, "EntityNotExist.Role", "The specified Role not exists.");
        }

        if (action == AssumeRole && role.AccessKeyId != callerAccount)
        {
            return new ServiceError(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.");
        }

        return new RpcOutcome(null) { Session = state.IssueSession(role.AccessKeyId, role.RoleArn, TimeSpan.FromSeconds(duration)) };
    }
}
