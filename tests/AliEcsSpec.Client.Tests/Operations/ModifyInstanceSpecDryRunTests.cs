using System.Net;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>The current revision's <c>DryRun</c>, <c>Disk.N.*</c> and <c>ModifyMode</c> of <c>ModifyInstanceSpec</c>.</summary>
public sealed class ModifyInstanceSpecDryRunTests
{
    private const string PassedDryRun =
        $$"""{"RequestId":"{{TestClient.RequestId}}","HostId":"ecs.aliyuncs.com","Code":"DryRunOperation","Message":"Request validation has been passed with DryRun flag set."}""";

    [Fact]
    public async Task ModifyInstanceSpecAsync_DryRunDisksAndModifyMode_SendsEachInItsDocumentedForm()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with
        {
            DryRun = false,
            ModifyMode = "OfflineModify",
            Disks = [new() { DiskId = "d-1", Category = "cloud_essd", PerformanceLevel = "PL1" }, new() { PerformanceLevel = "PL2" }],
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["InstanceId"] = "i-bp67acfmxazb4p****",
                ["InstanceType"] = "ecs.g6.large",
                ["DryRun"] = "false",
                ["ModifyMode"] = "OfflineModify",
                ["Disk.1.DiskId"] = "d-1",
                ["Disk.1.Category"] = "cloud_essd",
                ["Disk.1.PerformanceLevel"] = "PL1",
                ["Disk.2.PerformanceLevel"] = "PL2",
            },
            test.LastForm.OperationFields());
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_DryRunAnsweredDryRunOperation_ReturnsADryRunResponse()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, PassedDryRun);

        var response = await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { DryRun = true, ClientToken = "tok-1" });

        Assert.Equal(new ModifyInstanceSpecResponse(TestClient.RequestId, "tok-1", DryRun: true), response);
        Assert.Equal("true", test.LastForm["DryRun"]);
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_DryRunAnsweredDryRunOperation_ReturnsSuccess()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, PassedDryRun);

        var result = await test.Client.TryModifyInstanceSpecAsync(TestClient.Spec() with { DryRun = true });

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.DryRun);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_DryRunThatWouldFail_ThrowsTheServiceError()
    {
        using var test = new TestClient().AnswerError(400, "InvalidInstanceStatus.NotStopped");

        await Assert.ThrowsAsync<EcsIncorrectInstanceStateException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { DryRun = true }));
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_DryRunOperationToARealRun_IsAnUndocumentedError()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, PassedDryRun);

        var error = await Assert.ThrowsAsync<EcsServiceException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("DryRunOperation", error.ErrorCode);
        Assert.Null(error.Family);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_RealRun_ReturnsAResponseThatIsNoDryRun()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        var response = await test.Client.ModifyInstanceSpecAsync(TestClient.Spec());

        Assert.False(response.DryRun);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_PassedDryRun_LogsOneSucceededAttemptNoFailure()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var test = new TestClient(loggerFactory: loggers).Answer(HttpStatusCode.BadRequest, PassedDryRun);

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { DryRun = true, ClientToken = "tok-dry" });

        var line = Assert.Single(collector.GetSnapshot(), r => r.Category == "AliEcsSpec.Client");
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.StartsWith("ModifyInstanceSpec attempt 1 succeeded: HTTP 400 in ", line.Message, StringComparison.Ordinal);
    }
}
