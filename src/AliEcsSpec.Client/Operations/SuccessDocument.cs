using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AliEcsSpec.Client.Signing;

namespace AliEcsSpec.Client;

/// <summary>
/// Reads a 2xx answer into the operation's typed response. The service acted, so a body that is not the documented
/// document (unparsable, truncated, without the fields the response needs) is an unexpected-response error, never a
/// <see cref="JsonException"/>.
/// </summary>
internal static class SuccessDocument
{
    public static EcsResult<TResponse> Read<TBody, TResponse>(
        in RpcAnswer answer,
        string operation,
        string? clientToken,
        RpcRequestMessage request,
        JsonTypeInfo<TBody> bodyType,
        Func<TBody, string, string?, TResponse?> toResponse)
        where TBody : class, IEcsResponseBody
        where TResponse : class, IEcsResponse
    {
        TResponse? response = null;
        if (!answer.Truncated && !answer.Body.IsEmpty)
        {
            try
            {
                if (JsonSerializer.Deserialize(answer.Body.Span, bodyType) is { } body)
                {
                    // The request ID is the service's text, shown in logs, traces and ToString(): scrubbed like its messages.
                    response = toResponse(body, SignedAttempt.Redact(request, body.RequestId ?? answer.HeaderRequestId ?? string.Empty), clientToken);
                }
            }
            catch (JsonException)
            {
                // Falls through to the unexpected-response error below.
            }
        }

        return response is not null
            ? EcsResult.Success(response)
            : EcsResult.Failure<TResponse>(EcsErrorParser.UnexpectedResponse(
                answer,
                operation,
                clientToken,
                SignedAttempt.SecretsOf(request).Redact,
                $"the success body is not a valid {operation} response document."));
    }
}
