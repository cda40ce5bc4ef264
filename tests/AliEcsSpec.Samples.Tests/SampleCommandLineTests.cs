namespace AliEcsSpec.Samples.Tests;

/// <summary>
/// The samples behave like command-line tools: <c>--help</c> prints the usage to stdout and exits 0, a command line
/// that does not parse exits 2 with the reason and the usage on stderr, and the exit code says whether the work failed.
/// </summary>
public sealed class SampleCommandLineTests
{
    [Theory]
    [InlineData("AliEcsSpec.Samples.Quickstart", "--live --region --endpoint --instance-id --instance-type --prepaid")]
    [InlineData("AliEcsSpec.Samples.FleetResize", "--parallelism --type --instance")]
    [InlineData("AliEcsSpec.Samples.HostedWorker", "--live --Section:Key=VALUE --environment")]
    public async Task Help_PrintsTheUsageWithEveryOptionToStandardOutputAndExitsZero(string sample, string options)
    {
        var run = await SampleProcess.RunAsync(sample, "--help");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Usage:{Environment.NewLine}  {sample} [options]", run.StandardOutput, StringComparison.Ordinal);
        Assert.All(options.Split(' '), option => Assert.Contains(option, run.StandardOutput, StringComparison.Ordinal));
        Assert.Empty(run.StandardError);
    }

    [Theory]
    [InlineData("AliEcsSpec.Samples.Quickstart", "--instance-type")]
    [InlineData("AliEcsSpec.Samples.FleetResize", "--parallelism")]
    [InlineData("AliEcsSpec.Samples.HostedWorker", "--live")]
    public async Task UnknownArgument_ExitsTwoWithTheReasonAndTheUsageOnStandardError(string sample, string anOption)
    {
        var run = await SampleProcess.RunAsync(sample, "--paralelism", "4");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.StandardOutput);
        Assert.StartsWith("Unrecognized command or argument '--paralelism'", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Usage:{Environment.NewLine}  {sample} [options]", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(anOption, run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("four")]
    public async Task FleetResize_ParallelismNotAPositiveWholeNumber_ExitsTwoNamingTheRule(string parallelism)
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.FleetResize", "--parallelism", parallelism);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"--parallelism must be a whole number of at least 1; it is {parallelism}.", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetResize_EveryResizeSucceeds_ExitsZero()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.FleetResize", "--instance", "i-fleet-001", "--instance", "i-fleet-002");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Resized 2 of 2.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(run.StandardError);
    }

    [Fact]
    public async Task Quickstart_EndpointNotAnAbsoluteUrl_ExitsTwoNamingTheRule()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.Quickstart", "--live", "--region", "cn-hangzhou", "--instance-id", "i-x", "--instance-type", "ecs.g6.large", "--endpoint", "ecs.example");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--endpoint must be an absolute URL; it is ecs.example.", run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Resize:InstanceId=i-fleet-002")]
    [InlineData("--Resize:InstanceId", "i-fleet-002")]
    public async Task HostedWorker_ConfigurationArgument_ReachesTheHost(params string[] arguments)
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.HostedWorker", arguments);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Resized i-fleet-002", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostedWorker_RefusedResize_ExitsOne()
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.HostedWorker", "--Resize:InstanceId=i-fleet-404");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Resize of i-fleet-404 refused: InvalidInstanceId.NotFound", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Resise:InstanceId=i-fleet-002", "Unrecognized command or argument '--Resise:InstanceId=i-fleet-002'")]
    [InlineData("--Resize:InstanceId", "--Resize:InstanceId needs a value.")]
    public async Task HostedWorker_ConfigurationArgumentTheWorkerCannotUse_ExitsTwo(string argument, string reason)
    {
        var run = await SampleProcess.RunAsync("AliEcsSpec.Samples.HostedWorker", argument);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(reason, run.StandardError, StringComparison.Ordinal);
    }
}
