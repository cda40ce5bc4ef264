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
        { "ClientToken empty", TestClient.Prepay() with { ClientToken = string.Empty }, "ClientToken", "1 to 64 characters" },
        { "ClientToken non-ASCII", TestClient.Prepay() with { ClientToken = "tökén" }, "ClientToken", "printable ASCII" },
        { "ClientToken control", TestClient.Prepay() with { ClientToken = "a\nb" }, "ClientToken", "printable ASCII" },
        { "ClientToken blank", TestClient.Prepay() with { ClientToken = "   " }, "ClientToken", "white space" },
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
        { "nothing to change", new ModifyInstanceSpecRequest { InstanceId = "i-1" }, "InstanceType", "needs something to change" },
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
        { "ClientToken non-ASCII", TestClient.Spec() with { ClientToken = "令牌" }, "ClientToken", "printable ASCII" },
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

    [Fact]
    public async Task ModifyInstanceSpecAsync_TemporaryWindowWithoutTemporaryBandwidth_ThrowsNamingTemporaryInternetMaxBandwidthOutAndSendsNothing()
    {
        using var test = new TestClient().ExpectNothingSent();
        var window = Temporary() with { TemporaryInternetMaxBandwidthOut = null };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => test.Client.ModifyInstanceSpecAsync(window));

        Assert.Equal("TemporaryInternetMaxBandwidthOut", error.ParamName);
        Assert.StartsWith("Temporary.StartTime and Temporary.EndTime need Temporary.InternetMaxBandwidthOut", error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Sent);
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
