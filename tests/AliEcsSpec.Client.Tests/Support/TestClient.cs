using System.Net;
using System.Text;
using AliEcsSpec.Client.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>An <see cref="EcsSpecClient"/> over MockHttp with a fixed clock, recording every form it sends.</summary>
internal sealed class TestClient : IDisposable
{
    public const string AccessKeyId = "testid";
    public const string AccessKeySecret = "testsecret-0123456789abcdef";
    public const string RequestId = "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 30, 15, TimeSpan.Zero);

    private readonly List<WireForm> _sent = [];

    public TestClient(
        Action<EcsSpecClientOptions>? configure = null,
        ILoggerFactory? loggerFactory = null,
        ICredentialsProvider? credentials = null)
    {
        Options = new EcsSpecClientOptions
        {
            RegionId = "cn-hangzhou",
            AccessKeyId = AccessKeyId,
            AccessKeySecret = AccessKeySecret,
        };
        configure?.Invoke(Options);
        Handler = new MockHttpMessageHandler();
        Client = EcsSpecClient.Create(Options, Handler, Time, loggerFactory, credentials);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public MockHttpMessageHandler Handler { get; }

    public EcsSpecClientOptions Options { get; }

    public EcsSpecClient Client { get; }

    public IReadOnlyList<WireForm> Sent => _sent;

    public WireForm LastForm => Assert.Single(_sent);

    /// <summary>Answers every POST to <paramref name="url"/> with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public TestClient Answer(
        HttpStatusCode status,
        string body,
        string mediaType = "application/json",
        string url = "https://ecs.cn-hangzhou.aliyuncs.com/",
        Action<HttpResponseMessage>? decorate = null)
    {
        Handler.When(HttpMethod.Post, url).Respond(async request =>
        {
            Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
            Assert.Equal(string.Empty, request.RequestUri!.Query);
            _sent.Add(WireForm.Parse(await request.Content.ReadAsStringAsync()));
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            decorate?.Invoke(response);
            return response;
        });
        return this;
    }

    public TestClient AnswerPrepaySuccess(string orderId = "\"1234567890\"") =>
        Answer(HttpStatusCode.OK, $$"""{"OrderId": {{orderId}}, "RequestId": "{{RequestId}}"}""");

    public TestClient AnswerSpecSuccess() => Answer(HttpStatusCode.OK, $$"""{"RequestId": "{{RequestId}}"}""");

    public TestClient AnswerError(int status, string code, string message = "message") =>
        Answer((HttpStatusCode)status, ErrorBody(code, message));

    public static string ErrorBody(string code, string message = "message") => $$"""
        {"RequestId":"{{RequestId}}","HostId":"ecs.aliyuncs.com","Code":"{{code}}","Message":"{{message}}","Recommend":"https://api.aliyun.com/troubleshoot?q={{code}}"}
        """;

    /// <summary>Fails the test if anything at all is sent.</summary>
    public TestClient ExpectNothingSent()
    {
        Handler.Fallback.Throw(new InvalidOperationException("nothing may be sent"));
        return this;
    }

    public static ModifyPrepayInstanceSpecRequest Prepay() => new()
    {
        RegionId = "cn-hangzhou",
        InstanceId = "i-bp67acfmxazb4ph****",
        InstanceType = "ecs.g5.xlarge",
    };

    public static ModifyInstanceSpecRequest Spec() => new()
    {
        InstanceId = "i-bp67acfmxazb4p****",
        InstanceType = "ecs.g6.large",
    };

    public void Dispose() => Client.Dispose();
}
