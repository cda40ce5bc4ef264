using System.Net;
using System.Net.Http.Headers;

namespace AliEcsSpec.Client.Errors;

/// <summary>What the service sent for one attempt, read with a size bound.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body bytes that were read.</param>
/// <param name="Truncated">Whether the body was longer than the bound and only its start was read.</param>
/// <param name="ContentType">The <c>Content-Type</c> header as sent, unparsed, if given.</param>
/// <param name="HeaderRequestId">The <c>x-acs-request-id</c> header, if given.</param>
internal readonly record struct RpcAnswer(
    HttpStatusCode StatusCode,
    ReadOnlyMemory<byte> Body,
    bool Truncated,
    string? ContentType,
    string? HeaderRequestId)
{
    /// <summary>The media type of <see cref="ContentType"/>; <see langword="null"/> when absent or not a valid header.</summary>
    /// <remarks>Parsed only when asked for (to describe an unexpected answer), never on the path of a success.</remarks>
    public string? MediaType => MediaTypeHeaderValue.TryParse(ContentType, out var parsed) ? parsed.MediaType : null;
}
