using System.Net;

namespace AliEcsSpec.Client;

/// <summary>
/// The body of an answer the retry handler has already read (within the attempt's time-out and size bound), handed
/// on as the response's content so that nothing reads the network twice.
/// </summary>
internal sealed class RpcAnswerContent : HttpContent
{
    public RpcAnswerContent(RpcAnswer answer)
    {
        Answer = answer;
        if (answer.ContentType is { } contentType)
        {
            // As sent, unparsed: parsed only if a handler of the application reads it.
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
    }

    /// <summary>The answer as read.</summary>
    public RpcAnswer Answer { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Answer.Body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Answer.Body.Length;
        return true;
    }
}
