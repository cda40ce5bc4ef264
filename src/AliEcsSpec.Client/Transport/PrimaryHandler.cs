using System.Net;

namespace AliEcsSpec.Client;

/// <summary>The socket-level handler the client sends through unless the application supplies its own.</summary>
internal static class PrimaryHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        // A redirect would replay a signed POST elsewhere (or turn it into a GET): the RPC endpoint never redirects.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        // Recycle pooled connections so that DNS changes of the endpoint are picked up by long-lived clients.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
    };
}
