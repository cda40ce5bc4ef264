using System.Net;
using System.Text.Json;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>One raw, signed call and its answer, for wire values the client cannot send.</summary>
internal static class Wire
{
    public const string Prepay = "ModifyPrepayInstanceSpec";

    public const string Spec = "ModifyInstanceSpec";

    /// <summary>The parameters every ModifyPrepayInstanceSpec call needs, then <paramref name="more"/>.</summary>
    public static (string, string)[] PrepayOf(string instanceId, string instanceType, params (string, string)[] more) =>
        [("RegionId", "cn-hangzhou"), ("InstanceId", instanceId), ("InstanceType", instanceType), .. more];

    public static async Task<Answer> CallAsync(Harness h, string action, params (string Name, string Value)[] parameters)
    {
        var all = RawRpc.Common(action, h.Time.GetUtcNow(), Guid.NewGuid().ToString());
        foreach (var (name, value) in parameters)
        {
            all[name] = value;
        }

        var (status, body) = await RawRpc.SendAsync(h.Emulator.Endpoint, "POST", RawRpc.Signed("POST", all));
        return new Answer(
            status,
            body.TryGetProperty("Code", out var code) ? code.GetString() : null,
            body.TryGetProperty("Message", out var message) ? message.GetString() : null,
            body);
    }

    internal sealed record Answer(HttpStatusCode Status, string? Code, string? Message, JsonElement Body)
    {
        public (HttpStatusCode, string?) StatusAndCode => (Status, Code);

        public bool IsSuccess => Status == HttpStatusCode.OK && Code is null;
    }
}
