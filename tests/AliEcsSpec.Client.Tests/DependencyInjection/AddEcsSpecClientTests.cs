using System.Net;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Tests.Support;
using AliEcsSpec.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.DependencyInjection;

/// <summary><c>services.AddEcsSpecClient(…)</c>: registration, binding, start-up validation and handler order.</summary>
public sealed class AddEcsSpecClientTests
{
    private static ServiceCollection Services(FakeEnvironment? environment = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEnvironmentVariables>(environment ?? new FakeEnvironment());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestClient.Now));
        return services;
    }

    private static void Validate(ServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public async Task AddEcsSpecClient_RequestNotBuiltByTheClient_ThrowsBeforeSending()
    {
        var services = Services();
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        services.AddEcsSpecClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.AccessKeyId = "testid";
            o.AccessKeySecret = "testsecret";
        }).ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(EcsSpecClientServiceCollectionExtensions.HttpClientName);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "https://ecs.cn-hangzhou.aliyuncs.com/");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(foreign));

        Assert.Equal(
            "The ECS client's HttpClient only sends requests built by EcsSpecClient: this one carries no RPC call.",
            error.Message);
        Assert.Empty(server.Bodies);
    }

    [Fact]
    public async Task AddEcsSpecClient_ConfiguredInCode_ResolvesASingletonThatSignsWithTheOptions()
    {
        var services = Services();
        using var server = new RecordingServer("""{"OrderId":"42","RequestId":"r"}""", "https://ecs.cn-hangzhou.aliyuncs.com/");
        services.AddEcsSpecClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.AccessKeyId = "testid";
            o.AccessKeySecret = "testsecret";
        }).ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();
        Validate(provider);

        var client = provider.GetRequiredService<IEcsSpecClient>();
        var response = await client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Same(client, provider.GetRequiredService<IEcsSpecClient>());
        Assert.Equal("42", response.OrderId);
        var form = WireForm.Parse(server.LastBody);
        Assert.Equal("2026-11-23T08:30:15Z", form["Timestamp"]);
        Assert.Equal(form.ExpectedSignature("testsecret"), form["Signature"]);
    }

    [Fact]
    public async Task AddEcsSpecClient_RetryingHandlerAddedToTheReturnedBuilder_ReSignsEveryAttempt()
    {
        var services = Services();
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "s"; })
            .AddHttpMessageHandler(() => new SendTwiceHandler())
            .ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec());

        Assert.Equal(2, server.Bodies.Count);
        var (first, second) = (WireForm.Parse(server.Bodies[0]), WireForm.Parse(server.Bodies[1]));
        Assert.NotEqual(first["SignatureNonce"], second["SignatureNonce"]);
        Assert.Equal(first.ExpectedSignature("s"), first["Signature"]);
        Assert.Equal(second.ExpectedSignature("s"), second["Signature"]);
    }

    [Fact]
    public async Task AddEcsSpecClient_ThrottledThenAnswered_RetriesThroughTheFactoryClientWithOneTokenAndTwoSignatures()
    {
        var services = Services();
        services.AddSingleton(new RetryBudget());
        using var server = new RecordingServer(
            new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(TestClient.ErrorBody("Throttling")) },
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"RequestId":"r"}""") });
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "s"; })
            .ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();
        var time = (FakeTimeProvider)provider.GetRequiredService<TimeProvider>();

        var response = await time.RunAsync(provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec()));
        Assert.Equal(2, server.Bodies.Count);
        var (first, second) = (WireForm.Parse(server.Bodies[0]), WireForm.Parse(server.Bodies[1]));
        Assert.Equal(response.ClientToken, first["ClientToken"]);
        Assert.Equal(response.ClientToken, second["ClientToken"]);
        Assert.NotEqual(first["SignatureNonce"], second["SignatureNonce"]);
        Assert.Equal(second.ExpectedSignature("s"), second["Signature"]);
    }

    [Fact]
    public async Task AddEcsSpecClient_CalledTwice_SignsOnce()
    {
        var services = Services();
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "s"; });
        services.AddEcsSpecClient(o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(3)).ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec());

        Assert.Single(WireForm.Parse(server.LastBody).Fields, f => f.Key == "Signature");
    }

    [Fact]
    public void AddEcsSpecClient_BoundFromConfiguration_ReadsEveryKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AliEcsSpec:RegionId"] = "cn-beijing",
            ["AliEcsSpec:Endpoint"] = "http://127.0.0.1:8085",
            ["AliEcsSpec:UseVpcEndpoint"] = "true",
            ["AliEcsSpec:AccessKeyId"] = "config-id",
            ["AliEcsSpec:AccessKeySecret"] = "config-secret",
            ["AliEcsSpec:SecurityToken"] = "config-token",
            ["AliEcsSpec:AutoClientToken"] = "false",
            ["AliEcsSpec:SignatureVersion"] = "V3",
            ["AliEcsSpec:Retry:MaxAttempts"] = "6",
            ["AliEcsSpec:Retry:BaseDelay"] = "00:00:00.250",
            ["AliEcsSpec:Retry:ThrottlingBaseDelay"] = "00:00:03",
            ["AliEcsSpec:Retry:MaxDelay"] = "00:00:40",
            ["AliEcsSpec:Retry:AttemptTimeout"] = "00:00:12",
            ["AliEcsSpec:Retry:TotalTimeout"] = "00:05:00",
            ["AliEcsSpec:Retry:UseRetryBudget"] = "false",
        }).Build();
        var services = Services();
        services.AddEcsSpecClient(configuration.GetSection("AliEcsSpec"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EcsSpecClientOptions>>().Value;

        Assert.Equal("cn-beijing", options.RegionId);
        Assert.Equal(new Uri("http://127.0.0.1:8085"), options.Endpoint);
        Assert.True(options.UseVpcEndpoint);
        Assert.Equal("config-id", options.AccessKeyId);
        Assert.Equal("config-secret", options.AccessKeySecret);
        Assert.Equal("config-token", options.SecurityToken);
        Assert.False(options.AutoClientToken);
        Assert.Equal(AliEcsSpec.Client.Signing.SignatureVersion.V3, options.SignatureVersion);
        Assert.Equal(6, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Retry.ThrottlingBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(40), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Retry.TotalTimeout);
        Assert.False(options.Retry.UseRetryBudget);
    }

    [Fact]
    public void AddEcsSpecClient_MisspeltKeyInTheSection_FailsAtStartUpNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AliEcsSpec:RegionId"] = "cn-hangzhou",
            ["AliEcsSpec:Retyr:MaxAttempts"] = "6",
        }).Build();
        var services = Services();
        services.AddEcsSpecClient(configuration.GetSection("AliEcsSpec"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => Validate(provider));

        Assert.Contains("'Retyr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEcsSpecClient_SectionThatDoesNotExist_FailsAtStartUpNamingTheSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AliEcsSpecc:RegionId"] = "cn-hangzhou",
        }).Build();
        var services = Services();
        services.AddEcsSpecClient(configuration.GetSection("AliEcsSpec"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Validate(provider));

        Assert.Contains("The configuration section 'AliEcsSpec' is missing or empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, "RegionId is required when no Endpoint is set")]
    [InlineData("cn_hangzhou!", null, null, "is not a region ID")]
    [InlineData("cn-hangzhou", "id-only", null, "AccessKeySecret is required when AccessKeyId is set")]
    [InlineData("cn-hangzhou", null, "secret-only", "AccessKeyId is required when AccessKeySecret is set")]
    [InlineData("cn-hangzhou", null, null, "No Alibaba Cloud credentials were found. Tried: options (EcsSpecClientOptions.AccessKeyId and AccessKeySecret are not set); environment (ALIBABA_CLOUD_ACCESS_KEY_ID is not set)")]
    public void AddEcsSpecClient_InvalidOptions_FailAtStartUpWithAClearMessage(
        string? regionId, string? accessKeyId, string? accessKeySecret, string message)
    {
        var services = Services();
        services.AddEcsSpecClient(o =>
        {
            o.RegionId = regionId;
            o.AccessKeyId = accessKeyId;
            o.AccessKeySecret = accessKeySecret;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Validate(provider));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEcsSpecClient_BlankSecurityToken_FailsAtStartUpWithTheRuleNotAnArgumentException()
    {
        var services = Services();
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "i"; o.AccessKeySecret = "s"; o.SecurityToken = " "; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Validate(provider));

        Assert.Contains("SecurityToken must be non-blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEcsSpecClient_PlainHttpEndpointOffLoopback_FailsAtStartUp()
    {
        var services = Services();
        services.AddEcsSpecClient(o => { o.Endpoint = new Uri("http://ecs.cn-hangzhou.aliyuncs.com"); o.AccessKeyId = "i"; o.AccessKeySecret = "s"; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Validate(provider));

        Assert.Contains("plain http, which is allowed only for a loopback host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEcsSpecClient_CredentialsOnlyInTheEnvironment_ValidatesAndSignsWithThem()
    {
        var environment = new FakeEnvironment
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "env-id",
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret",
            ["ALIBABA_CLOUD_SECURITY_TOKEN"] = "env-token",
        };
        var services = Services(environment);
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        services.AddEcsSpecClient(o => o.RegionId = "cn-hangzhou").ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();
        Validate(provider);

        await provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec());

        var form = WireForm.Parse(server.LastBody);
        Assert.Equal("env-id", form["AccessKeyId"]);
        Assert.Equal("env-token", form["SecurityToken"]);
        Assert.Equal(form.ExpectedSignature("env-secret"), form["Signature"]);
    }

    [Fact]
    public async Task AddEcsSpecClient_UserRegisteredCredentialsProvider_IsUsedAndSkipsTheStartUpCredentialsCheck()
    {
        var services = Services();
        services.AddSingleton<ICredentialsProvider>(new StaticCredentialsProvider(new AlibabaCloudCredentials("custom-id", "custom-secret")));
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        services.AddEcsSpecClient(o => o.RegionId = "cn-hangzhou").ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        using var provider = services.BuildServiceProvider();
        Validate(provider);

        await provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec());

        Assert.Equal("custom-id", WireForm.Parse(server.LastBody)["AccessKeyId"]);
    }

    [Fact]
    public async Task AddEcsSpecClient_Logging_RecordsOutcomesWithoutAnySecret()
    {
        const string secret = "very-secret-value-1234567890";
        const string token = "sts-token-abcdefghijklmnop";
        var services = Services();
        var collector = new FakeLogCollector();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var mock = new MockHttpMessageHandler();
        var calls = 0;
        mock.When("*").Respond(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"RequestId":"ok-1"}""") }
            : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(TestClient.ErrorBody("SignatureDoesNotMatch", "server string to sign has " + token)) });
        services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = secret; o.SecurityToken = token; })
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IEcsSpecClient>();

        await client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "ct-1" });
        var failure = await client.TryModifyInstanceSpecAsync(TestClient.Spec());

        var lines = collector.GetSnapshot().Where(r => r.Category == "AliEcsSpec.Client").Select(r => r.Message).ToList();
        Assert.Contains(lines, l => l.StartsWith("ModifyInstanceSpec attempt 1 succeeded: HTTP 200", StringComparison.Ordinal) && l.Contains("RequestId: ok-1, ClientToken: ct-1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ModifyInstanceSpec attempt 1 failed: HTTP 400 SignatureDoesNotMatch", StringComparison.Ordinal) && l.Contains("not retried: the error is not retryable", StringComparison.Ordinal));
        var everything = string.Join("\n", collector.GetSnapshot().Select(r => r.Message + r.Exception))
                         + failure.Error!.ToString() + failure.Error.ToException();
        Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEcsSpecClient_Logging_LeavesOutTheFactorysRequestLogs()
    {
        var collector = await LogOneCall(builder => { });

        Assert.Contains(collector, category => category == "AliEcsSpec.Client");
        Assert.DoesNotContain(collector, category => category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddEcsSpecClient_AddDefaultLoggerOnTheBuilder_BringsTheFactorysRequestLogsBack()
    {
        var collector = await LogOneCall(builder => builder.AddDefaultLogger());

        Assert.Contains(collector, category => category.StartsWith("System.Net.Http.HttpClient.AliEcsSpec.Client", StringComparison.Ordinal));
    }

    [Fact]
    public void PrimaryHandler_Create_AsksForNoCompression()
    {
        using var handler = PrimaryHandler.Create();

        Assert.Equal(DecompressionMethods.None, handler.AutomaticDecompression);
    }

    private static async Task<List<string>> LogOneCall(Action<IHttpClientBuilder> configure)
    {
        var services = Services();
        var collector = new FakeLogCollector();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var server = new RecordingServer("""{"RequestId":"r"}""");
        var builder = services.AddEcsSpecClient(o => { o.RegionId = "cn-hangzhou"; o.AccessKeyId = "id"; o.AccessKeySecret = "secret"; })
            .ConfigurePrimaryHttpMessageHandler(() => server.Handler);
        configure(builder);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEcsSpecClient>().ModifyInstanceSpecAsync(TestClient.Spec());

        return [.. collector.GetSnapshot().Select(r => r.Category ?? string.Empty)];
    }

    [Fact]
    public void ToString_OptionsWithSecrets_ShowsNeitherSecretNorToken()
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "LTAI-id", AccessKeySecret = "the-secret", SecurityToken = "the-token" };

        var text = options.ToString();

        Assert.Contains("AccessKeyId = LTAI-id", text, StringComparison.Ordinal);
        Assert.Contains("AccessKeySecret = ***", text, StringComparison.Ordinal);
        Assert.Contains("SignatureVersion = V2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-secret", new AlibabaCloudCredentials("LTAI-id", "the-secret", "the-token").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_EndpointWithUserInformation_ShowsOnlySchemeAndHost()
    {
        var options = new EcsSpecClientOptions { Endpoint = new Uri("https://user:the-password@ecs.example.com:8443/") };

        var text = options.ToString();

        Assert.Contains("Endpoint = https://ecs.example.com:8443", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-password", text, StringComparison.Ordinal);
    }

    /// <summary>Stands for any retrying handler an application may add: sends each request twice.</summary>
    private sealed class SendTwiceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (await base.SendAsync(request, cancellationToken)).Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
