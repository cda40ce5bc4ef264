using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>
/// The ClientToken rule the documents state for both operations (000-004): ASCII only, at most 64 characters. An empty
/// token is no token (an inference: no document says).
/// </summary>
public sealed class ClientTokenRulesTests
{
    public static TheoryData<string> Actions => [Wire.Prepay, Wire.Spec];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task ClientToken_AsciiWithSpacesTabsAndControlCharacters_IsAccepted(string action)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, action, Change(action, ("ClientToken", "a b\tc\u0000\u0001\u007f")));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task ClientToken_SixtyFourCharacters_IsAccepted(string action)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, action, Change(action, ("ClientToken", new string('t', 64))));

        Assert.True(answer.IsSuccess, answer.ToString());
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task ClientToken_SixtyFiveCharacters_IsRefusedWithInvalidClientToken(string action)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, action, Change(action, ("ClientToken", new string('t', 65))));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidClientToken.ValueNotSupported", "The ClientToken provided is invalid."),
            (answer.Status, answer.Code, answer.Message));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task ClientToken_NonAscii_IsRefusedWithInvalidClientToken(string action)
    {
        await using var h = await Harness.StartAsync();

        var answer = await Wire.CallAsync(h, action, Change(action, ("ClientToken", "token-\u00e9")));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidClientToken.ValueNotSupported", "The ClientToken provided is invalid."),
            (answer.Status, answer.Code, answer.Message));
    }

    [Fact]
    public async Task ClientToken_Empty_IsTreatedAsNoToken()
    {
        await using var h = await Harness.StartAsync();

        var first = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", ("ClientToken", "")));
        h.Time.Advance(TimeSpan.FromSeconds(10));
        var second = await Wire.CallAsync(h, Wire.Prepay, Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.2xlarge", ("ClientToken", "")));

        Assert.True(first.IsSuccess && second.IsSuccess, $"{first} / {second}");
        Assert.All(h.State.Orders, o => Assert.Null(o.ClientToken));
        Assert.Equal(2, h.State.Orders.Count);
    }

    private static (string, string)[] Change(string action, (string, string) token) => action == Wire.Prepay
        ? Wire.PrepayOf("i-prepaid-running-01", "ecs.g5.xlarge", token)
        : [("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", "8"), token];
}
