namespace AliEcsSpec.Client.Errors;

/// <summary>
/// Scrubs the secrets an attempt was signed with from text the service sent back, before that text reaches an
/// <see cref="EcsError"/>, a response, a log line or a trace. Implemented where the secrets are known (Diagnostics),
/// so that Errors depends on nothing.
/// </summary>
internal interface IRedactor
{
    /// <summary>Returns <paramref name="text"/> with every secret replaced by a mask.</summary>
    string Redact(string text);
}
