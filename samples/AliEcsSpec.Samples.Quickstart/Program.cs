// Quick start, offline: validates, signs and sends both operations to an in-process handler that answers with the
// documented example responses, and shows a typed error. No account, no network, no cost.
using System.Net;
using System.Text;
using AliEcsSpec.Client;

using var client = EcsSpecClient.Create(
    new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "testid", AccessKeySecret = "testsecret" },
    new DocumentedAnswers());

Console.WriteLine("1. A request that breaks a documented rule fails before anything is sent:");
try
{
    await client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest
    {
        InstanceId = "i-bp67acfmxazb4p****",
        InstanceType = "ecs.g6.large",
        InternetMaxBandwidthOut = 10,
    });
}
catch (ArgumentException e)
{
    Console.WriteLine($"   {e.GetType().Name} ({e.ParamName}): {e.Message}");
}

Console.WriteLine("2. Upgrade a subscription instance (signed POST, documented success body):");
var upgrade = await client.ModifyPrepayInstanceSpecAsync(new ModifyPrepayInstanceSpecRequest
{
    RegionId = "cn-hangzhou",
    InstanceId = "i-bp67acfmxazb4ph****",
    InstanceType = "ecs.g5.xlarge",
    OperatorType = OperatorType.Upgrade,
    AutoPay = true,
    ClientToken = "123e4567-e89b-12d3-a456-426655440000",
});
Console.WriteLine($"   OrderId {upgrade.OrderId}, RequestId {upgrade.RequestId}, ClientToken {upgrade.ClientToken}");

Console.WriteLine("3. A downgrade of a running instance, answered with the documented error, as a Try… result:");
var downgrade = await client.TryModifyPrepayInstanceSpecAsync(new ModifyPrepayInstanceSpecRequest
{
    RegionId = "cn-hangzhou",
    InstanceId = "i-running",
    InstanceType = "ecs.g5.large",
    OperatorType = OperatorType.Downgrade,
});
Console.WriteLine(downgrade.Match(
    ok => $"   unexpected success {ok.OrderId}",
    error => $"   {error.ToException().GetType().Name}: HTTP {(int?)error.StatusCode} {error.ErrorCode}, retryable: {error.IsRetryable}"));

/// <summary>Answers like the service's documented examples; prints what the client put on the wire.</summary>
internal sealed class DocumentedAnswers : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var shown = string.Join("&", form.Split('&').Where(p => !p.StartsWith("Signature=", StringComparison.Ordinal)));
        Console.WriteLine($"   -> {request.Method} {request.RequestUri} {shown}&Signature=(28 chars)");
        var (status, body) = form.Contains("InstanceId=i-running", StringComparison.Ordinal)
            ? (HttpStatusCode.BadRequest, """{"RequestId":"E1","HostId":"ecs.aliyuncs.com","Code":"InvalidStatus.NotStopped","Message":"Instance status must be stopped."}""")
            : (HttpStatusCode.OK, """{"OrderId":"1234567890","RequestId":"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"}""");
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
