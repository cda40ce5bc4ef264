using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>Booleans, times and malformed values, each answered with the code of its own parameter.</summary>
public sealed class WireValueRulesTests
{
    [Theory]
    [InlineData("AutoPay", "True")]
    [InlineData("AutoPay", "TRUE")]
    [InlineData("MigrateAcrossZone", "False")]
    [InlineData("RebootWhenFinished", "True")]
    public async Task ModifyPrepayInstanceSpec_BooleanInAnyCase_IsAccepted(string name, string value)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", (name, value)));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Theory]
    [InlineData("Async", "True")]
    [InlineData("AllowMigrateAcrossZone", "FALSE")]
    [InlineData("DryRun", "False")]
    public async Task ModifyInstanceSpec_BooleanInAnyCase_IsAccepted(string name, string value)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"), (name, value));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Theory]
    [InlineData("AutoPay")]
    [InlineData("MigrateAcrossZone")]
    [InlineData("RebootWhenFinished")]
    public async Task ModifyPrepayInstanceSpec_MalformedBoolean_IsRefusedWithInvalidParameterNamingIt(string name)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", (name, "yes")));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), answer.StatusAndCode);
        Assert.Contains(name, answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Async")]
    [InlineData("DryRun")]
    public async Task ModifyInstanceSpec_MalformedBoolean_IsRefusedWithInvalidParameterNamingIt(string name)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"), (name, "1"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), answer.StatusAndCode);
        Assert.Contains(name, answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpec_MalformedAllowMigrateAcrossZone_IsRefusedWithInvalidParameterAllowMigrateAcrossZone()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"), ("AllowMigrateAcrossZone", "1"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter.AllowMigrateAcrossZone"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyInstanceSpec_MalformedSystemDiskCategory_IsRefusedWithInvalidParamSystemDiskCategory()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Spec, ("InstanceId", "i-postpaid-stopped-01"), ("InstanceType", "ecs.g6.xlarge"), ("SystemDisk.Category", "floppy"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParam.SystemDiskCategory"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_MalformedSystemDiskCategory_IsRefusedWithInvalidParameterNamingIt()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", ("SystemDisk.Category", "floppy")));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), answer.StatusAndCode);
        Assert.Contains("SystemDisk.Category", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RebootTime", "2026-11-24T03:00Z")]
    [InlineData("RebootTime", "2026-11-24T03:00:00Z")]
    [InlineData("EndTime", "2027-01-01T00:00Z")]
    [InlineData("EndTime", "2027-01-01T00:00:00Z")]
    public async Task ModifyPrepayInstanceSpec_TimeInEitherDocumentedForm_IsAccepted(string name, string value)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", (name, value)));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_MalformedEndTime_IsRefusedWithInvalidParameterNamingEndTimeAndNoOrder()
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", ("EndTime", "not-a-time")));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), answer.StatusAndCode);
        Assert.Contains("EndTime", answer.Message, StringComparison.Ordinal);
        Assert.Empty(h.State.Orders);
    }

    [Theory]
    [InlineData("not-a-time")]
    [InlineData("2026-11-24 03:00:00")]
    [InlineData("2026-11-24T03:00:00+08:00")]
    public async Task ModifyPrepayInstanceSpec_MalformedRebootTime_IsRefusedWithInvalidRebootTimeMalFormed(string value)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", ("RebootTime", value)));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRebootTime.MalFormed"), answer.StatusAndCode);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_OlderRevisionMalformedEndTime_IsAcceptedAsAParameterDocument000DoesNotHave()
    {
        await using var h = await Harness.StartAsync(o => o.DocumentRevision = EmulatorDocumentRevision.Older);

        var answer = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-stopped-01", "ecs.g5.2xlarge", ("EndTime", "not-a-time")));

        Assert.True(answer.IsSuccess, answer.ToString());
    }
}
