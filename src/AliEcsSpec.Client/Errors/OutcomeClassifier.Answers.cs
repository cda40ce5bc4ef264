using System.Net;
using System.Text;
using System.Text.Json;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// The one place where what an attempt brought back becomes a typed response or an <see cref="EcsError"/>: a success
/// document through the operation's reader, a documented code into its family, anything else (HTML from a gateway,
/// an empty or truncated body, a success body without the documented fields) into an unexpected-response error with
/// a short, safe excerpt. Never lets a <see cref="JsonException"/> escape.
/// </summary>
internal static partial class OutcomeClassifier
{
    /// <summary>How many characters of an unparsable body an error keeps.</summary>
    public const int ExcerptLength = 256;

    /// <summary>Classifies an answer of one attempt.</summary>
    /// <param name="answer">What the service sent, read once with a bound.</param>
    /// <param name="operation">The action that was called.</param>
    /// <param name="clientToken">The token the call sent.</param>
    /// <param name="reader">How the operation reads its answers.</param>
    /// <param name="redact">
    /// Removes secrets from any text the service sent (message, code, request ID, host, links, detail, excerpt): a
    /// server or a gateway may echo what it received.
    /// </param>
    public static AttemptOutcome Classify(
        in RpcAnswer answer, string operation, string? clientToken, IResponseReader reader, IRedactor redact)
    {
        if ((int)answer.StatusCode is >= 200 and <= 299)
        {
            return ReadSuccess(answer, clientToken, reader, redact) is { } response
                ? AttemptOutcome.Success(response)
                : AttemptOutcome.Failure(UnexpectedResponse(
                    answer, operation, clientToken, redact, $"the success body is not a valid {operation} response document."));
        }

        var error = ServiceError(answer, operation, clientToken, redact);
        return reader.SuccessFromError(error) is { } passed ? AttemptOutcome.Success(passed) : AttemptOutcome.Failure(error);
    }

    private static IEcsResponse? ReadSuccess(in RpcAnswer answer, string? clientToken, IResponseReader reader, IRedactor redact)
    {
        if (answer.Truncated || answer.Body.IsEmpty)
        {
            return null;
        }

        try
        {
            return reader.ReadSuccess(answer, clientToken, redact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EcsError ServiceError(in RpcAnswer answer, string operation, string? clientToken, IRedactor redact)
    {
        var (body, accessDeniedDetail) = TryDeserialize(answer.Body.Span);
        if (body is not { Code: { Length: > 0 } code } || answer.Truncated)
        {
            return UnexpectedResponse(answer, operation, clientToken, redact, DescribeUnexpected(answer, redact));
        }

        var requestId = body.RequestId ?? answer.HeaderRequestId;
        return Service(
            operation,
            redact.Redact(code),
            redact.Redact(body.Message ?? string.Empty),
            answer.StatusCode,
            requestId is null ? null : redact.Redact(requestId),
            body.HostId is null ? null : redact.Redact(body.HostId),
            body.Recommend is null ? null : redact.Redact(body.Recommend),
            accessDeniedDetail is null ? null : redact.Redact(accessDeniedDetail),
            clientToken);
    }

    /// <summary>
    /// A service error document, with what the catalog says of its code (family, retry class, advice): the one place
    /// that builds one, for answers and for <see cref="EcsModelFactory"/> alike.
    /// </summary>
    public static EcsError Service(
        string operation, string code, string message, HttpStatusCode statusCode, string? requestId, string? hostId,
        string? recommend, string? accessDeniedDetail, string? clientToken)
    {
        var definition = EcsErrorCatalog.Find(operation, code, message);
        return new EcsError(
            EcsErrorKind.Service,
            operation,
            message,
            statusCode,
            code,
            requestId,
            hostId,
            recommend,
            accessDeniedDetail,
            clientToken,
            definition?.Family,
            EcsErrorCatalog.RetryClassOf(definition, code, (int)statusCode),
            advice: definition?.Advice);
    }

    /// <summary>An answer that is not an ECS document, retryable as its status says.</summary>
    public static EcsError Unexpected(
        string operation, HttpStatusCode statusCode, string description, string? requestId, string? bodyExcerpt, string? clientToken) => new(
            EcsErrorKind.UnexpectedResponse,
            operation,
            description,
            statusCode,
            requestId: requestId,
            clientToken: clientToken,
            retryClass: EcsErrorCatalog.RetryClassOf(null, null, (int)statusCode),
            bodyExcerpt: bodyExcerpt);

    /// <summary>
    /// An answer that is not the documented document: keeps the status and a sanitized excerpt. Every text the answer
    /// brought (the excerpt, the request ID header) passes through <paramref name="redact"/>, as in a service error.
    /// </summary>
    private static EcsError UnexpectedResponse(
        in RpcAnswer answer, string operation, string? clientToken, IRedactor redact, string description) =>
        Unexpected(
            operation,
            answer.StatusCode,
            description,
            answer.HeaderRequestId is { } requestId ? redact.Redact(requestId) : null,
            Excerpt(answer.Body.Span, redact),
            clientToken);

    private static string DescribeUnexpected(in RpcAnswer answer, IRedactor redact)
    {
        if (answer.Truncated)
        {
            return "the error body was larger than the configured limit and was not parsed.";
        }

        if (answer.Body.IsEmpty)
        {
            return $"the body was empty ({(int)answer.StatusCode} {ReasonOf(answer.StatusCode)}).";
        }

        var contentType = answer.MediaType is { Length: > 0 } mediaType ? redact.Redact(mediaType) : "no content type";
        return $"the body is not an ECS error document ({(int)answer.StatusCode} {ReasonOf(answer.StatusCode)}, {contentType}).";
    }

    private static string ReasonOf(HttpStatusCode status) =>
        Enum.IsDefined(status) ? status.ToString() : "Unknown";

    /// <summary>The error document and its <c>AccessDeniedDetail</c> as raw JSON text; nothing when the body is not one.</summary>
    private static (EcsErrorBody? Body, string? AccessDeniedDetail) TryDeserialize(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return default;
        }

        EcsErrorBody? body;
        try
        {
            body = JsonSerializer.Deserialize(json, EcsErrorJsonContext.Default.EcsErrorBody);
        }
        catch (JsonException)
        {
            // Not JSON, not an object, wrong member types, too deep or invalid UTF-8: an unexpected response.
            return default;
        }

        if (body?.AccessDeniedDetail is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } detail)
        {
            return (body, null);
        }

        try
        {
            return (body, detail.GetRawText());
        }
        catch (InvalidOperationException)
        {
            // The detail is kept as raw JSON, so only here is its text turned into UTF-16: a string in it that is not
            // valid UTF-8 makes the body no ECS document, as it does in every member the reader turns into text.
            return default;
        }
    }

    /// <summary>The first characters of a body with control characters and runs of white space folded.</summary>
    internal static string? Excerpt(ReadOnlySpan<byte> body, IRedactor redact)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        // The body is already bounded by the reader. Redact all of it before cutting, so that a secret straddling
        // the cut cannot survive as a fragment.
        var text = redact.Redact(Encoding.UTF8.GetString(body));
        var folded = new StringBuilder(Math.Min(text.Length, ExcerptLength));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (folded.Length == ExcerptLength)
            {
                break;
            }

            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && (lastWasSpace || folded.Length == 0))
            {
                continue;
            }

            folded.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return folded.ToString().TrimEnd();
    }
}
