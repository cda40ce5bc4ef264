using System.Net;
using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Errors;

/// <summary>Answers that are not documented: unknown codes, gateway pages, empty and broken bodies.</summary>
public sealed class ErrorResponseTests
{
    [Fact]
    public async Task ModifyInstanceSpecAsync_UndocumentedCode_ThrowsBaseServiceExceptionWithEverythingSent()
    {
        using var test = new TestClient().AnswerError(409, "Some.NewCode", "A code the documents do not list.");

        var error = await Assert.ThrowsAsync<EcsServiceException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Some.NewCode", error.ErrorCode);
        Assert.Equal("A code the documents do not list.", error.ServiceMessage);
        Assert.Equal(TestClient.RequestId, error.RequestId);
        Assert.Null(error.Family);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_UndocumentedCodeWith503AndAClientToken_IsRetryableByStatus()
    {
        using var test = new TestClient().AnswerError(503, "Gateway.Busy");

        var error = await Assert.ThrowsAsync<EcsServiceException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-1" }));

        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_HtmlGatewayPage_ThrowsUnexpectedResponseWithStatusAndExcerpt()
    {
        using var test = new TestClient().Answer(
            HttpStatusCode.BadGateway,
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\n\n<center>Tengine</center></body></html>",
            "text/html",
            decorate: r => r.Headers.Add("x-acs-request-id", "GW-REQUEST-1"));

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(
            () => test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = "t" }));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.Error.ErrorCode);
        Assert.Equal("GW-REQUEST-1", error.RequestId);
        Assert.Equal("<html> <head><title>502 Bad Gateway</title></head> <body> <center>Tengine</center></body></html>", error.BodyExcerpt);
        Assert.True(error.IsRetryable);
        Assert.Equal("t", error.ClientToken);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_AccessDeniedDetailNotValidUtf8_ThrowsUnexpectedResponseNotATransportFailure()
    {
        byte[] body = [.. "{\"RequestId\":\"R-1\",\"Code\":\"Forbidden.RAM\",\"AccessDeniedDetail\":{\"PolicyType\":\"ab"u8, 0xC3, 0x28, .. "\"}}"u8];
        using var test = new TestClient().AnswerInTurn(_ => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new ByteArrayContent(body) });

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Null(error.Error.ErrorCode);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ErrorEchoesTheSecretAsCodeAndRequestId_ShowsBothMasked()
    {
        using var test = new TestClient().Answer(
            HttpStatusCode.BadRequest, $$"""{"RequestId":"req-{{TestClient.AccessKeySecret}}","Code":"{{TestClient.AccessKeySecret}}","Message":"m"}""");

        var error = await Assert.ThrowsAsync<EcsServiceException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(("***", "req-***"), (error.ErrorCode, error.RequestId));
        Assert.DoesNotContain(TestClient.AccessKeySecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_GatewayEchoesTheSecretInRequestIdHeaderAndContentType_ShowsBothMasked()
    {
        using var test = new TestClient().Answer(
            HttpStatusCode.BadGateway,
            "<html>Bad Gateway</html>",
            "text/x-" + TestClient.AccessKeySecret,
            decorate: r => r.Headers.Add("x-acs-request-id", "gw-" + TestClient.AccessKeySecret));

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("gw-***", error.RequestId);
        Assert.Contains("text/x-***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClient.AccessKeySecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_EmptyErrorBody_ThrowsUnexpectedResponseSayingSo()
    {
        using var test = new TestClient().Answer(HttpStatusCode.ServiceUnavailable, string.Empty);

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.BodyExcerpt);
        Assert.Contains("the body was empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"RequestId":"r","Code":"Throttling","Mess""")]
    [InlineData("""{"RequestId":"r","Code":42}""")]
    [InlineData("""["Throttling"]""")]
    [InlineData("""{"RequestId":"r"}""")]
    [InlineData("""null""")]
    public async Task ModifyInstanceSpecAsync_ErrorBodyThatIsNotAnErrorDocument_ThrowsUnexpectedResponseNotJsonException(string body)
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, body);

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Equal(body, error.BodyExcerpt);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ErrorBodyOverTheBound_IsNotParsedAndExcerptIsShort()
    {
        var huge = TestClient.ErrorBody("Throttling").TrimEnd('}', '\n', ' ') + ",\"Pad\":\"" + new string('x', 200_000) + "\"}";
        using var test = new TestClient().Answer(HttpStatusCode.BadRequest, huge);

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Contains("larger than the configured limit", error.Message, StringComparison.Ordinal);
        Assert.True(error.BodyExcerpt!.Length <= 256);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ErrorBodyOverAConfiguredBound_IsCutOffThere()
    {
        var body = TestClient.ErrorBody("InvalidInstanceType.ValueNotSupported", new string('m', 1500));
        using var test = new TestClient(o => o.MaxResponseBodyBytes = 1024).Answer(HttpStatusCode.BadRequest, body);

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Contains("larger than the configured limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_ErrorBodyWithinARaisedBound_IsParsed()
    {
        var body = TestClient.ErrorBody("InvalidInstanceType.ValueNotSupported", new string('m', 100_000));
        using var test = new TestClient(o => o.MaxResponseBodyBytes = 128 * 1024).Answer(HttpStatusCode.BadRequest, body);

        var error = await Assert.ThrowsAnyAsync<EcsServiceException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("InvalidInstanceType.ValueNotSupported", error.ErrorCode);
    }

    [Theory]
    [InlineData(1023)]
    [InlineData(16 * 1024 * 1024 + 1)]
    public void Create_MaxResponseBodyBytesOutOfRange_ThrowsNamingTheOptionAndTheRule(int bound)
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "id", AccessKeySecret = "s", MaxResponseBodyBytes = bound };

        var error = Assert.Throws<ArgumentException>(() => EcsSpecClient.Create(options));

        Assert.Contains("MaxResponseBodyBytes: The field EcsSpecClientOptions.MaxResponseBodyBytes must be between 1024 and 16777216.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_AccessDeniedDetail_IsKeptAsRawJson()
    {
        using var test = new TestClient().Answer(HttpStatusCode.Forbidden, """
            {"RequestId":"r","Code":"Forbidden.RAM","Message":"User not authorized","AccessDeniedDetail":{"AuthAction":"ecs:ModifyInstanceSpec","PolicyType":"AccountLevelIdentityBasedPolicy"}}
            """);

        var error = await Assert.ThrowsAsync<EcsPermissionDeniedException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("""{"AuthAction":"ecs:ModifyInstanceSpec","PolicyType":"AccountLevelIdentityBasedPolicy"}""", error.AccessDeniedDetail);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SignatureMismatchEchoingTheStringToSign_RedactsTokenFromMessageAndToString()
    {
        const string token = "CAIS8gF1q6Ft5B2yfSjIr5bSEsj+token/with=specials";
        var echoed = "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dtestid%26SecurityToken%3D"
                     + Uri.EscapeDataString(Uri.EscapeDataString(token)) + "%26Version%3D2014-05-26 raw " + token;
        using var test = new TestClient(o => o.SecurityToken = token).AnswerError(400, "SignatureDoesNotMatch", echoed);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        foreach (var text in new[] { error.Message, error.ServiceMessage, error.ToString(), error.Error.ToString() })
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(token), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Uri.EscapeDataString(token)), text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClient.AccessKeySecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(test.LastForm["Signature"], text, StringComparison.Ordinal);
        }

        Assert.Contains("SecurityToken%3D***%26Version", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_GatewayPageEchoingTheSecret_RedactsItFromTheExcerpt()
    {
        using var test = new TestClient().Answer(HttpStatusCode.BadGateway, $"<pre>debug: key={TestClient.AccessKeySecret}</pre>", "text/html");

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal("<pre>debug: key=***</pre>", error.BodyExcerpt);
    }
}
