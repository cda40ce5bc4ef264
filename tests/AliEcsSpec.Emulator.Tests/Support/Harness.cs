using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Signing;
using AliEcsSpec.Client;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>
/// An emulator on loopback and a real client talking to it over HTTP, sharing one fake clock. The client makes one
/// attempt and sends only the ClientTokens the tests give, unless a test asks for retries and generated tokens.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private Harness(
        EcsEmulator emulator, FakeTimeProvider time, string accessKeyId, string accessKeySecret, TimeSpan clientTimeout, int maxAttempts, bool autoClientToken)
    {
        Emulator = emulator;
        Time = time;
        Client = NewClient(emulator.Endpoint, accessKeyId, accessKeySecret, time, maxAttempts, autoClientToken, clientTimeout);
    }

    public EcsEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public EcsSpecClient Client { get; }

    public EmulatorState State => Emulator.State;

    public static async Task<Harness> StartAsync(
        Action<EcsEmulatorOptions>? configure = null,
        string accessKeyId = EmulatorSeed.DemoAccessKeyId,
        string accessKeySecret = EmulatorSeed.DemoAccessKeySecret,
        TimeSpan? clientTimeout = null,
        int maxAttempts = 1,
        bool autoClientToken = false)
    {
        var time = new FakeTimeProvider(Start);
        var options = new EcsEmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var emulator = await EcsEmulator.StartAsync(options);
        return new Harness(emulator, time, accessKeyId, accessKeySecret, clientTimeout ?? TimeSpan.FromSeconds(30), maxAttempts, autoClientToken);
    }

    public EcsSpecClient ClientFor(
        string accessKeyId, string accessKeySecret, TimeProvider? time = null, int maxAttempts = 1, SignatureVersion signatureVersion = SignatureVersion.V2) =>
        NewClient(Emulator.Endpoint, accessKeyId, accessKeySecret, time ?? Time, maxAttempts, autoClientToken: false, TimeSpan.FromSeconds(30), signatureVersion);

    private static EcsSpecClient NewClient(
        Uri endpoint, string accessKeyId, string accessKeySecret, TimeProvider time, int maxAttempts, bool autoClientToken, TimeSpan attemptTimeout,
        SignatureVersion signatureVersion = SignatureVersion.V2)
    {
        var options = new EcsSpecClientOptions
        {
            Endpoint = endpoint,
            AccessKeyId = accessKeyId,
            AccessKeySecret = accessKeySecret,
            AutoClientToken = autoClientToken,
            SignatureVersion = signatureVersion,
        };
        options.Retry.AttemptTimeout = attemptTimeout;
        options.Retry.MaxAttempts = maxAttempts;
        // Unpaced, so that the harness's attempt counts (throttling included) mean what MaxAttempts says.
        options.RateLimit.Mode = RateLimitMode.Off;
        return new EcsSpecClientBuilder(options)
        {
            PrimaryHandler = new SocketsHttpHandler(),
            TimeProvider = time,
            Budget = new RetryBudget(),
            Jitter = static () => 1.0,
        }.Build();
    }

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
