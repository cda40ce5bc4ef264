using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>What <c>StopInstance</c> and <c>StartInstance</c> put on the wire, and how their answers are read.</summary>
public sealed class StopStartWireTests
{
    private const string PassedDryRun =
        $$"""{"RequestId":"{{TestClient.RequestId}}","HostId":"ecs.aliyuncs.com","Code":"DryRunOperation","Message":"Request validation has been passed with DryRun flag set."}""";

    [Fact]
    public async Task StopInstanceAsync_EveryParameter_SendsEachInItsDocumentedForm()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        var response = await test.Client.StopInstanceAsync(new StopInstanceRequest
        {
            InstanceId = "i-bp67acfmxazb4ph****",
            ForceStop = false,
            StoppedMode = StoppedMode.KeepCharging,
            ConfirmStop = true,
            Hibernate = false,
            DryRun = false,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["InstanceId"] = "i-bp67acfmxazb4ph****",
                ["ForceStop"] = "false",
                ["StoppedMode"] = "KeepCharging",
                ["ConfirmStop"] = "true",
                ["Hibernate"] = "false",
                ["DryRun"] = "false",
            },
            test.LastForm.OperationFields());
        Assert.Equal("StopInstance", test.LastForm["Action"]);
        Assert.Equal(test.LastForm.ExpectedSignature(TestClient.AccessKeySecret), test.LastForm["Signature"]);
        Assert.Equal(new StopInstanceResponse(TestClient.RequestId), response);
    }

    [Theory]
    [InlineData(StoppedMode.KeepCharging, "KeepCharging")]
    [InlineData(StoppedMode.StopCharging, "StopCharging")]
    public async Task StopInstanceAsync_StoppedMode_SendsItsDocumentedName(StoppedMode mode, string wire)
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1", StoppedMode = mode });

        Assert.Equal(wire, test.LastForm["StoppedMode"]);
    }

    [Fact]
    public async Task StopInstanceAsync_OnlyTheInstance_SendsOnlyItsId()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1" });

        Assert.Equal(new Dictionary<string, string> { ["InstanceId"] = "i-1" }, test.LastForm.OperationFields());
    }

    [Fact]
    public async Task StopInstanceAsync_AutoClientTokenOn_SendsNoClientTokenTheActionDoesNotDocument()
    {
        using var test = new TestClient(retries: true).AnswerSpecSuccess();

        await test.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1" });

        Assert.True(test.Options.AutoClientToken);
        Assert.DoesNotContain("ClientToken", test.LastForm.Fields.Keys);
    }

    [Fact]
    public async Task StopInstanceAsync_LostAnswer_IsNotRepeated()
    {
        using var test = new TestClient(retries: true).AnswerInTurn(TestClient.Lost(), TestClient.SpecSuccess);

        var error = await Assert.ThrowsAsync<EcsTransportException>(() =>
            test.RunAsync(test.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1" })));

        Assert.Single(test.Sent);
        Assert.Null(error.ClientToken);
    }

    [Fact]
    public async Task StartInstanceAsync_EveryParameter_SendsEachInItsDocumentedForm()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        var response = await test.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-bp67acfmxazb4p****", InitLocalDisk = true, DryRun = false });

        Assert.Equal(
            new Dictionary<string, string> { ["InstanceId"] = "i-bp67acfmxazb4p****", ["InitLocalDisk"] = "true", ["DryRun"] = "false" },
            test.LastForm.OperationFields());
        Assert.Equal("StartInstance", test.LastForm["Action"]);
        Assert.Equal(new StartInstanceResponse(TestClient.RequestId), response);
    }

    [Fact]
    public async Task StopInstanceAsync_DryRunAnsweredDryRunOperation_ReturnsADryRunResponse()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, PassedDryRun);

        var response = await test.Client.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1", DryRun = true });

        Assert.Equal(new StopInstanceResponse(TestClient.RequestId, DryRun: true), response);
        Assert.Equal("true", test.LastForm["DryRun"]);
    }

    [Fact]
    public async Task TryStartInstanceAsync_DryRunAnsweredDryRunOperation_ReturnsSuccess()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, PassedDryRun);

        var result = await test.Client.TryStartInstanceAsync(new StartInstanceRequest { InstanceId = "i-1", DryRun = true });

        Assert.True(result.IsSuccess);
        Assert.Equal(new StartInstanceResponse(TestClient.RequestId, DryRun: true), result.Value);
    }

    [Fact]
    public async Task StartInstanceAsync_DryRunOperationWithoutADryRun_StaysAnError()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, PassedDryRun);

        var error = await Assert.ThrowsAsync<EcsServiceException>(() => test.Client.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-1" }));

        Assert.Equal("DryRunOperation", error.ErrorCode);
    }

    [Fact]
    public async Task TryStopInstanceAsync_IncorrectInstanceStatus_ReturnsTheErrorWithoutThrowing()
    {
        using var test = new TestClient().AnswerError(403, "IncorrectInstanceStatus");

        var result = await test.Client.TryStopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1" });

        Assert.False(result.IsSuccess);
        Assert.Equal(("IncorrectInstanceStatus", EcsErrorFamily.IncorrectInstanceState), (result.Error!.ErrorCode, result.Error.Family));
    }
}
