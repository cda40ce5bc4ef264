using System.Text;

namespace AliEcsSpec.Client.Benchmarks;

/// <summary>
/// The one call every case makes: a typical ModifyInstanceSpec (and ModifyPrepayInstanceSpec) request, the documented
/// answers, and the credentials. Keeping it in one place is what makes the cases comparable.
/// </summary>
internal static class Workload
{
    public const string AccessKeyId = "LTAI5tBenchmarkKeyId00000";
    public const string AccessKeySecret = "BenchmarkSecret0123456789abcdefghij";
    public const string RegionId = "cn-hangzhou";
    public const string InstanceId = "i-bp67acfmxazb4ph8s2vy";
    public const string InstanceType = "ecs.g6.large";

    /// <summary>The documented success body of ModifyInstanceSpec.</summary>
    public static readonly byte[] SpecSuccessBody = Encoding.UTF8.GetBytes("""{"RequestId":"04F0F334-1335-436C-A1D7-6C044FE73368"}""");

    /// <summary>The documented success body of ModifyPrepayInstanceSpec (the newer revision's numeric OrderId).</summary>
    public static readonly byte[] PrepaySuccessBody = Encoding.UTF8.GetBytes("""{"OrderId":1234567890,"RequestId":"04F0F334-1335-436C-A1D7-6C044FE73368"}""");

    /// <summary>A documented error body, for parsing alone.</summary>
    public static readonly byte[] ErrorBody = Encoding.UTF8.GetBytes(
        """{"RequestId":"04F0F334-1335-436C-A1D7-6C044FE73368","HostId":"ecs.aliyuncs.com","Code":"InvalidInstanceType.ValueNotSupported","Message":"The specified InstanceType does not exist or beyond the permitted range.","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidInstanceType.ValueNotSupported"}""");

    /// <summary>The operation's own parameters, as every case sends them (the client adds the same through its records).</summary>
    public static KeyValuePair<string, string>[] SpecParameters(string clientToken) =>
    [
        new("ClientToken", clientToken),
        new("InstanceId", InstanceId),
        new("InstanceType", InstanceType),
        new("RegionId", RegionId),
    ];

    public static ModifyInstanceSpecRequest SpecRequest { get; } = new()
    {
        RegionId = RegionId,
        InstanceId = InstanceId,
        InstanceType = InstanceType,
    };

    public static ModifyPrepayInstanceSpecRequest PrepayRequest { get; } = new()
    {
        RegionId = RegionId,
        InstanceId = InstanceId,
        InstanceType = InstanceType,
    };
}
