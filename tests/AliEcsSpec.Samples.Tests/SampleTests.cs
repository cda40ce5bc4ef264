namespace AliEcsSpec.Samples.Tests;

/// <summary>Each sample, started with its default arguments as the README shows, runs to completion against the emulator.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Quickstart_DefaultArguments_WalksThroughTheWholeSession()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.Quickstart");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"OrderId \d+ \(RequestId [0-9A-F-]{36}\)", run.Output);
        // The change shows through the waiter (DescribeInstances), as it would against the real service.
        Assert.Contains("the instance is now ecs.g5.xlarge (Running), as DescribeInstances shows", run.Output, StringComparison.Ordinal);
        Assert.Contains("EcsIncorrectInstanceStateException: HTTP 400 InvalidStatus.NotStopped", run.Output, StringComparison.Ordinal);
        Assert.Contains("out 50 Mbit/s, in 50 Mbit/s", run.Output, StringComparison.Ordinal);
        Assert.Contains("not changed: IncorrectInstanceState / InvalidInstanceStatus.NotStopped", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"attempt 1: Throttling; retrying in \d+ ms with ClientToken [0-9a-f-]{36}", run.Output);
        Assert.Contains("the emulator saw 2 requests with that token, 2 different nonces, and made 1 change", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"attempt 1: no answer; retrying in \d+ ms with ClientToken [0-9a-f-]{36}", run.Output);
        Assert.Matches(@"OrderId (\d+); the emulator holds 1 order for that token \(\1\)", run.Output);
        Assert.Contains("Stop            Completed stopped (Stopped)", run.Output, StringComparison.Ordinal);
        Assert.Contains("WaitForType     Completed DescribeInstances shows ecs.g6.xlarge", run.Output, StringComparison.Ordinal);
        Assert.Contains("ecs.g6.large -> ecs.g6.xlarge, Running -> Running, in 7 steps", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Session complete in \d+\.\d s; first answer \d+ ms after the process started\.", run.Output);
    }

    [Fact]
    public async Task Quickstart_EndpointWithoutLive_RefusesToTalkToARealService()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.Quickstart", "--endpoint", "https://ecs.cn-hangzhou.aliyuncs.com");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("add --live", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quickstart_LiveWithoutCredentials_ExplainsWhatIsMissingInsteadOfCrashing()
    {
        var run = await SampleProcess.RunAsync(
            "AliEcsSpec.Samples.Quickstart", "--live", "--region", "cn-hangzhou", "--instance-id", "i-x", "--instance-type", "ecs.g6.large");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No Alibaba Cloud credentials were found", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetResize_DefaultArguments_ResizesEndToEndSumsUpTheTypedFailuresAndExitsOne()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.FleetResize");

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Equal("2 of 14 resizes failed.", run.StandardError.Trim());
        // The running instance is stopped, changed and started again; the throttled one is repeated by the client.
        Assert.Contains("i-fleet-003    ecs.g6.large -> ecs.g6.xlarge, Running", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"i-fleet-003 +Stop +Completed +\d+\.\d s  stopped \(Stopped\)", run.Output);
        Assert.Matches(@"i-fleet-003 +Start +Completed +\d+\.\d s  started \(Running\)", run.Output);
        Assert.Contains("i-fleet-004    ecs.g6.large -> ecs.g6.xlarge, Stopped", run.Output, StringComparison.Ordinal);
        Assert.Contains("i-locked-01    ResizeInstanceNotChangeableException: left Running", run.Output, StringComparison.Ordinal);
        Assert.Contains("i-fleet-404    ResizeInstanceNotFoundException: left unseen", run.Output, StringComparison.Ordinal);
        Assert.Contains(" 12 x resized\n  1 x ResizeInstanceNotChangeableException\n  1 x ResizeInstanceNotFoundException\nResized 12 of 14.", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetResize_InstanceAlreadyOfTheType_ChangesNothingAndExitsZero()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.FleetResize", "--instance", "i-fleet-001", "--type", "ecs.g6.large");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("i-fleet-001    already ecs.g6.large", run.Output, StringComparison.Ordinal);
        Assert.Contains("Resized 1 of 1.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostedWorker_DefaultArguments_ResizesThroughDependencyInjectionAndLogs()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.HostedWorker");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Resizing i-fleet-001 to ecs.g6.xlarge", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"ModifyInstanceSpec attempt 1 succeeded: HTTP 200 in [\d.]+ ms \(RequestId: [0-9A-F-]{36}, ClientToken: [0-9a-f-]{36}\)", run.Output);
        Assert.Contains("Resized i-fleet-001", run.Output, StringComparison.Ordinal);
    }
}
