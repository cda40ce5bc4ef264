namespace AliEcsSpec.Emulator.Rules;

/// <summary>ClientToken idempotency, shared by both operations.</summary>
internal static class Idempotency
{
    private static readonly HashSet<string> NotFingerprinted = new(StringComparer.Ordinal)
    {
        "AccessKeyId", "Format", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature",
        "SecurityToken", "ClientToken",
    };

    /// <summary>ClientToken checks: an invalid token, a replay with the same parameters, or a mismatch.</summary>
    public static RpcOutcome? Check(EmulatorState.Transaction tx, string accessKeyId, string action, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("ClientToken", out var token))
        {
            return null;
        }

        if (token.Length is 0 or > 64 || token.Any(c => c is < (char)0x20 or > (char)0x7E))
        {
            return new EcsFault(400, "InvalidClientToken.ValueNotSupported", "The ClientToken provided is invalid.");
        }

        if (tx.Replay(accessKeyId, action, token) is not { } previous)
        {
            return null;
        }

        return previous.Fingerprint == Fingerprint(p)
            ? new RpcOutcome(null, previous.OrderId)
            : new EcsFault(400, "IdempotenceParamNotMatch", action == EcsActions.ModifyInstanceSpec
                ? "There is a idempotence signature mismatch between this and last request."
                : "Request uses a client token in a previous request but is not identical to that request.");
    }

    public static void Remember(EmulatorState.Transaction tx, string accessKeyId, string action, IReadOnlyDictionary<string, string> p, string? orderId)
    {
        if (p.TryGetValue("ClientToken", out var token))
        {
            tx.Remember(accessKeyId, action, token, new IdempotentResult(Fingerprint(p), orderId));
        }
    }

    private static string Fingerprint(IReadOnlyDictionary<string, string> p) =>
        string.Join('\n', p.Where(kv => !NotFingerprinted.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
}
