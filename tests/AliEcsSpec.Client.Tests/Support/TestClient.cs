using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Tests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>
/// An <see cref="EcsSpecClient"/> over MockHttp with a fixed clock, recording every form it sends. By default it makes
/// one attempt and sends the ClientToken exactly as the request gives it (the wire and error specifications);
/// <paramref name="retries"/> turns the shipped defaults back on, with a retry budget of its own and jitter pinned to
/// its maximum so that back-offs are exact. Its attempts are not rate-limited (<c>RateLimit.Mode</c> Off) unless
/// <paramref name="configure"/> says otherwise, so that throttling answers back off as the retry tests specify.
/// </summary>
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
        ICredentialsProvider? credentials = null,
        bool retries = false,
        IMeterFactory? meterFactory = null)
    {
        Options = new EcsSpecClientOptions
        {
            RegionId = "cn-hangzhou",
            AccessKeyId = AccessKeyId,
            AccessKeySecret = AccessKeySecret,
        };
        Options.RateLimit.Mode = RateLimitMode.Off;
        if (!retries)
        {
            Options.AutoClientToken = false;
            Options.Retry.MaxAttempts = 1;
        }

        configure?.Invoke(Options);
        Handler = new MockHttpMessageHandler();
        Client = new EcsSpecClientBuilder(Options)
        {
            PrimaryHandler = Handler,
            TimeProvider = Time,
            LoggerFactory = loggerFactory,
            CredentialsProvider = credentials,
            Budget = Budget,
            Jitter = static () => 1.0,
            MeterFactory = meterFactory,
        }.Build();
    }

    /// <summary>This client's own retry budget, so that tests running in parallel cannot drain each other's.</summary>
    public RetryBudget Budget { get; } = new();

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

    /// <summary>
    /// Answers the attempts in turn with <paramref name="steps"/>, one step per attempt, recording every form; an attempt
    /// beyond the last step gets no answer (and shows in <see cref="Sent"/>).
    /// </summary>
    public TestClient AnswerInTurn(params Func<HttpRequestMessage, HttpResponseMessage>[] steps)
    {
        var next = 0;
        // Synchronous on purpose: a step that throws must fault the send at once, as a broken connection does.
        Handler.When(HttpMethod.Post, "https://ecs.cn-hangzhou.aliyuncs.com/").Respond(request =>
        {
            lock (_sent)
            {
                _sent.Add(WireForm.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()));
            }

            var step = Interlocked.Increment(ref next) - 1;
            return step < steps.Length
                ? Task.FromResult(steps[step](request))
                : throw new HttpRequestException(HttpRequestError.ResponseEnded, $"the test scripted {steps.Length} answers, not {step + 1}");
        });
        return this;
    }

    /// <summary>A step of <see cref="AnswerInTurn"/>: an ECS error document with <paramref name="code"/>.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Error(int status, string code, Action<HttpResponseMessage>? decorate = null) =>
        _ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(ErrorBody(code), Encoding.UTF8, "application/json") };
            decorate?.Invoke(response);
            return response;
        };

    /// <summary>A step of <see cref="AnswerInTurn"/>: any status and body.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Reply(int status, string body, string mediaType = "application/json") =>
        _ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>A step of <see cref="AnswerInTurn"/>: the success document of <c>ModifyInstanceSpec</c>.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> SpecSuccess { get; } = Reply(200, $$"""{"RequestId": "{{RequestId}}"}""");

    /// <summary>A step of <see cref="AnswerInTurn"/>: the success document of <c>ModifyPrepayInstanceSpec</c>.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> PrepaySuccess { get; } = Reply(200, $$"""{"OrderId": "1234567890", "RequestId": "{{RequestId}}"}""");

    /// <summary>A step of <see cref="AnswerInTurn"/>: the request went out and no answer came back.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Lost(Exception? exception = null) =>
        _ => throw exception ?? new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    /// <summary>Runs a call to its end on this client's fake clock (see <see cref="FakeClock.RunAsync"/>).</summary>
    public Task<T> RunAsync<T>(Task<T> call) => Time.RunAsync(call);

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

    public static DescribeInstancesRequest Describe() => new()
    {
        RegionId = "cn-hangzhou",
        InstanceIds = ["i-bp67acfmxazb4p****"],
    };

    public static DescribeResourcesModificationRequest Resources() => new()
    {
        RegionId = "cn-hangzhou",
        ResourceId = "i-bp67acfmxazb4p****",
        DestinationResource = DestinationResource.InstanceType,
    };

    public void Dispose() => Client.Dispose();
}
