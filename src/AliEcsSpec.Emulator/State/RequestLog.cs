namespace AliEcsSpec.Emulator;

/// <summary>
/// Every request the emulator received, oldest first. The log is read by tests, printed by tools and served by the
/// admin route, which may be open to a whole machine: tokens are masked when a request is recorded, so no view of the
/// log (the state's <see cref="EmulatorState.RequestLog"/>, the admin snapshot) can show one.
/// </summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RequestLogEntry> _entries = [];

    /// <summary>A copy of the entries, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Adds <paramref name="entry"/> with its security (V2 parameter, V3 header) and OIDC tokens shown as <c>***</c>.</summary>
    public void Record(RequestLogEntry entry)
    {
        var masked = entry with { Parameters = Masked(entry.Parameters) };
        lock (_gate)
        {
            _entries.Add(masked);
        }
    }

    /// <summary>Forgets every entry (a reset of the emulator's state).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private static Dictionary<string, string> Masked(IReadOnlyDictionary<string, string> parameters) =>
        parameters.ToDictionary(
            p => p.Key,
            p => p.Key is "SecurityToken" or "OIDCToken" or "x-acs-security-token" ? "***" : p.Value,
            StringComparer.Ordinal);
}

/// <summary>One request the emulator received, with its outcome.</summary>
/// <param name="At">When it arrived.</param>
/// <param name="HttpMethod">GET or POST.</param>
/// <param name="Action">The action, if given.</param>
/// <param name="AccessKeyId">The AccessKey ID, if given.</param>
/// <param name="ClientToken">The ClientToken, if given.</param>
/// <param name="SignatureNonce">The nonce, if given.</param>
/// <param name="Status">The HTTP status answered (0 when the connection was closed instead).</param>
/// <param name="Code">The error code answered, if any.</param>
/// <param name="RequestId">The request ID answered.</param>
/// <param name="Fault">The injected fault, if any.</param>
/// <param name="Parameters">Every parameter except <c>Signature</c>; for a V3 request also its <c>x-acs-*</c> headers.</param>
public sealed record RequestLogEntry(
    DateTimeOffset At, string HttpMethod, string? Action, string? AccessKeyId, string? ClientToken, string? SignatureNonce,
    int Status, string? Code, string RequestId, string? Fault, IReadOnlyDictionary<string, string> Parameters);
