using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Diagnostics;

/// <summary>
/// The secret values one attempt used (AccessKeySecret, SecurityToken, Signature), so that anything the service
/// echoes back (a <c>SignatureDoesNotMatch</c> message quotes the server's string to sign, which
/// contains the security token) is scrubbed before it reaches a message, a log line or <c>ToString()</c>.
/// </summary>
/// <remarks>
/// Both signature versions are covered by the same forms: V2 sends the token and the Base64 signature percent-encoded
/// in the form body, V3 sends the token raw in <c>x-acs-security-token</c> and the hex signature raw in
/// <c>Authorization</c> (an echoed canonical request or header shows them raw, which is the first form).
/// </remarks>
internal sealed class SensitiveValues : IRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    private readonly string?[] _values;
    private string[]? _forms;

    /// <summary>Remembers the values; the forms to look for are worked out only if something needs redacting.</summary>
    public SensitiveValues(params string?[] values) => _values = values;

    /// <summary>Nothing to hide.</summary>
    public static SensitiveValues None { get; } = new();

    /// <summary>Returns <paramref name="text"/> with every known secret form replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (!MayContainAny(text, _values))
        {
            return text;
        }

        foreach (var form in _forms ??= Forms(_values))
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// Whether <paramref name="text"/> may hold a form of one of <paramref name="values"/>: a cheap test that spares
    /// working out the forms for the common answer that echoes nothing.
    /// </summary>
    /// <remarks>
    /// Every form of a value (itself, escaped once or twice, with '+' as a space) contains each run of the value's
    /// unreserved characters unchanged, since no escaping touches them. Text without the longest run holds no form;
    /// a run shorter than four characters says too little, so the full check runs. The longest run rather than the
    /// leading one: a Base64 signature often has a '+' or '/' among its first characters, and would then be checked
    /// in full on every answer.
    /// </remarks>
    public static bool MayContainAny(string text, params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var run = LongestUnreservedRun(value);
            if (run.Length < 4 || text.AsSpan().Contains(run, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The longest run of characters of <paramref name="value"/> that RFC 3986 leaves unescaped: every encoded form
    /// of the value (once, twice, or with '+' read as a space) contains it unchanged.
    /// </summary>
    private static ReadOnlySpan<char> LongestUnreservedRun(ReadOnlySpan<char> value)
    {
        var longest = ReadOnlySpan<char>.Empty;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || !(char.IsAsciiLetterOrDigit(value[i]) || value[i] is '-' or '_' or '.' or '~'))
            {
                if (i - start > longest.Length)
                {
                    longest = value[start..i];
                }

                start = i + 1;
            }
        }

        return longest;
    }

    private static string[] Forms(string?[] values)
    {
        var forms = new List<string>(values.Length * 4);
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            // RFC 3986 escaping equals the RPC percent-encoding for well-formed text; the string to sign encodes
            // twice; a form decoder turns '+' into a space.
            var once = Uri.EscapeDataString(value);
            forms.Add(value);
            forms.Add(once);
            forms.Add(Uri.EscapeDataString(once));
            forms.Add(value.Replace('+', ' '));
        }

        // Longest first, so that a longer form is replaced before a shorter one inside it.
        return [.. forms.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
    }
}
