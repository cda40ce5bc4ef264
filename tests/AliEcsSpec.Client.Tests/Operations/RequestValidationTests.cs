using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>Every documented rule is checked before any I/O: the error names the parameter and the rule.</summary>
public sealed class RequestValidationTests
{
    public static TheoryData<string, ModifyPrepayInstanceSpecRequest, string, string> InvalidPrepayRequests => new()
    {
        { "RegionId null", TestClient.Prepay() with { RegionId = null! }, "RegionId", "RegionId is required" },
        { "RegionId blank", TestClient.Prepay() with { RegionId = "  " }, "RegionId", "RegionId must not be empty" },
        { "RegionId not an id", TestClient.Prepay() with { RegionId = "cn hangzhou/x" }, "RegionId", "not a region ID" },
        { "InstanceId null", TestClient.Prepay() with { InstanceId = null! }, "InstanceId", "InstanceId is required" },
        { "InstanceId empty", TestClient.Prepay() with { InstanceId = string.Empty }, "InstanceId", "InstanceId must not be empty" },
        { "InstanceId lone surrogate", TestClient.Prepay() with { InstanceId = "i-\ud800" }, "InstanceId", "well-formed Unicode" },
        { "InstanceType null", TestClient.Prepay() with { InstanceType = null! }, "InstanceType", "InstanceType is required" },
        { "InstanceType blank", TestClient.Prepay() with { InstanceType = "\t" }, "InstanceType", "InstanceType must not be empty" },
        { "OperatorType undefined", TestClient.Prepay() with { OperatorType = (OperatorType)7 }, "OperatorType", "no documented value" },
        { "SystemDiskCategory undefined", TestClient.Prepay() with { SystemDiskCategory = (SystemDiskCategory)9 }, "SystemDiskCategory", "SystemDisk.Category" },
        { "ClientToken too long", TestClient.Prepay() with { ClientToken = new string('a', 65) }, "ClientToken", "1 to 64 characters" },
        { "ClientToken empty", TestClient.Prepay() with { ClientToken = string.Empty }, "ClientToken", "pass null to send no ClientToken" },
        { "ClientToken non-ASCII", TestClient.Prepay() with { ClientToken = "tökén" }, "ClientToken", "only ASCII characters (found U+00F6 at index 1)" },
        { "ClientToken DEL is ASCII, U+0080 is not", TestClient.Prepay() with { ClientToken = "\u007f\u0080" }, "ClientToken", "found U+0080" },
        { "ModifyMode blank", TestClient.Prepay() with { ModifyMode = " " }, "ModifyMode", "ModifyMode must not be empty" },
        { "Disk null item", TestClient.Prepay() with { Disks = [null!] }, "Disks", "Disks[0] (Disk.1) must not be null" },
        { "Disk empty item", TestClient.Prepay() with { Disks = [new ModifyPrepayInstanceSpecDisk()] }, "Disks", "sets none of" },
        { "Disk id without category", TestClient.Prepay() with { Disks = [new() { Category = "c" }, new() { DiskId = "d-2" }] }, "Disks", "Disk.2.Category is required when Disk.2.DiskId is set" },
        { "Disk blank level", TestClient.Prepay() with { Disks = [new() { DiskId = "d", Category = "c", PerformanceLevel = "" }] }, "Disks", "Disk.1.PerformanceLevel must not be empty" },
    };

    public static TheoryData<string, ModifyInstanceSpecRequest, string, string> InvalidSpecRequests => new()
    {
        { "InstanceId null", TestClient.Spec() with { InstanceId = null! }, "InstanceId", "InstanceId is required" },
        { "InstanceId blank", TestClient.Spec() with { InstanceId = " " }, "InstanceId", "InstanceId must not be empty" },
        { "RegionId blank", TestClient.Spec() with { RegionId = "" }, "RegionId", "RegionId must not be empty" },
        { "InstanceType blank", TestClient.Spec() with { InstanceType = " " }, "InstanceType", "InstanceType must not be empty" },
        { "nothing asked", new ModifyInstanceSpecRequest { InstanceId = "i-1" }, "InstanceType", "ModifyInstanceSpec asks for nothing" },
        { "only options, nothing asked", new ModifyInstanceSpecRequest { InstanceId = "i-1", Async = true, AllowMigrateAcrossZone = true, ModifyMode = "m", DryRun = false }, "InstanceType", "asks for nothing" },
        { "ModifyMode blank", TestClient.Spec() with { ModifyMode = "" }, "ModifyMode", "ModifyMode must not be empty" },
        { "Disk null item", TestClient.Spec() with { Disks = [null!] }, "Disks", "Disks[0] (Disk.1) must not be null" },
        { "Disk empty item", TestClient.Spec() with { Disks = [new() { DiskId = "d-1" }, new ModifyInstanceSpecDisk()] }, "Disks", "Disks[1] (Disk.2) sets none of" },
        { "type and bandwidth", TestClient.Spec() with { InternetMaxBandwidthOut = 10 }, "InstanceType", "either the instance type or the public bandwidth" },
        { "type and temporary", TestClient.Spec() with { TemporaryInternetMaxBandwidthOut = 10, TemporaryStartTime = TestClient.Now, TemporaryEndTime = TestClient.Now.AddHours(1) }, "InstanceType", "not both" },
        { "out below 0", Bandwidth() with { InternetMaxBandwidthOut = -1 }, "InternetMaxBandwidthOut", "InternetMaxBandwidthOut must be between 0 and 100" },
        { "out above 100", Bandwidth() with { InternetMaxBandwidthOut = 101 }, "InternetMaxBandwidthOut", "between 0 and 100" },
        { "in below 1", Bandwidth() with { InternetMaxBandwidthIn = 0 }, "InternetMaxBandwidthIn", "InternetMaxBandwidthIn must be between 1 and 200" },
        { "in above 200", Bandwidth() with { InternetMaxBandwidthIn = 201 }, "InternetMaxBandwidthIn", "between 1 and 200" },
        { "temporary out 0", Temporary() with { TemporaryInternetMaxBandwidthOut = 0 }, "TemporaryInternetMaxBandwidthOut", "Temporary.InternetMaxBandwidthOut must be between 1 and 100" },
        { "temporary out 101", Temporary() with { TemporaryInternetMaxBandwidthOut = 101 }, "TemporaryInternetMaxBandwidthOut", "between 1 and 100" },
        { "temporary without start", Temporary() with { TemporaryStartTime = null }, "TemporaryStartTime", "Temporary.StartTime and Temporary.EndTime go together; TemporaryStartTime is missing" },
        { "temporary without end", Temporary() with { TemporaryEndTime = null }, "TemporaryEndTime", "go together; TemporaryEndTime is missing" },
        { "temporary bandwidth without times", Temporary() with { TemporaryStartTime = null, TemporaryEndTime = null }, "TemporaryStartTime", "Temporary.InternetMaxBandwidthOut needs Temporary.StartTime and Temporary.EndTime" },
        { "temporary end before start", Temporary() with { TemporaryEndTime = TestClient.Now.AddHours(-1) }, "TemporaryEndTime", "after Temporary.StartTime" },
        { "temporary end equals start to the second", Temporary() with { TemporaryEndTime = TestClient.Now.AddMilliseconds(500) }, "TemporaryEndTime", "after Temporary.StartTime" },
        { "ClientToken too long", TestClient.Spec() with { ClientToken = new string('x', 65) }, "ClientToken", "1 to 64 characters" },
        { "ClientToken non-ASCII", TestClient.Spec() with { ClientToken = "令牌" }, "ClientToken", "only ASCII characters (found U+4EE4 at index 0)" },
        { "ClientToken empty", TestClient.Spec() with { ClientToken = "" }, "ClientToken", "(was empty); pass null to send no ClientToken" },
        { "SystemDiskCategory undefined", TestClient.Spec() with { SystemDiskCategory = (SystemDiskCategory)(-1) }, "SystemDiskCategory", "SystemDisk.Category" },
    };

    [Theory]
    [MemberData(nameof(InvalidPrepayRequests))]
    public async Task ModifyPrepayInstanceSpecAsync_BrokenRule_ThrowsNamingParameterAndSendsNothing(
        string rule, ModifyPrepayInstanceSpecRequest request, string parameter, string message)
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => test.Client.ModifyPrepayInstanceSpecAsync(request));

        Assert.True(parameter == error.ParamName, $"{rule}: ParamName was {error.ParamName}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Sent);
    }

    [Theory]
    [MemberData(nameof(InvalidSpecRequests))]
    public async Task ModifyInstanceSpecAsync_BrokenRule_ThrowsNamingParameterAndSendsNothing(
        string rule, ModifyInstanceSpecRequest request, string parameter, string message)
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => test.Client.ModifyInstanceSpecAsync(request));

        Assert.True(parameter == error.ParamName, $"{rule}: ParamName was {error.ParamName}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Sent);
    }

    [Theory]
    [MemberData(nameof(InvalidSpecRequests))]
    public async Task TryModifyInstanceSpecAsync_BrokenRule_StillThrows(
        string rule, ModifyInstanceSpecRequest request, string parameter, string message)
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => test.Client.TryModifyInstanceSpecAsync(request));

        Assert.True(parameter == error.ParamName, rule);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModifyPrepayInstanceSpecAsync_InvalidRequest_ThrowsSynchronouslyBeforeReturningATask()
    {
        using var test = new TestClient().ExpectNothingSent();

        Task? returned = null;
        var error = Record.Exception(() => { returned = test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { InstanceId = null! }); });

        Assert.IsType<ArgumentNullException>(error);
        Assert.Null(returned);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_NullRequest_ThrowsArgumentNullException()
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => test.Client.ModifyInstanceSpecAsync(null!));

        Assert.Equal("request", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task ModifyInstanceSpecAsync_BandwidthOutAtTheDocumentedBounds_IsSent(int bandwidth)
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(Bandwidth() with { InternetMaxBandwidthOut = bandwidth });

        Assert.Equal(bandwidth.ToString(System.Globalization.CultureInfo.InvariantCulture), test.LastForm["InternetMaxBandwidthOut"]);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_ClientTokenOf64PrintableAsciiCharacters_IsSent()
    {
        var token = new string('~', 32) + new string(' ', 1) + new string('!', 31);
        using var test = new TestClient().AnswerPrepaySuccess();

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = token });

        Assert.Equal(token, test.LastForm["ClientToken"]);
        Assert.Equal(token, response.ClientToken);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("a\tb")]
    [InlineData("line\nbreak")]
    [InlineData("\u0000\u007f")]
    [InlineData("0c593ea1-3bea-11e9-b96b-88e9fe637760")]
    public async Task ModifyInstanceSpecAsync_AnyAsciiClientToken_IsSentAsGiven(string token)
    {
        using var test = new TestClient().AnswerSpecSuccess();

        var response = await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = token });

        Assert.Equal(token, test.LastForm["ClientToken"]);
        Assert.Equal(token, response.ClientToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_TemporaryWindowWithoutTemporaryBandwidth_IsSentForTheServiceToAnswer()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(Temporary() with { TemporaryInternetMaxBandwidthOut = null });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["InstanceId"] = "i-1",
                ["Temporary.StartTime"] = "2026-11-23T08:30:15Z",
                ["Temporary.EndTime"] = "2026-11-23T10:30:15Z",
            },
            test.LastForm.OperationFields());
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_OnlyADryRun_IsSent()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-1", DryRun = true });

        Assert.Equal(new Dictionary<string, string> { ["InstanceId"] = "i-1", ["DryRun"] = "true" }, test.LastForm.OperationFields());
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_OnlyADiskChange_IsSentWithoutTheCategoryTheOtherOperationRequires()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-1", Disks = [new() { DiskId = "d-1" }] });

        Assert.Equal(new Dictionary<string, string> { ["InstanceId"] = "i-1", ["Disk.1.DiskId"] = "d-1" }, test.LastForm.OperationFields());
    }

    private static ModifyInstanceSpecRequest Bandwidth() => new() { InstanceId = "i-1", InternetMaxBandwidthOut = 10 };

    private static ModifyInstanceSpecRequest Temporary() => new()
    {
        InstanceId = "i-1",
        TemporaryStartTime = TestClient.Now,
        TemporaryEndTime = TestClient.Now.AddHours(2),
        TemporaryInternetMaxBandwidthOut = 50,
    };
}
