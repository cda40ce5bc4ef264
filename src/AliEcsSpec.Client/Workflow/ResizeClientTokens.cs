using System.Security.Cryptography;
using System.Text;

namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// The ClientToken of a step, worked out from the plan: the same plan token, instance, target type and step always
/// give the same token, on any machine and after any crash, so a repeated change is a replay the service recognises,
/// never a second order. A different instance or target gives a different token, so one plan token may cover a fleet.
/// </summary>
internal static class ResizeClientTokens
{
    private const string Prefix = "rsz-";

    /// <summary>"rsz-" and 56 hex digits of SHA-256 over the parts: 60 printable ASCII characters.</summary>
    public static string For(string planToken, string instanceId, string instanceType, ResizeStepKind step)
    {
        var input = string.Join('\n', "AliEcsSpec.Client resize v1", planToken, instanceId, instanceType, step.ToString());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Prefix + Convert.ToHexString(hash.AsSpan(0, 28));
    }
}
