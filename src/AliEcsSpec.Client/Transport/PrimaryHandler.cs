namespace AliEcsSpec.Client.Transport;

/// <summary>The socket-level handler the client sends through unless the application supplies its own.</summary>
internal static class PrimaryHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        // A redirect would replay a signed POST elsewhere (or turn it into a GET): the RPC endpoint never redirects.
        AllowAutoRedirect = false,
        // No AutomaticDecompression: ECS answers are a few hundred bytes, so compression saves nothing, while asking
        // for it adds a header and a handler to every attempt and lets a small gzip body expand past the read bound.
        // Recycle pooled connections so that DNS changes of the endpoint are picked up by long-lived clients.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
    };
}
