using System.Net;
using AliEcsSpec.Client.Tests.Support;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>Success documents of both revisions, and success statuses with bodies that are not documents.</summary>
public sealed class ResponseTests
{
    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_OrderIdAsString_ReturnsIt()
    {
        using var test = new TestClient().AnswerPrepaySuccess("\"1234567890\"");

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = "t-1" });

        Assert.Equal(new ModifyPrepayInstanceSpecResponse(TestClient.RequestId, "1234567890", "t-1"), response);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_OlderRevisionBodyWithNumericOrderIdAndTrailingComma_ReturnsDigitsExactly()
    {
        // The older document's JSON example, verbatim (including its trailing comma).
        using var test = new TestClient().Answer(HttpStatusCode.OK, """
            {
                "RequestId": "04F0F334-1335-436C-A1D7-6C044FE73368",
                "OrderId": 1011111111111111,
            }
            """);

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Equal("1011111111111111", response.OrderId);
        Assert.Equal("04F0F334-1335-436C-A1D7-6C044FE73368", response.RequestId);
        Assert.Null(response.ClientToken);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_SuccessEchoesTheSecretAsRequestId_ReturnsItMasked()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, $$"""{"OrderId":"1","RequestId":"r-{{TestClient.AccessKeySecret}}"}""");

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Equal(new ModifyPrepayInstanceSpecResponse("r-***", "1", null), response);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_OrderIdBeyondInt64_KeepsEveryDigit()
    {
        using var test = new TestClient().AnswerPrepaySuccess("123456789012345678901234567890");

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Equal("123456789012345678901234567890", response.OrderId);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("1.5")]
    [InlineData("-7")]
    [InlineData("1e3")]
    [InlineData("null")]
    [InlineData("\"\"")]
    public async Task ModifyPrepayInstanceSpecAsync_OrderIdNotAnIdentifier_ThrowsUnexpectedResponse(string orderId)
    {
        using var test = new TestClient().AnswerPrepaySuccess(orderId);

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay()));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Contains("not a valid ModifyPrepayInstanceSpec response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_SuccessWithoutOrderId_ThrowsUnexpectedResponseKeepingTheToken()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, """{"RequestId":"r"}""");

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(
            () => test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay() with { ClientToken = "reconcile-me" }));

        Assert.Equal("reconcile-me", error.ClientToken);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_SuccessWithoutRequestIdInBody_UsesTheRequestIdHeader()
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, "{}", decorate: r => r.Headers.Add("x-acs-request-id", "HDR-1"));

        var response = await test.Client.ModifyInstanceSpecAsync(TestClient.Spec());

        Assert.Equal("HDR-1", response.RequestId);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpecAsync_SuccessBodyWithByteOrderMark_IsParsed()
    {
        using var test = new TestClient().AnswerPrepaySuccess();
        test.Handler.ResetBackendDefinitions();
        test.Handler.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"OrderId\":\"7\",\"RequestId\":\"r\"}"u8.ToArray()]),
        });

        var response = await test.Client.ModifyPrepayInstanceSpecAsync(TestClient.Prepay());

        Assert.Equal("7", response.OrderId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>ok</html>")]
    [InlineData("{\"RequestId\":")]
    public async Task ModifyInstanceSpecAsync_SuccessStatusWithoutADocument_ThrowsUnexpectedResponse(string body)
    {
        using var test = new TestClient().Answer(HttpStatusCode.OK, body);

        await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_Redirect_IsNotFollowedAndIsUnexpected()
    {
        using var test = new TestClient().Answer(HttpStatusCode.Found, string.Empty, decorate: r => r.Headers.Location = new Uri("https://elsewhere.example/"));

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => test.Client.ModifyInstanceSpecAsync(TestClient.Spec()));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
    }
}
