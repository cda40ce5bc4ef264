namespace AliEcsSpec.Interop.Support;

/// <summary>
/// A fresh emulator on a free loopback port for each test (on the real clock: the SDKs sign with the machine's time),
/// the calls every case makes, and what the answer and the state must then be.
/// </summary>
public abstract class InteropTest : IAsyncLifetime
{
    internal const string ModifyInstanceSpec = nameof(ModifyInstanceSpec);

    internal const string ModifyPrepayInstanceSpec = nameof(ModifyPrepayInstanceSpec);

    internal const string AssumeRole = nameof(AssumeRole);

    /// <summary>A pay-as-you-go instance at 5 Mbit/s out.</summary>
    internal const string PostpaidInstance = "i-postpaid-running-01";

    /// <summary>A stopped subscription instance of type ecs.g5.xlarge.</summary>
    internal const string PrepaidInstance = "i-prepaid-stopped-01";

    private EcsEmulator? _emulator;

    internal EcsEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    internal Keys Demo => new(Emulator.AccessKeyId, Emulator.AccessKeySecret);

    internal Keys WrongSecret => Demo with { AccessKeySecret = "not-the-" + Emulator.AccessKeySecret };

    public async Task InitializeAsync() => _emulator = await EcsEmulator.StartAsync(CreateOptions());

    /// <summary>The emulator's options: its defaults on the real clock, unless a test class needs other delays.</summary>
    protected virtual EcsEmulatorOptions CreateOptions() => new();

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>Raises the outbound bandwidth of <see cref="PostpaidInstance"/> from 5 to 20 Mbit/s.</summary>
    internal static Dictionary<string, object> Bandwidth(params (string Name, object Value)[] more) =>
        With(new() { ["InstanceId"] = PostpaidInstance, ["InternetMaxBandwidthOut"] = 20 }, more);

    /// <summary>Upgrades <see cref="PrepaidInstance"/> from ecs.g5.xlarge to ecs.g5.2xlarge.</summary>
    internal static Dictionary<string, object> Upgrade(params (string Name, object Value)[] more) =>
        With(new() { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = PrepaidInstance, ["InstanceType"] = "ecs.g5.2xlarge" }, more);

    internal static Dictionary<string, object> DemoRole() =>
        new() { ["RoleArn"] = EmulatorSeed.DemoRoleArn, ["RoleSessionName"] = "interop" };

    /// <summary>One call through the variant named <paramref name="variantName"/>, which must have sent one request, as named.</summary>
    internal async Task<SdkOutcome> CallAsync(string variantName, string action, Keys keys, Dictionary<string, object> parameters)
    {
        var variant = Variant.Named(variantName);
        var outcome = await OfficialSdk.CallAsync(variant.Sdk, variant.Name, action, Emulator.Endpoint, keys, parameters);
        variant.AssertSent(Assert.Single(outcome.Sent), parameters, keys.SecurityToken);
        return outcome;
    }

    /// <summary>STS credentials for the demo role, issued by the emulator to @alicloud/pop-core.</summary>
    internal async Task<Keys> AssumeDemoRoleAsync()
    {
        var outcome = await CallAsync(Variant.PopCoreV2Get.ToString(), AssumeRole, Demo, DemoRole());
        var credentials = outcome.Body.GetProperty("Credentials");
        return new Keys(
            credentials.GetProperty("AccessKeyId").GetString()!,
            credentials.GetProperty("AccessKeySecret").GetString()!,
            credentials.GetProperty("SecurityToken").GetString()!);
    }

    /// <summary>The emulator's record of the request that got <paramref name="outcome"/>'s answer.</summary>
    internal RequestLogEntry Logged(SdkOutcome outcome) =>
        Assert.Single(Emulator.State.RequestLog, entry => entry.RequestId == outcome.RequestId);

    internal void AssertBandwidthChanged(SdkOutcome outcome, string signedBy)
    {
        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(new[] { "RequestId" }, outcome.BodyMembers);
        var logged = Logged(outcome);
        Assert.Equal((ModifyInstanceSpec, signedBy, 200), (logged.Action, logged.AccessKeyId, logged.Status));
        Assert.Equal(20, Emulator.State.GetInstance(PostpaidInstance)!.InternetMaxBandwidthOut);
        Assert.Equal(PostpaidInstance, Assert.Single(Emulator.State.Changes).InstanceId);
    }

    internal void AssertOrderPlaced(SdkOutcome outcome, bool paid = true)
    {
        Assert.Equal((200, null), (outcome.Status, outcome.Code));
        Assert.Equal(new[] { "OrderId", "RequestId" }, outcome.BodyMembers);
        Assert.Equal((ModifyPrepayInstanceSpec, 200), (Logged(outcome).Action, Logged(outcome).Status));
        var order = Assert.Single(Emulator.State.Orders);
        Assert.Equal(
            (outcome.BodyString("OrderId"), PrepaidInstance, "ecs.g5.xlarge", "ecs.g5.2xlarge", paid),
            (order.OrderId, order.InstanceId, order.FromInstanceType, order.ToInstanceType, order.Paid));
        Assert.Equal("ecs.g5.2xlarge", Emulator.State.GetInstance(PrepaidInstance)!.PendingInstanceType);
    }

    /// <summary>The call was answered with <paramref name="code"/>, and nothing changed.</summary>
    internal void AssertRefusedUnchanged(SdkOutcome outcome, int status, string code)
    {
        Assert.Equal((status, code), (outcome.Status, outcome.Code));
        Assert.Equal(code, outcome.BodyString("Code"));
        Assert.Equal((status, code), (Logged(outcome).Status, Logged(outcome).Code));
        Assert.Equal(5, Emulator.State.GetInstance(PostpaidInstance)!.InternetMaxBandwidthOut);
        Assert.Null(Emulator.State.GetInstance(PrepaidInstance)!.PendingInstanceType);
        Assert.Empty(Emulator.State.Changes);
        Assert.Empty(Emulator.State.Orders);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> parameters, (string Name, object Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return parameters;
    }
}
