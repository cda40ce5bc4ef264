using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>What <c>ModifyPrepayInstanceSpec</c> puts on the wire, parameter by parameter.</summary>
public sealed class ModifyPrepayInstanceSpecWireTests
{
    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_RequiredParametersOnly_SendsExactlyThemAndNoUnsetOptionals()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-hangzhou",
                ["InstanceId"] = "i-bp67acfmxazb4ph****",
                ["InstanceType"] = "ecs.g5.xlarge",
            },
            test.LastForm.OperationFields());
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_EveryParameterSet_SendsEachInItsDocumentedNameAndFormat()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with
        {
            OperatorType = OperatorType.Downgrade,
            ClientToken = "123e4567-e89b-12d3-a456-426655440000",
            AutoPay = false,
            MigrateAcrossZone = true,
            SystemDiskCategory = SystemDiskCategory.CloudEfficiency,
            RebootTime = new DateTimeOffset(2018, 1, 1, 20, 5, 42, TimeSpan.FromHours(8)),
            EndTime = new DateTimeOffset(2018, 1, 2, 12, 5, 0, TimeSpan.Zero),
            RebootWhenFinished = true,
            ModifyMode = "OfflineModify",
            Disks =
            [
                new ModifyPrepayInstanceSpecDisk { DiskId = "d-1", Category = "cloud_essd", PerformanceLevel = "PL1" },
                new ModifyPrepayInstanceSpecDisk { Category = "cloud_auto" },
            ],
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-hangzhou",
                ["InstanceId"] = "i-bp67acfmxazb4ph****",
                ["InstanceType"] = "ecs.g5.xlarge",
                ["OperatorType"] = "downgrade",
                ["ClientToken"] = "123e4567-e89b-12d3-a456-426655440000",
                ["AutoPay"] = "false",
                ["MigrateAcrossZone"] = "true",
                ["SystemDisk.Category"] = "cloud_efficiency",
                ["RebootTime"] = "2018-01-01T12:05Z",
                ["EndTime"] = "2018-01-02T12:05Z",
                ["RebootWhenFinished"] = "true",
                ["ModifyMode"] = "OfflineModify",
                ["Disk.1.DiskId"] = "d-1",
                ["Disk.1.Category"] = "cloud_essd",
                ["Disk.1.PerformanceLevel"] = "PL1",
                ["Disk.2.Category"] = "cloud_auto",
            },
            test.LastForm.OperationFields());
    }

    [Theory]
    [InlineData(OperatorType.Upgrade, "upgrade")]
    [InlineData(OperatorType.Downgrade, "downgrade")]
    public async Task ModifyPrepayInstanceSpecAsync_OperatorType_SendsDocumentedLowerCaseValue(OperatorType value, string wire)
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { OperatorType = value, AutoPay = true });

        Assert.Equal(wire, test.LastForm["OperatorType"]);
        Assert.Equal("true", test.LastForm["AutoPay"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_OperatorTypeUnset_SendsNoOperatorTypeForTheServiceToDecide()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { OperatorType = null });

        Assert.False(test.LastForm.Fields.ContainsKey("OperatorType"));
    }

    [Theory]
    [InlineData(SystemDiskCategory.CloudEfficiency, "cloud_efficiency")]
    [InlineData(SystemDiskCategory.CloudSsd, "cloud_ssd")]
    public async Task ModifyPrepayInstanceSpecAsync_SystemDiskCategory_SendsDocumentedValue(SystemDiskCategory value, string wire)
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { SystemDiskCategory = value });

        Assert.Equal(wire, test.LastForm["SystemDisk.Category"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_AnyCall_SendsCommonParametersSignedForPostAtRoot()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        var form = test.LastForm;
        Assert.Equal("ModifyPrepayInstanceSpec", form["Action"]);
        Assert.Equal("2014-05-26", form["Version"]);
        Assert.Equal("JSON", form["Format"]);
        Assert.Equal(TestClient.AccessKeyId, form["AccessKeyId"]);
        Assert.Equal("HMAC-SHA1", form["SignatureMethod"]);
        Assert.Equal("1.0", form["SignatureVersion"]);
        Assert.Equal("2026-11-23T08:30:15Z", form["Timestamp"]);
        Assert.True(Guid.TryParse(form["SignatureNonce"], out _));
        Assert.False(form.Fields.ContainsKey("SecurityToken"));
        Assert.Equal(form.ExpectedSignature(TestClient.AccessKeySecret), form["Signature"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_SecurityTokenConfigured_SendsAndSignsIt()
    {
        using var test = new TestClient(o => o.SecurityToken = "CAIS+sts/token==").AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Equal("CAIS+sts/token==", test.LastForm["SecurityToken"]);
        Assert.Equal(test.LastForm.ExpectedSignature(TestClient.AccessKeySecret), test.LastForm["Signature"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_TwoCalls_UseDifferentNoncesAndTheCurrentTime()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());
        test.Time.Advance(TimeSpan.FromSeconds(61));
        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.NotEqual(test.Sent[0]["SignatureNonce"], test.Sent[1]["SignatureNonce"]);
        Assert.Equal("2026-11-23T08:31:16Z", test.Sent[1]["Timestamp"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_NonAsciiAndReservedCharacters_AreEncodedAndSignedCorrectly()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { InstanceId = "i-测试 *+/~&=", ClientToken = "a b*c" });

        Assert.Equal("i-测试 *+/~&=", test.LastForm["InstanceId"]);
        Assert.Contains("InstanceId=i-%E6%B5%8B%E8%AF%95%20%2A%2B%2F~%26%3D", test.LastForm.Raw, StringComparison.Ordinal);
        Assert.Equal(test.LastForm.ExpectedSignature(TestClient.AccessKeySecret), test.LastForm["Signature"]);
    }
}
