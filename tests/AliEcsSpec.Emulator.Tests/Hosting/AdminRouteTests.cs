using System.Net;
using System.Text;
using System.Text.Json;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Hosting;

/// <summary>The admin routes: any HTTP client scripts faults and throttling and resets the state at run time.</summary>
public sealed class AdminRouteTests
{
    private static readonly ModifyInstanceSpecRequest Bandwidth = new() { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 };

    [Fact]
    public async Task PostFaults_NamedFault_AnswersTheNextCallsThenTheRealAnswer()
    {
        await using var h = await AdminHarnessAsync();

        var posted = await PostAsync(h, "/_emulator/faults", """{ "kind": "internal-error", "count": 1, "action": "ModifyInstanceSpec" }""");
        var first = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);
        var second = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal((HttpStatusCode.NoContent, "InternalError", true), (posted.StatusCode, first.Error?.ErrorCode, second.IsSuccess));
    }

    [Fact]
    public async Task PostFaults_ErrorKind_AnswersThatStatusAndCode()
    {
        await using var h = await AdminHarnessAsync();

        await PostAsync(h, "/_emulator/faults", """{ "kind": "error", "status": 403, "code": "Forbidden.RAM", "instanceId": "i-postpaid-running-01" }""");
        var result = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden.RAM"), (result.Error?.StatusCode, result.Error?.ErrorCode));
    }

    [Theory]
    [InlineData("""{ "kind": "meteor" }""", "kind must be one of")]
    [InlineData("""{ "kind": "error", "code": "X" }""", "needs status")]
    [InlineData("""{ "kind": "throttling", "count": 0 }""", "count must be at least 1")]
    [InlineData("not json", "not this route's JSON")]
    public async Task PostFaults_BadBody_Answers400WithTheReason(string body, string reason)
    {
        await using var h = await AdminHarnessAsync();

        var response = await PostAsync(h, "/_emulator/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, ErrorOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteFaults_AfterScriptedAndRandomFaults_CallsSucceed()
    {
        await using var h = await AdminHarnessAsync();
        await PostAsync(h, "/_emulator/faults", """{ "kind": "throttling", "count": 5 }""");
        await PostAsync(h, "/_emulator/faults/random", """{ "rate": 1, "seed": 1 }""");

        using var http = new HttpClient();
        var deleted = await http.DeleteAsync(new Uri(h.Emulator.Endpoint, "/_emulator/faults"));
        var result = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal((HttpStatusCode.NoContent, true), (deleted.StatusCode, result.IsSuccess));
    }

    [Fact]
    public async Task PostRandomFaults_RateOne_EveryCallAnswersAFaultOfTheMix()
    {
        await using var h = await AdminHarnessAsync();

        var posted = await PostAsync(h, "/_emulator/faults/random", """{ "rate": 1, "seed": 7, "mix": ["service-unavailable"], "key": "InstanceCallOrder" }""");
        var result = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal((HttpStatusCode.NoContent, "ServiceUnavailable"), (posted.StatusCode, result.Error?.ErrorCode));
    }

    [Theory]
    [InlineData("""{ "rate": 1.5, "seed": 1 }""")]
    [InlineData("""{ "rate": 0.5, "mix": ["meteor"] }""")]
    public async Task PostRandomFaults_BadBody_Answers400(string body)
    {
        await using var h = await AdminHarnessAsync();

        var response = await PostAsync(h, "/_emulator/faults/random", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostThrottling_BurstSpent_RefusesWithTheRetryAfterHint()
    {
        await using var h = await AdminHarnessAsync();

        var posted = await PostAsync(h, "/_emulator/throttling", """{ "rate": 0.001, "burst": 1, "retryAfterSeconds": 1.5 }""");
        using var first = await RawRpc.SendForResponseAsync(h.Emulator.Endpoint, "POST", SignedBandwidthCall(20));
        using var second = await RawRpc.SendForResponseAsync(h.Emulator.Endpoint, "POST", SignedBandwidthCall(30));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.BadRequest), (posted.StatusCode, first.StatusCode, second.StatusCode));
        Assert.Contains("Throttling", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), second.Headers.RetryAfter?.Delta);
        Assert.Equal((0.001, 1, TimeSpan.FromSeconds(1.5)), (h.Emulator.Throttling.RequestsPerSecond, h.Emulator.Throttling.Burst, h.Emulator.Throttling.RetryAfter));
    }

    [Fact]
    public async Task DeleteThrottling_WhileThrottled_CallsSucceedAgain()
    {
        await using var h = await AdminHarnessAsync(o => (o.ThrottleRequestsPerSecond, o.ThrottleBurst, o.ChangeCooldown) = (0.001, 1, TimeSpan.Zero));
        await h.Client.TryModifyInstanceSpecAsync(Bandwidth);
        var throttled = await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 30 });

        using var http = new HttpClient();
        var deleted = await http.DeleteAsync(new Uri(h.Emulator.Endpoint, "/_emulator/throttling"));
        var after = await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 40 });

        Assert.Equal(("Throttling", HttpStatusCode.NoContent, true), (throttled.Error?.ErrorCode, deleted.StatusCode, after.IsSuccess));
        Assert.Null(h.Emulator.Throttling.RequestsPerSecond);
    }

    [Fact]
    public async Task PostThrottling_RateZero_Answers400()
    {
        await using var h = await AdminHarnessAsync();

        var response = await PostAsync(h, "/_emulator/throttling", """{ "rate": 0 }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostReset_AfterChanges_StateIsTheSeedAgain()
    {
        await using var h = await AdminHarnessAsync();
        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge"));
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var reset = await PostAsync(h, "/_emulator/reset", string.Empty);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal((0, 0, 0), (h.State.Orders.Count, h.State.Changes.Count, h.State.RequestLog.Count));
        Assert.Equal("ecs.g5.large", h.State.GetInstance("i-prepaid-running-01")!.InstanceType);
        var again = await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge"));
        Assert.Equal("202611230000001", again.OrderId);
    }

    [Theory]
    [InlineData("GET", "/_emulator/reset", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/_emulator/faults", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/_emulator/nothing", HttpStatusCode.NotFound)]
    public async Task AdminRoute_UnknownMethodOrRoute_AnswersItsStatus(string method, string route, HttpStatusCode expected)
    {
        await using var h = await AdminHarnessAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(h.Emulator.Endpoint, route)));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoutes_Disabled_ResetAnswers404AndChangesNothing()
    {
        await using var h = await Harness.StartAsync();
        await h.Client.ModifyInstanceSpecAsync(Bandwidth);

        var response = await PostAsync(h, "/_emulator/reset", string.Empty);

        Assert.Equal((HttpStatusCode.NotFound, 1), (response.StatusCode, h.State.Changes.Count));
    }

    private static Task<Harness> AdminHarnessAsync(Action<EcsEmulatorOptions>? configure = null) =>
        Harness.StartAsync(o =>
        {
            o.EnableAdminRoutes = true;
            configure?.Invoke(o);
        });

    private static async Task<HttpResponseMessage> PostAsync(Harness h, string route, string json)
    {
        using var http = new HttpClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(h.Emulator.Endpoint, route), content);
    }

    private static Dictionary<string, string> SignedBandwidthCall(int bandwidth) =>
        RawRpc.Signed("POST", RawRpc.Call("ModifyInstanceSpec", ("InstanceId", "i-postpaid-running-01"), ("InternetMaxBandwidthOut", bandwidth.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static string ErrorOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("error").GetString()!;
    }
}
