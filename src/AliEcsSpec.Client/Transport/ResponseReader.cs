using System.Net.Http.Headers;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Transport;

/// <summary>Reads an answer's body with a size bound, so that a gateway's 10 MB page cannot exhaust memory.</summary>
internal static class ResponseReader
{
    /// <summary>The default bound on the bytes of a body that are read. ECS documents are well under 1 KB.</summary>
    public const int DefaultMaxBodyBytes = 64 * 1024;

    private const string RequestIdHeader = "x-acs-request-id";

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads at most <paramref name="maxBodyBytes"/> bytes of the body; the rest is left unread.</summary>
    public static async ValueTask<RpcAnswer> ReadAsync(HttpResponseMessage response, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var declared = content.Headers.ContentLength;
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
    /// Hands the body already read on as the response's content, so that handlers the application added around the
    /// client can still read it and nothing reads the network twice.
    /// </summary>
    public static void KeepBody(HttpResponseMessage response, RpcAnswer answer)
    {
        var network = response.Content;
        response.Content = new ReadOnlyMemoryContent(answer.Body);
        if (answer.ContentType is { } contentType)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        network.Dispose();
    }

    /// <summary>A header's first value as sent, without parsing or validating it (a malformed one is still worth showing).</summary>
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
