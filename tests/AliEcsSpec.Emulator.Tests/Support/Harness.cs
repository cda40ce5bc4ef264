using AliEcsSpec.Client;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>An emulator on loopback and a real client talking to it over HTTP, sharing one fake clock.</summary>
internal sealed class Harness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private Harness(EcsEmulator emulator, FakeTimeProvider time, string accessKeyId, string accessKeySecret, TimeSpan clientTimeout)
    {
        Emulator = emulator;
        Time = time;
        Client = EcsSpecClient.Create(
            new EcsSpecClientOptions
            {
                Endpoint = emulator.Endpoint,
                AccessKeyId = accessKeyId,
                AccessKeySecret = accessKeySecret,
                Timeout = clientTimeout,
            },
            new SocketsHttpHandler(),
            time);
    }

    public EcsEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public EcsSpecClient Client { get; }

    public EmulatorState State => Emulator.State;

    public static async Task<Harness> StartAsync(
        Action<EcsEmulatorOptions>? configure = null,
        string accessKeyId = EmulatorSeed.DemoAccessKeyId,
        string accessKeySecret = EmulatorSeed.DemoAccessKeySecret,
        TimeSpan? clientTimeout = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new EcsEmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var emulator = await EcsEmulator.StartAsync(options);
        return new Harness(emulator, time, accessKeyId, accessKeySecret, clientTimeout ?? TimeSpan.FromSeconds(30));
    }

    public EcsSpecClient ClientFor(string accessKeyId, string accessKeySecret, TimeProvider? time = null) =>
        EcsSpecClient.Create(
            new EcsSpecClientOptions { Endpoint = Emulator.Endpoint, AccessKeyId = accessKeyId, AccessKeySecret = accessKeySecret },
            new SocketsHttpHandler(),
            time ?? Time);

    public static ModifyPrepayInstanceSpecRequest Prepay(string instanceId, string instanceType) => new()
    {
        RegionId = "cn-hangzhou",
        InstanceId = instanceId,
        InstanceType = instanceType,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
