namespace AliEcsSpec.Samples.Tests;

/// <summary>Each sample, started with its default arguments as the README shows, runs to completion against the emulator.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Quickstart_DefaultArguments_WalksThroughTheWholeSession()
    {
        var (exitCode, output) = await SampleProcess.RunAsync("AliEcsSpec.Samples.Quickstart");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"OrderId \d+ \(RequestId [0-9A-F-]{36}\)", output);
        Assert.Contains("the instance is now ecs.g5.xlarge", output, StringComparison.Ordinal);
        Assert.Contains("EcsIncorrectInstanceStateException: HTTP 400 InvalidStatus.NotStopped", output, StringComparison.Ordinal);
        Assert.Contains("out 50 Mbit/s, in 50 Mbit/s", output, StringComparison.Ordinal);
        Assert.Contains("not changed: IncorrectInstanceState / InvalidInstanceStatus.NotStopped", output, StringComparison.Ordinal);
        Assert.Matches(@"attempt 1: Throttling; retrying in \d+ ms with ClientToken [0-9a-f-]{36}", output);
        Assert.Contains("the emulator saw 2 requests with that token, 2 different nonces, and made 1 change", output, StringComparison.Ordinal);
        Assert.Matches(@"attempt 1: no answer; retrying in \d+ ms with ClientToken [0-9a-f-]{36}", output);
        Assert.Matches(@"OrderId (\d+); the emulator holds 1 order for that token \(\1\)", output);
        Assert.Matches(@"Session complete in \d+\.\d s; first answer \d+ ms after the process started\.", output);
    }

    [Fact]
    public async Task Quickstart_EndpointWithoutLive_RefusesToTalkToARealService()
    {
        var (exitCode, output) = await SampleProcess.RunAsync("AliEcsSpec.Samples.Quickstart", "--endpoint", "https://ecs.cn-hangzhou.aliyuncs.com");

        Assert.Equal(2, exitCode);
        Assert.Contains("add --live", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quickstart_LiveWithoutCredentials_ExplainsWhatIsMissingInsteadOfCrashing()
    {
        var (exitCode, output) = await SampleProcess.RunAsync(
            "AliEcsSpec.Samples.Quickstart", "--live", "--region", "cn-hangzhou", "--instance-id", "i-x", "--instance-type", "ecs.g6.large");

        Assert.Equal(2, exitCode);
        Assert.Contains("No Alibaba Cloud credentials were found", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetResize_DefaultArguments_PrintsASummaryOfSuccessesAndTypedFailures()
    {
        var (exitCode, output) = await SampleProcess.RunAsync("AliEcsSpec.Samples.FleetResize");

        Assert.True(exitCode == 0, output);
        Assert.Contains("i-fleet-003    EcsIncorrectInstanceStateException InvalidInstanceStatus.NotStopped", output, StringComparison.Ordinal);
        Assert.Contains("i-fleet-404    EcsNotFoundException InvalidInstanceId.NotFound", output, StringComparison.Ordinal);
        Assert.Contains("i-fleet-004    resized after a retry (Throttling)", output, StringComparison.Ordinal);
        Assert.Contains("Resized 11 of 13.", output, StringComparison.Ordinal);
        Assert.Contains(" 10 x resized\n  1 x EcsIncorrectInstanceStateException InvalidInstanceStatus.NotStopped\n  1 x EcsNotFoundException", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostedWorker_DefaultArguments_ResizesThroughDependencyInjectionAndLogs()
    {
        var (exitCode, output) = await SampleProcess.RunAsync("AliEcsSpec.Samples.HostedWorker");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Resizing i-fleet-001 to ecs.g6.xlarge", output, StringComparison.Ordinal);
        Assert.Matches(@"ModifyInstanceSpec attempt 1 succeeded: HTTP 200 in [\d.]+ ms \(RequestId: [0-9A-F-]{36}, ClientToken: [0-9a-f-]{36}\)", output);
        Assert.Contains("Resized i-fleet-001", output, StringComparison.Ordinal);
    }
}
