// Quick start: a realistic session against the local ECS emulator (no account, no network, no cost).
//   dotnet run --project samples/AliEcsSpec.Samples.Quickstart
// Against the real service (costs money, changes a real instance), credentials from ALIBABA_CLOUD_ACCESS_KEY_*:
//   dotnet run --project samples/AliEcsSpec.Samples.Quickstart -- --live --region cn-hangzhou \
//       --instance-id i-... --instance-type ecs.g6.xlarge [--prepaid] [--endpoint https://...]
using System.Diagnostics;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator;
using AliEcsSpec.Samples;
using AliEcsSpec.Samples.Quickstart;
using AliEcsSpec.Client.Errors;
using AliEcsSpec.Client.Workflow;

var commandLine = new QuickstartCommandLine();
var (parsed, exitCode) = await SampleCommandLine.ParseAsync(commandLine.Command, args);
if (parsed is null)
{
    return exitCode;
}

var arguments = commandLine.Read(parsed);
if (arguments.Live)
{
    return await LiveCall.RunAsync(arguments);
}

var started = TimeProvider.System.GetTimestamp();
// The emulator applies changes and stops or starts instances after 1 second here; the real service takes longer.
var second = TimeSpan.FromSeconds(1);
await using var emulator = await EcsEmulator.StartAsync(new EcsEmulatorOptions { ApplyDelay = second, StopDelay = second, StartDelay = second });
var options = new EcsSpecClientOptions
{
    Endpoint = emulator.Endpoint,
    AccessKeyId = emulator.AccessKeyId,
    AccessKeySecret = emulator.AccessKeySecret,
};
// The client retries on its own, with the same ClientToken on every attempt. OnRetry shows each retry here; the
// back-offs are shortened for the demo (the defaults are 2 s after throttling and 0.5 s after a failure).
options.Retry.ThrottlingBaseDelay = TimeSpan.FromMilliseconds(200);
options.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
options.Retry.OnRetry = retry =>
{
    var cause = retry.Failure.ErrorCode ?? (retry.Failure.Kind == EcsErrorKind.Transport ? "no answer" : "unexpected answer");
    Console.WriteLine($"   attempt {retry.Attempt}: {cause}; retrying in {retry.Delay.TotalMilliseconds:F0} ms with ClientToken {retry.ClientToken}");
    return ValueTask.CompletedTask;
};
using var client = EcsSpecClient.Create(options);
Console.WriteLine($"Local ECS emulator at {emulator.Endpoint} with {emulator.State.Instances.Count} demo instances.");
Console.WriteLine();

Console.WriteLine("1. Upgrade a subscription instance (ModifyPrepayInstanceSpec)");
var upgrade = await client.ModifyPrepayInstanceSpecAsync(new ModifyPrepayInstanceSpecRequest
{
    RegionId = "cn-hangzhou",
    InstanceId = "i-prepaid-running-01",
    InstanceType = "ecs.g5.xlarge",
    OperatorType = OperatorType.Upgrade,
    AutoPay = true,
    ClientToken = Guid.NewGuid().ToString(),
});
// How long the process took from its start (runtime included) to the first answer: what a cold start costs.
var firstAnswer = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine($"   OrderId {upgrade.OrderId} (RequestId {upgrade.RequestId})");
// The change completes asynchronously (5 to 10 seconds on the real service; 1 second here): the waiter polls
// DescribeInstances until the new type shows, as it would against the real service (polls shortened for the demo).
var polls = new EcsWorkflowOptions { FirstPollInterval = TimeSpan.FromMilliseconds(250), MaxPollInterval = TimeSpan.FromSeconds(1), WaitTimeout = TimeSpan.FromSeconds(30) };
var upgraded = await client.WaitUntilInstanceTypeAsync("cn-hangzhou", "i-prepaid-running-01", "ecs.g5.xlarge", polls);
Console.WriteLine($"   the instance is now {upgraded.InstanceType} ({upgraded.Status}), as DescribeInstances shows");
Console.WriteLine();

Console.WriteLine("2. Downgrade an instance that is still running: the service refuses, the client says why");
try
{
    await client.ModifyPrepayInstanceSpecAsync(new ModifyPrepayInstanceSpecRequest
    {
        RegionId = "cn-hangzhou",
        InstanceId = "i-prepaid-running-02",
        InstanceType = "ecs.g5.large",
        OperatorType = OperatorType.Downgrade,
    });
}
catch (EcsIncorrectInstanceStateException e)
{
    Console.WriteLine($"   {e.GetType().Name}: HTTP {(int)e.StatusCode} {e.ErrorCode}: {e.ServiceMessage}");
    Console.WriteLine("   stop the instance first, then downgrade (at most three times per instance)");
}

Console.WriteLine();
Console.WriteLine("3. Raise the public bandwidth of a pay-as-you-go instance (ModifyInstanceSpec)");
var bandwidth = await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
{
    InstanceId = "i-postpaid-running-01",
    InternetMaxBandwidthOut = 50,
    InternetMaxBandwidthIn = 50, // at most the outbound bandwidth above 10 Mbit/s (the newer revision, 003)
});
var described = await client.DescribeInstancesAsync(new DescribeInstancesRequest { RegionId = "cn-hangzhou", InstanceIds = ["i-postpaid-running-01"] });
var resized = described.Instances[0];
Console.WriteLine($"   done (RequestId {bandwidth.RequestId}): out {resized.InternetMaxBandwidthOut} Mbit/s, in {resized.InternetMaxBandwidthIn} Mbit/s");
Console.WriteLine();

Console.WriteLine("4. The Try… form returns a result instead of throwing");
var attempt = await client.TryModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
{
    InstanceId = "i-postpaid-eip-01",
    InstanceType = "ecs.g6.xlarge",
});
Console.WriteLine(attempt.Match(
    ok => $"   changed (RequestId {ok.RequestId})",
    error => $"   not changed: {error.Family} / {error.ErrorCode} (retryable: {error.IsRetryable})"));
Console.WriteLine();

Console.WriteLine("5. The service throttles: the client backs off and repeats the call with the same ClientToken");
emulator.Faults.Next(InjectedFault.Throttling, action: "ModifyInstanceSpec", instanceId: "i-postpaid-stopped-01");
var change = await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
{
    InstanceId = "i-postpaid-stopped-01",
    InstanceType = "ecs.g6.xlarge",
});
var sent = emulator.State.RequestLog.Where(r => r.ClientToken == change.ClientToken).ToList();
var changes = emulator.State.Changes.Count(c => c.ClientToken == change.ClientToken);
Console.WriteLine($"   done; the client generated ClientToken {change.ClientToken}");
Console.WriteLine($"   the emulator saw {sent.Count} requests with that token, {sent.Select(r => r.SignatureNonce).Distinct().Count()} different nonces, and made {changes} change");
Console.WriteLine();

Console.WriteLine("6. The answer is lost after the service made the change: the retry learns the outcome, no second order");
emulator.Faults.Next(InjectedFault.CloseConnectionAfterCommit, action: "ModifyPrepayInstanceSpec");
var upgradeStopped = await client.ModifyPrepayInstanceSpecAsync(new ModifyPrepayInstanceSpecRequest
{
    RegionId = "cn-hangzhou",
    InstanceId = "i-prepaid-stopped-01",
    InstanceType = "ecs.g5.2xlarge",
});
var orders = emulator.State.Orders.Where(o => o.ClientToken == upgradeStopped.ClientToken).ToList();
Console.WriteLine($"   OrderId {upgradeStopped.OrderId}; the emulator holds {orders.Count} order for that token ({orders[0].OrderId})");
Console.WriteLine();

Console.WriteLine("7. Resize a running instance end to end: describe, check the offer, stop, change, wait, start");
var resize = await client.ResizeInstanceAsync(
    new ResizeInstanceRequest { RegionId = "cn-hangzhou", InstanceId = "i-resize-postpaid-01", InstanceType = "ecs.g6.xlarge", AllowStop = true },
    new StepPrinter(),
    polls);
Console.WriteLine($"   {resize.TypeBefore} -> {resize.TypeAfter}, {resize.StatusBefore} -> {resize.StatusAfter}, in {resize.Steps.Count} steps");
Console.WriteLine();

Console.WriteLine($"Session complete in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s; first answer {firstAnswer.TotalMilliseconds:F0} ms after the process started.");
return 0;

/// <summary>Prints each step of a resize as it ends, on the resizing thread (Progress&lt;T&gt; would post it later).</summary>
internal sealed class StepPrinter : IProgress<ResizeStep>
{
    public void Report(ResizeStep value)
    {
        if (value.State != ResizeStepState.Started)
        {
            Console.WriteLine($"   {value.Kind,-15} {value.State,-9} {value.Detail}");
        }
    }
}
