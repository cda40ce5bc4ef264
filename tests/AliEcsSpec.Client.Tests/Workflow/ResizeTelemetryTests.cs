using System.Diagnostics;
using AliEcsSpec.Client.Tests.Support;
using AliEcsSpec.Client.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>
/// One resize is one activity with a child per step (the client's calls below them) and one log line per step state,
/// over scripted answers: a stopped pay-as-you-go instance whose upgrade is offered and shows at the next poll.
/// </summary>
public sealed class ResizeTelemetryTests
{
    private static Func<HttpRequestMessage, HttpResponseMessage> Seen(string type) => TestClient.Reply(200, $$$"""
        {"RequestId": "{{{TestClient.RequestId}}}", "TotalCount": 1, "Instances": {"Instance": [
          {"InstanceId": "i-1", "Status": "Stopped", "InstanceType": "{{{type}}}", "InstanceChargeType": "PostPaid"}]}}
        """);

    private static readonly Func<HttpRequestMessage, HttpResponseMessage> Offered = TestClient.Reply(200, $$$"""
        {"RequestId": "{{{TestClient.RequestId}}}", "AvailableZones": {"AvailableZone": [{"ZoneId": "cn-hangzhou-h", "Status": "Available", "StatusCategory": "WithStock",
          "AvailableResources": {"AvailableResource": [{"Type": "InstanceType", "SupportedResources": {"SupportedResource": [
            {"Value": "ecs.g6.xlarge", "Status": "Available", "StatusCategory": "WithStock"}]}}]}}]}}
        """);

    private static ResizeInstanceRequest Request => new() { RegionId = "cn-hangzhou", InstanceId = "i-1", InstanceType = "ecs.g6.xlarge", PlanToken = "plan-1" };

    [Fact]
    public async Task ResizeInstanceAsync_Traced_IsOneActivityWithAChildPerStepAndTheCallsBelowThem()
    {
        using var test = new TestClient().AnswerInTurn(Seen("ecs.g6.large"), Offered, TestClient.SpecSuccess, Seen("ecs.g6.xlarge"));
        using var activities = new CapturedActivities();
        // The trace of this test's resize, apart from the activities of tests running alongside.
        using var trace = new Activity("ResizeTelemetryTest").Start();

        await test.RunAsync(test.Client.ResizeInstanceAsync(Request, options: new EcsWorkflowOptions { TimeProvider = test.Time }));

        var stopped = activities.Snapshot().Where(a => a.TraceId == trace.TraceId).ToList();
        var resize = Assert.Single(stopped, a => a.OperationName == "Ecs/ResizeInstance");
        var steps = stopped.Where(a => a.Parent == resize).ToList();
        Assert.Equal(
            ["Describe", "CheckOffer", "ChooseOperation", "Stop", "Change", "WaitForType", "Start"],
            steps.Select(a => (string?)a.GetTagItem("aliecsspec.resize.step")));
        var change = steps.Single(a => a.OperationName == "Ecs/ResizeInstance/Change");
        var call = Assert.Single(stopped, a => a.Parent == change);
        Assert.Equal(("Ecs/ModifyInstanceSpec", test.Sent[2]["ClientToken"]), (call.OperationName, (string?)call.GetTagItem("alibabacloud.ecs.client_token")));
        Assert.Equal(test.Sent[2]["ClientToken"], change.GetTagItem("alibabacloud.ecs.client_token"));
        Assert.Equal("ecs.g6.xlarge", resize.GetTagItem("alibabacloud.ecs.target_instance_type"));
    }

    [Fact]
    public async Task ResizeInstanceAsync_Logged_WritesOneLinePerStepStateWithItsClientToken()
    {
        using var test = new TestClient().AnswerInTurn(Seen("ecs.g6.large"), Offered, TestClient.SpecSuccess, Seen("ecs.g6.xlarge"));
        var logs = new FakeLogCollector();
        var logger = new FakeLogger(logs);
        var reported = new List<ResizeStep>();

        var result = await test.RunAsync(test.Client.ResizeInstanceAsync(
            Request, new Recorder(reported), new EcsWorkflowOptions { TimeProvider = test.Time, Logger = logger }));

        // The fake clock moves while a call is on the wire, so durations are left out of the comparison.
        var lines = logs.GetSnapshot().Where(r => r.Id.Name == "ResizeStep")
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r.Message, @" in \d+ ms:", " in … ms:")).ToList();
        Assert.Equal(reported.Count, lines.Count);
        Assert.Contains(
            $"Resize i-1: Change Completed in … ms: ModifyInstanceSpec accepted (ClientToken: {result.Steps.Single(s => s.Kind == ResizeStepKind.Change).ClientToken})",
            lines);
        Assert.Equal("Resize i-1: Stop Skipped in … ms: not needed: the instance is Stopped (ClientToken: )", lines.Single(l => l.Contains("Stop Skipped", StringComparison.Ordinal)));
    }

    private sealed class Recorder(List<ResizeStep> steps) : IProgress<ResizeStep>
    {
        public void Report(ResizeStep value) => steps.Add(value);
    }
}
