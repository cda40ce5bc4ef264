using System.Net;
using System.Net.Sockets;
using AliEcsSpec.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AliEcsSpec.Emulator.Tests.Hosting;

/// <summary>
/// The in-process emulator takes nothing from the application it runs in: no configuration, no environment, no
/// console lifetime. Run alone (the collection is not parallel) because it changes the process's current directory
/// and environment variables, which every other test shares.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class IsolatedHostingTests
{
    [Fact]
    public async Task StartAsync_KestrelEndpointsInAppSettingsAndEnvironment_AreIgnored()
    {
        var (fromFile, fromUrls, fromKestrelVariable, fromHttpPorts) = (FreePort(), FreePort(), FreePort(), FreePort());
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"aliecs-host-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), $$"""
            { "Kestrel": { "Endpoints": { "Http": { "Url": "http://127.0.0.1:{{fromFile}}" } } }, "urls": "http://127.0.0.1:{{fromFile}}" }
            """);
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{fromUrls}",
            ["DOTNET_URLS"] = $"http://127.0.0.1:{fromUrls}",
            ["ASPNETCORE_Kestrel__Endpoints__Env__Url"] = $"http://127.0.0.1:{fromKestrelVariable}",
            ["ASPNETCORE_HTTP_PORTS"] = fromHttpPorts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var directory = Environment.CurrentDirectory;
        var before = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        try
        {
            Environment.CurrentDirectory = folder;
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            await using var emulator = await EcsEmulator.StartAsync();

            Assert.DoesNotContain(emulator.Endpoint.Port, new[] { fromFile, fromUrls, fromKestrelVariable, fromHttpPorts });
            Assert.Equal(IPAddress.Loopback.ToString(), emulator.Endpoint.Host);
            Assert.All(new[] { fromFile, fromUrls, fromKestrelVariable, fromHttpPorts }, port => Assert.False(Listens(port), $"something listens on {port}"));
        }
        finally
        {
            Environment.CurrentDirectory = directory;
            foreach (var (name, value) in before)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_Always_InstallsNoConsoleLifetime()
    {
        await using var emulator = await EcsEmulator.StartAsync();

        Assert.IsType<InProcessLifetime>(emulator.Services.GetRequiredService<IHostLifetime>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>Tests that change process-wide state (current directory, environment variables) run one at a time, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";
}
