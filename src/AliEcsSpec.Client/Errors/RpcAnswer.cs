using System.Net;

namespace AliEcsSpec.Client;

/// <summary>What the service sent for one attempt, read with a size bound.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body bytes that were read.</param>
/// <param name="Truncated">Whether the body was longer than the bound and only its start was read.</param>
/// <param name="ContentType">The media type of the body, if given.</param>
/// <param name="HeaderRequestId">The <c>x-acs-request-id</c> header, if given.</param>
internal readonly record struct RpcAnswer(
    HttpStatusCode StatusCode,
    ReadOnlyMemory<byte> Body,
    bool Truncated,
    string? ContentType,
    string? HeaderRequestId);
