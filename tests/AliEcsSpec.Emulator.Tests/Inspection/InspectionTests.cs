using System.Net;
using System.Text.Json;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Inspection;

/// <summary>Reading the emulator's records, from code and from the admin route; seeding from JSON.</summary>
public sealed class InspectionTests
{
    [Fact]
    public async Task RequestLog_EveryCall_IsRecordedWithoutTheSignature()
    {
        await using var h = await Harness.StartAsync();

        await h.Client.TryModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-missing", InternetMaxBandwidthOut = 1, ClientToken = "t" });

        var entry = Assert.Single(h.State.RequestLog);
        Assert.Equal(("POST", "ModifyInstanceSpec", "t", 404, "InvalidInstanceId.NotFound"), (entry.HttpMethod, entry.Action, entry.ClientToken, entry.Status, entry.Code));
        Assert.False(entry.Parameters.ContainsKey("Signature"));
        Assert.Equal("1", entry.Parameters["InternetMaxBandwidthOut"]);
    }

    [Fact]
    public async Task RequestLog_CallWithASecurityToken_ShowsTheTokenMasked()
    {
        await using var h = await Harness.StartAsync();
        var call = RawRpc.Signed("POST", RawRpc.Call("ModifyInstanceSpec", ("InstanceId", "i-missing"), ("SecurityToken", "CAIS-secret-token")));

        await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", call);

        Assert.Equal("***", Assert.Single(h.State.RequestLog).Parameters["SecurityToken"]);
    }

    [Fact]
    public async Task AdminRoute_Disabled_Answers404()
    {
        await using var h = await Harness.StartAsync();
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(h.Emulator.Endpoint, EcsEmulator.StateRoute));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoute_Enabled_ShowsInstancesOrdersAndNoSecrets()
    {
        await using var h = await Harness.StartAsync(o => o.EnableAdminRoutes = true);
        await h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge"));
        using var http = new HttpClient();

        var text = await http.GetStringAsync(new Uri(h.Emulator.Endpoint, EcsEmulator.StateRoute));

        using var json = JsonDocument.Parse(text);
        Assert.Equal("i-prepaid-running-01", json.RootElement.GetProperty("Orders")[0].GetProperty("InstanceId").GetString());
        Assert.Contains("i-fleet-012", text, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorSeed.DemoAccessKeySecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_FromJson_StartsWithExactlyThatFleet()
    {
        var seed = EmulatorSeed.FromJson("""
            {
              // comments are allowed
              "Regions": ["cn-qingdao"],
              "Accounts": [{ "AccessKeyId": "json-id", "AccessKeySecret": "json-secret", "Balance": 5 }],
              "InstanceTypes": [{ "InstanceType": "ecs.t1", "Cpu": 1, "MemoryGiB": 1 }, { "InstanceType": "ecs.t2", "Cpu": 2, "MemoryGiB": 2 }],
              "Instances": [{ "InstanceId": "i-json", "RegionId": "cn-qingdao", "AccessKeyId": "json-id", "ChargeType": "PostPaid", "Status": "Stopped", "InstanceType": "ecs.t1" }],
            }
            """);
        await using var h = await Harness.StartAsync(o => o.Seed = seed, "json-id", "json-secret");

        await h.Client.ModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-json", InstanceType = "ecs.t2", RegionId = "cn-qingdao" });

        Assert.Equal("i-json", Assert.Single(h.State.Instances).InstanceId);
        Assert.Equal(5m, h.State.GetAccount("json-id")!.Balance);
        Assert.Single(h.State.Changes);
    }
}
