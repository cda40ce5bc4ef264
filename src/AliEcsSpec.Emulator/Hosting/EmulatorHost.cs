using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// The web host under an emulator, isolated from the application it runs in: no configuration sources (no
/// appsettings.json, no environment variables such as <c>ASPNETCORE_URLS</c>, no command line), no logging, no console
/// lifetime, and one listener, on 127.0.0.1 at the port of the options.
/// </summary>
internal static class EmulatorHost
{
    // Requests still running when the emulator stops (a delayed answer) are cut off after this, so a stop is prompt.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);

    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EcsEmulator).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        return builder.Build();
    }
}
