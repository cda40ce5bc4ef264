using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>
/// One API operation as the client calls it: its action, its request's validation and wire parameters, and how its
/// answers are read. One sealed descriptor per operation folder; <see cref="EcsSpecClient"/> invokes any of them the
/// same way.
/// </summary>
/// <typeparam name="TRequest">The operation's request record.</typeparam>
/// <typeparam name="TResponse">The operation's response record.</typeparam>
/// <typeparam name="TDocument">The success document as the service sends it.</typeparam>
internal abstract class EcsOperation<TRequest, TResponse, TDocument> : IResponseReader
    where TRequest : class
    where TResponse : class, IEcsResponse
    where TDocument : class
{
    private readonly JsonTypeInfo<TDocument> _document;

    protected EcsOperation(string action, JsonTypeInfo<TDocument> document)
    {
        Action = action;
        _document = document;
    }

    /// <summary>The API action, for example <c>ModifyInstanceSpec</c>.</summary>
    public string Action { get; }

    /// <summary>Checks every documented rule of the request; throws <see cref="ArgumentException"/> naming the parameter and the rule.</summary>
    public abstract void Validate(TRequest request);

    /// <summary>The region the request names, which chooses the endpoint when set.</summary>
    public abstract string? RegionIdOf(TRequest request);

    /// <summary>
    /// Whether the action documents a <c>ClientToken</c>. Only then does the client make one up
    /// (<see cref="EcsSpecClientOptions.AutoClientToken"/>): a token that is never sent must not make a repeat look safe.
    /// </summary>
    public virtual bool SendsClientToken => true;

    /// <summary>The ClientToken the caller gave, if any.</summary>
    public abstract string? ClientTokenOf(TRequest request);

    /// <summary>The documented wire parameters of the request, with the ClientToken the call sends.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> ToWire(TRequest request, string? clientToken);

    /// <summary>How this call's answers are read; an operation whose answers depend on the request (a dry run) overrides it.</summary>
    public virtual IResponseReader ReaderFor(TRequest request) => this;

    /// <inheritdoc />
    public IEcsResponse? ReadSuccess(in RpcAnswer answer, string? clientToken, IRedactor redact) =>
        JsonSerializer.Deserialize(answer.Body.Span, _document) is { } document
            ? ToResponse(document, redact.Redact(RequestIdOf(document) ?? answer.HeaderRequestId ?? string.Empty), clientToken)
            : null;

    /// <inheritdoc />
    public virtual IEcsResponse? SuccessFromError(EcsError error) => null;

    /// <summary>The request ID the document carries, if any.</summary>
    protected abstract string? RequestIdOf(TDocument document);

    /// <summary>The typed response of a success document; <see langword="null"/> when it lacks what the response needs.</summary>
    protected abstract TResponse? ToResponse(TDocument document, string requestId, string? clientToken);
}
