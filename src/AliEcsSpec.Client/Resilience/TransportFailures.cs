using System.Net.Http;

namespace AliEcsSpec.Client;

/// <summary>
/// Decides whether an exception from sending is a transport failure (no answer) and whether the request may have
/// reached the service before it happened: the fact that decides whether repeating it is safe without a ClientToken.
/// </summary>
internal static class TransportFailures
{
    /// <summary>Describes <paramref name="exception"/> when it is a transport failure; returns false otherwise.</summary>
    /// <param name="exception">What sending or reading threw.</param>
    /// <param name="attemptTimedOut">Whether the attempt's own timeout fired (not the caller's token).</param>
    /// <param name="mayHaveBeenSent">Whether the request may have reached the service.</param>
    /// <param name="description">A short description without secrets.</param>
    public static bool TryClassify(Exception exception, bool attemptTimedOut, out bool mayHaveBeenSent, out string description)
    {
        switch (exception)
        {
            case OperationCanceledException when attemptTimedOut:
                mayHaveBeenSent = true;
                description = "The attempt timed out.";
                return true;
            case HttpRequestException http:
                mayHaveBeenSent = http.HttpRequestError is not (HttpRequestError.NameResolutionError
                    or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
                    or HttpRequestError.ProxyTunnelError);
                description = mayHaveBeenSent
                    ? $"The connection failed while the request was in flight ({http.HttpRequestError})."
                    : $"The connection could not be established ({http.HttpRequestError}).";
                return true;
            case IOException:
                mayHaveBeenSent = true;
                description = "The connection was reset or the response was cut off.";
                return true;
            default:
                mayHaveBeenSent = false;
                description = string.Empty;
                return false;
        }
    }
}
