using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace AliEcsSpec.Client;

/// <summary>Reads an answer's body with a size bound, so that a gateway's 10 MB page cannot exhaust memory.</summary>
internal static class ResponseReader
{
    /// <summary>The default bound on the bytes of a body that are read. ECS documents are well under 1 KB.</summary>
    public const int DefaultMaxBodyBytes = 64 * 1024;

    private const string RequestIdHeader = "x-acs-request-id";

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads at most <paramref name="maxBodyBytes"/> bytes of the body; the rest is left unread.</summary>
    public static ValueTask<RpcAnswer> ReadAsync(HttpResponseMessage response, int maxBodyBytes, CancellationToken cancellationToken) =>
        response.Content is RpcAnswerContent read
            ? ValueTask.FromResult(read.Answer)
            : ReadBodyAsync(response, maxBodyBytes, cancellationToken);

    /// <remarks>Pooled, like the attempt that awaits it once: a body that arrives later than its headers would otherwise cost a state machine per call.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<RpcAnswer> ReadBodyAsync(HttpResponseMessage response, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var declared = DeclaredLength(content.Headers);
        var buffer = new byte[(int)Math.Clamp(declared ?? 1024, 0, maxBodyBytes) + 1];
        var length = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (length <= maxBodyBytes)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBodyBytes + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }

        var truncated = length > maxBodyBytes;
        var body = buffer.AsMemory(0, Math.Min(length, maxBodyBytes));
        if (body.Span.StartsWith(Utf8ByteOrderMark))
        {
            // Some gateways prefix JSON with a byte-order mark, which the JSON reader does not accept.
            body = body[Utf8ByteOrderMark.Length..];
        }

        return new RpcAnswer(
            response.StatusCode,
            body,
            truncated,
            RawValue(content.Headers, "Content-Type"),
            RawValue(response.Headers, RequestIdHeader));
    }

    /// <summary>
    /// The declared body length, only to size the buffer (the bound is enforced while reading). Read unparsed: the
    /// typed <see cref="HttpContentHeaders.ContentLength"/> parses and stores the header on every answer.
    /// </summary>
    private static long? DeclaredLength(HttpContentHeaders headers) =>
        RawValue(headers, "Content-Length") is { } raw
        && long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            // No header as sent (a content that knows its own length, as a test double's): ask the content.
            : headers.ContentLength;

    /// <summary>A header's first value as sent, without parsing or validating it (so without allocating).</summary>
    private static string? RawValue(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }
}
