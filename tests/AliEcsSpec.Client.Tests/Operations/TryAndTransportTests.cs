using System.Net;
using System.Net.Http;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>The Try… forms, transport failures, time-outs and cancellation.</summary>
public sealed class TryAndTransportTests
{
    [Fact]
    public async Task TryModifyPrepayInstanceSpecAsync_Success_ReturnsTheResponse()
    {
        using var test = new TestClient().AnswerPrepaySuccess();

        var result = await test.Client.TryModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal("1234567890", result.Value.OrderId);
        Assert.Equal("1234567890", result.GetValueOrThrow().OrderId);
        Assert.Equal("ok 1234567890", result.Match(v => "ok " + v.OrderId, e => "failed " + e.ErrorCode));
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_ServiceError_ReturnsFailureThatThrowsTheTypedException()
    {
        using var test = new TestClient().AnswerError(400, "InvalidInstanceStatus.NotStopped", "The specified Instance status is not stopped.");

        var result = await test.Client.TryModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "c" });

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal(EcsErrorFamily.IncorrectInstanceState, result.Error.Family);
        Assert.Equal("c", result.Error.ClientToken);
        Assert.Equal("failed InvalidInstanceStatus.NotStopped", result.Match(v => "ok", e => "failed " + e.ErrorCode));
        var thrown = Assert.Throws<EcsIncorrectInstanceStateException>(() => result.GetValueOrThrow());
        Assert.Same(result.Error, thrown.Error);
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_ConnectionRefused_ReturnsTransportFailureNotSent()
    {
        using var test = new TestClient();
        test.Handler.When("*").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)"));

        var result = await test.Client.TryModifyInstanceSpecAsync(TestClient.Spec());

        Assert.Equal(EcsErrorKind.Transport, result.Error!.Kind);
        Assert.False(result.Error.RequestMayHaveBeenSent);
        Assert.Null(result.Error.StatusCode);
        Assert.IsType<HttpRequestException>(result.Error.InnerException);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_ResponseCutOffWithoutClientToken_ThrowsTransportExceptionWarningOfASecondChange()
    {
        using var test = new TestClient();
        test.Handler.When("*").Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var error = await Assert.ThrowsAsync<EcsTransportException>(() => test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay()));

        Assert.True(error.RequestMayHaveBeenSent);
        Assert.Null(error.ClientToken);
        Assert.False(error.Error.IsRetryable);
        Assert.Contains("carried no ClientToken, so repeating it may apply the change twice", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_ConnectionResetWithClientToken_SaysRepeatingWithTheTokenIsSafe()
    {
        using var test = new TestClient();
        test.Handler.When("*").Throw(new IOException("Connection reset by peer"));

        var error = await Assert.ThrowsAsync<EcsTransportException>(
            () => test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = "tok" }));

        Assert.Equal("tok", error.ClientToken);
        Assert.True(error.Error.IsRetryable);
        Assert.Contains("repeat it with the same ClientToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_CorruptCompressedBody_ReturnsTransportFailureInsteadOfThrowing()
    {
        using var test = new TestClient();
        test.Handler.When("*").Throw(new InvalidDataException("The archive entry was compressed using an unsupported compression method."));

        var result = await test.Client.TryModifyInstanceSpecAsync(TestClient.Spec());

        Assert.Equal(EcsErrorKind.Transport, result.Error!.Kind);
        Assert.True(result.Error.RequestMayHaveBeenSent);
        Assert.IsType<InvalidDataException>(result.Error.InnerException);
        Assert.Contains("InvalidDataException", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_NoAnswerWithinTimeout_ThrowsTransportExceptionForTheTimeout()
    {
        var time = new FakeTimeProvider(TestClient.Now);
        var sent = new TaskCompletionSource();
        var handler = new FuncHandler(async (_, token) =>
        {
            sent.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = EcsSpecClient.Create(Options(o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5)), handler, time);

        var call = client.ModifyInstanceSpecAsync(TestClient.Spec());
        await sent.Task;
        time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<EcsTransportException>(() => call);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.True(error.RequestMayHaveBeenSent);
    }

    [Fact]
    public async Task TryModifyInstanceSpecAsync_CallerCancels_ThrowsOperationCanceledInsteadOfAFailure()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new FuncHandler(async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = EcsSpecClient.Create(Options(), handler, new FakeTimeProvider(TestClient.Now));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.TryModifyInstanceSpecAsync(TestClient.Spec(), cancellation.Token));
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_NoCredentialsAnywhere_ThrowsCredentialsExceptionListingWhatWasTried()
    {
        var credentials = new ThrowingCredentials();
        using var test = new TestClient(o => { o.AccessKeyId = null; o.AccessKeySecret = null; }, credentials: credentials).ExpectNothingSent();

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("none configured", error.Message);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_NoCredentials_ThrowsCredentialsExceptionNamingTheCallAndItsToken()
    {
        using var test = new TestClient(o => { o.AccessKeyId = null; o.AccessKeySecret = null; }, credentials: new ThrowingCredentials()).ExpectNothingSent();

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-7" }));

        Assert.Equal(("ModifyInstanceSpec", "tok-7"), (error.Operation, error.ClientToken));
        Assert.Equal("none configured", Assert.IsType<EcsCredentialsException>(error.InnerException).Message);
    }

    private static EcsSpecClientOptions Options(Action<EcsSpecClientOptions>? configure = null)
    {
        // One attempt: these specify what a single attempt's failure looks like; RetryTests specify the retries.
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "id", AccessKeySecret = "secret", AutoClientToken = false };
        options.Retry.MaxAttempts = 1;
        configure?.Invoke(options);
        return options;
    }

    private sealed class ThrowingCredentials : AliEcsSpec.Client.Credentials.ICredentialsProvider
    {
        public ValueTask<AliEcsSpec.Client.Credentials.AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromException<AliEcsSpec.Client.Credentials.AlibabaCloudCredentials>(new EcsCredentialsException("none configured"));
    }
}
