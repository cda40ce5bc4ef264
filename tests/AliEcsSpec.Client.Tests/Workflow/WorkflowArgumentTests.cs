using AliEcsSpec.Client.Tests.Support;
using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>Bad input to the waiters and the resize: an ArgumentException naming the parameter, nothing sent, no step taken.</summary>
public sealed class WorkflowArgumentTests
{
    private static ResizeInstanceRequest Valid() => new() { RegionId = "cn-hangzhou", InstanceId = "i-1", InstanceType = "ecs.g6.xlarge" };

    public static TheoryData<string, ResizeInstanceRequest, string, string> InvalidResizes => new()
    {
        { "RegionId null", Valid() with { RegionId = null! }, "RegionId", "RegionId is required" },
        { "RegionId blank", Valid() with { RegionId = " " }, "RegionId", "RegionId is required" },
        { "InstanceId empty", Valid() with { InstanceId = string.Empty }, "InstanceId", "InstanceId is required" },
        { "InstanceType null", Valid() with { InstanceType = null! }, "InstanceType", "InstanceType is required" },
        { "PlanToken empty", Valid() with { PlanToken = string.Empty }, "PlanToken", "1 to 64 printable ASCII" },
        { "PlanToken too long", Valid() with { PlanToken = new string('p', 65) }, "PlanToken", "1 to 64 printable ASCII" },
        { "PlanToken with a space", Valid() with { PlanToken = "plan 1" }, "PlanToken", "without spaces" },
        { "PlanToken non-ASCII", Valid() with { PlanToken = "plän" }, "PlanToken", "printable ASCII" },
        { "StoppedMode undefined", Valid() with { AllowStop = true, StoppedMode = (StoppedMode)9 }, "StoppedMode", "not a defined value" },
        { "StoppedMode without AllowStop", Valid() with { StoppedMode = StoppedMode.StopCharging }, "StoppedMode", "set AllowStop too" },
    };

    public static TheoryData<string, EcsWorkflowOptions, string> InvalidOptions => new()
    {
        { "first interval zero", new EcsWorkflowOptions { FirstPollInterval = TimeSpan.Zero }, "FirstPollInterval must be positive" },
        { "maximum below first", new EcsWorkflowOptions { FirstPollInterval = TimeSpan.FromSeconds(5), MaxPollInterval = TimeSpan.FromSeconds(1) }, "MaxPollInterval" },
        { "timeout negative", new EcsWorkflowOptions { WaitTimeout = TimeSpan.FromSeconds(-1) }, "WaitTimeout must be positive" },
    };

    [Theory]
    [MemberData(nameof(InvalidResizes))]
    public async Task ResizeInstanceAsync_InvalidRequest_ThrowsNamingTheParameterAndTakesNoStep(string name, ResizeInstanceRequest request, string parameter, string rule)
    {
        _ = name;
        using var test = new TestClient().ExpectNothingSent();
        var steps = new List<ResizeStep>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => test.Client.ResizeInstanceAsync(request, new SynchronousProgress(steps)));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Empty(steps);
        Assert.Empty(test.Sent);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task ResizeInstanceAsync_InvalidOptions_ThrowsNamingOptionsAndTakesNoStep(string name, EcsWorkflowOptions options, string rule)
    {
        _ = name;
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => test.Client.ResizeInstanceAsync(Valid(), options: options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Sent);
    }

    public static TheoryData<string, string, string, string> InvalidWaits => new()
    {
        { "", "i-1", "Running", "regionId" },
        { "cn-hangzhou", " ", "Running", "instanceId" },
        { "cn-hangzhou", "i-1", "", "status" },
    };

    [Theory]
    [MemberData(nameof(InvalidWaits))]
    public async Task WaitUntilInstanceStatusAsync_EmptyArgument_ThrowsNamingItAndSendsNothing(string regionId, string instanceId, string status, string parameter)
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => test.Client.WaitUntilInstanceStatusAsync(regionId, instanceId, status));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(test.Sent);
    }

    [Fact]
    public async Task WaitUntilInstanceTypeAsync_EmptyType_ThrowsNamingItAndSendsNothing()
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => test.Client.WaitUntilInstanceTypeAsync("cn-hangzhou", "i-1", " "));

        Assert.Equal("instanceType", error.ParamName);
        Assert.Empty(test.Sent);
    }

    /// <summary>Records steps as they are reported (Progress&lt;T&gt; would post them to the thread pool, after the call returns).</summary>
    private sealed class SynchronousProgress(List<ResizeStep> steps) : IProgress<ResizeStep>
    {
        public void Report(ResizeStep value) => steps.Add(value);
    }
}
