namespace AliEcsSpec.Emulator.Rules;

/// <summary>ClientToken idempotency, shared by both operations.</summary>
internal static class Idempotency
{
    private static readonly HashSet<string> NotFingerprinted = new(StringComparer.Ordinal)
    {
        "AccessKeyId", "Format", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature",
        "SecurityToken", "ClientToken",
    };

    /// <summary>ClientToken checks (000-004: ASCII only, at most 64 characters): an invalid token, a replay with the same parameters, or a mismatch.</summary>
    public static RpcOutcome? Check(EmulatorState.Transaction tx, string accessKeyId, string action, IReadOnlyDictionary<string, string> p)
    {
        // An empty ClientToken parameter is no token (no document says; see the emulator README's inferences).
        if (Parameters.ClientToken(p) is not { } token)
        {
            return null;
        }

        if (!Parameters.IsValidClientToken(token))
        {
            return new ServiceError(400, "InvalidClientToken.ValueNotSupported", "The ClientToken provided is invalid.");
        }

        if (tx.Replay(accessKeyId, action, token) is not { } previous)
        {
            return null;
        }

        return previous.Fingerprint == Fingerprint(p)
            ? new RpcOutcome(null, previous.OrderId)
            : new ServiceError(400, "IdempotenceParamNotMatch", action == EcsActions.ModifyInstanceSpec
                ? "There is a idempotence signature mismatch between this and last request."
                : "Request uses a client token in a previous request but is not identical to that request.");
    }

    public static void Remember(EmulatorState.Transaction tx, string accessKeyId, string action, IReadOnlyDictionary<string, string> p, string? orderId)
    {
        if (Parameters.ClientToken(p) is { } token)
        {
            tx.Remember(accessKeyId, action, token, new IdempotentResult(Fingerprint(p), orderId));
        }
    }

    private static string Fingerprint(IReadOnlyDictionary<string, string> p) =>
        string.Join('\n', p.Where(kv => !NotFingerprinted.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
}
