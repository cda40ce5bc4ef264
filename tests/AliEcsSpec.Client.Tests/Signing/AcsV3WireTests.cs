using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Signing;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Signing;

/// <summary>
/// What a call with <see cref="SignatureVersion.V3"/> puts on the wire, attempt by attempt: checked header by header,
/// and its <c>Authorization</c> recomputed by the independent <see cref="AcsV3Oracle"/> from what was received.
/// </summary>
public sealed class AcsV3WireTests
{
    private const string Token = "CAIS8gF1q6Ft5B2yfSjIr5bSEsj+token/with=specials";

    private static TestClient V3(bool retries = false, string? token = null) =>
        new(o => { o.SignatureVersion = SignatureVersion.V3; o.SecurityToken = token; }, retries: retries);

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureVersionV3_SendsTheSignedHeadersAndOnlyTheOperationParametersInTheBody()
    {
        using var test = V3();
        var attempts = Record(test, TestClient.SpecSuccess);

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "0c593ea1-3bea-11e9-b96b-88e9fe637760" });

        var sent = Assert.Single(attempts);
        const string body = "ClientToken=0c593ea1-3bea-11e9-b96b-88e9fe637760&InstanceId=i-bp67acfmxazb4p%2A%2A%2A%2A&InstanceType=ecs.g6.large";
        Assert.Equal(body, sent.Body);
        Assert.Equal(string.Empty, sent.Query);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.Matches("^[0-9a-f]{32}$", sent.Headers["x-acs-signature-nonce"]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Host"] = "ecs.cn-hangzhou.aliyuncs.com",
                ["x-acs-action"] = "ModifyInstanceSpec",
                ["x-acs-version"] = "2014-05-26",
                ["x-acs-date"] = "2026-11-23T08:30:15Z",
                ["x-acs-signature-nonce"] = sent.Headers["x-acs-signature-nonce"],
                ["x-acs-content-sha256"] = AcsV3Oracle.Hex(SHA256.HashData(Encoding.ASCII.GetBytes(body))),
                ["Authorization"] = sent.OracleAuthorization(),
            },
            sent.Headers);
        Assert.StartsWith(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=",
            sent.Headers["Authorization"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureVersionV3WithStsToken_SendsAndSignsTheTokenHeader()
    {
        using var test = V3(token: Token);
        var attempts = Record(test, TestClient.SpecSuccess);

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec());

        var sent = Assert.Single(attempts);
        Assert.Equal(Token, sent.Headers["x-acs-security-token"]);
        Assert.Contains(
            "SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,",
            sent.Headers["Authorization"],
            StringComparison.Ordinal);
        Assert.Equal(sent.OracleAuthorization(), sent.Headers["Authorization"]);
        Assert.DoesNotContain("SecurityToken", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureVersionV3ThrottledTwice_SignsEveryAttemptWithAFreshNonceDateAndSignature()
    {
        using var test = V3(retries: true);
        var attempts = Record(test, TestClient.Error(400, "Throttling"), TestClient.Error(400, "Throttling"), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(3, attempts.Count);
        Assert.Equal(3, attempts.Select(a => a.Headers["x-acs-signature-nonce"]).Distinct().Count());
        Assert.Equal(3, attempts.Select(a => a.Headers["Authorization"]).Distinct().Count());
        var dates = attempts.Select(a => a.Headers["x-acs-date"]).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal).ToList(), dates);
        Assert.Equal(3, dates.Distinct().Count());
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.All(attempts, a => Assert.Equal(a.OracleAuthorization(), a.Headers["Authorization"]));
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureVersionV3TimestampExpired_ResignsWithTheServerClockInXAcsDate()
    {
        var serverNow = TestClient.Now.AddMinutes(20);
        using var test = V3(retries: true);
        var attempts = Record(test, TestClient.Error(400, "InvalidTimeStamp.Expired", r => r.Headers.Date = serverNow), TestClient.SpecSuccess);

        await test.RunAsync(test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("2026-11-23T08:30:15Z", attempts[0].Headers["x-acs-date"]);
        var corrected = DateTimeOffset.Parse(attempts[1].Headers["x-acs-date"], CultureInfo.InvariantCulture);
        Assert.InRange(corrected, serverNow, serverNow.AddSeconds(1));
        Assert.Equal(attempts[1].OracleAuthorization(), attempts[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureVersionV3MismatchEchoingSignatureAndToken_ShowsThemMasked()
    {
        using var test = V3(token: Token);
        var attempts = Record(test, request =>
        {
            var echoed = "Specified signature is not matched with our calculation. Authorization: "
                         + request.Headers.NonValidated["Authorization"] + " x-acs-security-token:" + request.Headers.NonValidated["x-acs-security-token"];
            return TestClient.Reply(400, TestClient.ErrorBody("SignatureDoesNotMatch", echoed))(request);
        });

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        var signature = attempts[0].Headers["Authorization"].Split("Signature=")[1];
        Assert.Matches("^[0-9a-f]{64}$", signature);
        foreach (var text in new[] { error.Message, error.ServiceMessage, error.ToString(), error.Error.ToString() })
        {
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClient.AccessKeySecret, text, StringComparison.Ordinal);
        }

        Assert.EndsWith("x-acs-version,Signature=*** x-acs-security-token:***", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_DefaultOptions_SignsWithV2AndSendsNoAcsHeaders()
    {
        using var test = new TestClient();
        var attempts = Record(test, TestClient.SpecSuccess);

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec());

        var sent = Assert.Single(attempts);
        Assert.Empty(sent.Headers);
        var form = WireForm.Parse(sent.Body);
        Assert.Equal(("HMAC-SHA1", "1.0"), (form["SignatureMethod"], form["SignatureVersion"]));
        Assert.Equal(form.ExpectedSignature(TestClient.AccessKeySecret), form["Signature"]);
    }

    [Fact]
    public async Task AddEcsSpecClient_SignatureVersionV3_SignsWithAcs3HeadersAndAnOperationOnlyForm()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEnvironmentVariables>(new FakeEnvironment());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestClient.Now));
        using var handler = new MockHttpMessageHandler();
        var sent = new List<(string Authorization, string Body)>();
        handler.When(HttpMethod.Post, "https://ecs.cn-hangzhou.aliyuncs.com/").Respond(async request =>
        {
            sent.Add((request.Headers.NonValidated["Authorization"].ToString(), await request.Content!.ReadAsStringAsync()));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"RequestId":"r"}""") };
        });
        services.AddEcsSpecClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.AccessKeyId = "testid";
            o.AccessKeySecret = "testsecret";
            o.SignatureVersion = SignatureVersion.V3;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec());

        var (authorization, body) = Assert.Single(sent);
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;", authorization, StringComparison.Ordinal);
        Assert.StartsWith("ClientToken=", body, StringComparison.Ordinal);
        Assert.EndsWith("&InstanceId=i-bp67acfmxazb4p%2A%2A%2A%2A&InstanceType=ecs.g6.large", body, StringComparison.Ordinal);
    }

    /// <summary>Answers the attempts in turn with <paramref name="steps"/> (the last one again), keeping what each sent.</summary>
    private static List<SentAttempt> Record(TestClient test, params Func<HttpRequestMessage, HttpResponseMessage>[] steps)
    {
        var attempts = new List<SentAttempt>();
        test.Handler.When(HttpMethod.Post, "https://ecs.cn-hangzhou.aliyuncs.com/").Respond(request =>
        {
            // Copied now: every attempt reuses the one request message, whose headers the next attempt replaces.
            var sent = new SentAttempt(
                request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.Ordinal),
                request.Content!.Headers.NonValidated["Content-Type"].ToString(),
                request.Content.ReadAsStringAsync().GetAwaiter().GetResult(),
                request.RequestUri!.Query);
            lock (attempts)
            {
                attempts.Add(sent);
                return Task.FromResult(steps[Math.Min(attempts.Count, steps.Length) - 1](request));
            }
        });
        return attempts;
    }

    /// <summary>One attempt as received: its request headers (raw), content type, body and query.</summary>
    private sealed record SentAttempt(Dictionary<string, string> Headers, string ContentType, string Body, string Query)
    {
        /// <summary>The <c>Authorization</c> the oracle computes from the received headers, body and the test key.</summary>
        public string OracleAuthorization() =>
            AcsV3Oracle.Sign(
                "POST",
                [],
                [.. Headers, new("Content-Type", ContentType)],
                Encoding.UTF8.GetBytes(Body),
                TestClient.AccessKeyId,
                TestClient.AccessKeySecret).Authorization;
    }
}
