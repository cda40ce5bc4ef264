using System.Globalization;
using System.Text.Json;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>One instance in the shape of DescribeInstances' <c>Instances.Instance[]</c>, as far as the emulator models it.</summary>
internal static class DescribedInstance
{
    /// <summary>The documents' time form: UTC to the minute (<c>2017-12-10T04:04Z</c>).</summary>
    private const string MinuteFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    /// <summary>What the service shows for a pay-as-you-go instance's <c>ExpiredTime</c>.</summary>
    private static readonly DateTimeOffset NeverExpires = new(2099, 12, 31, 15, 59, 0, TimeSpan.Zero);

    public static void Write(Utf8JsonWriter json, EmulatorInstance instance, InstanceTypeSpec type)
    {
        json.WriteStartObject();
        json.WriteString("InstanceId", instance.InstanceId);
        json.WriteString("InstanceName", instance.InstanceId);
        json.WriteString("RegionId", instance.RegionId);
        json.WriteString("ZoneId", instance.Zone);
        // An expired subscription is shown Stopped, with the expiry in ExpiredTime and a financial lock.
        json.WriteString("Status", instance.Status == InstanceStatus.Expired ? nameof(InstanceStatus.Stopped) : instance.Status.ToString());
        json.WriteString("InstanceType", instance.InstanceType);
        json.WriteString("InstanceTypeFamily", instance.InstanceType[..instance.InstanceType.LastIndexOf('.')]);
        json.WriteString("InstanceChargeType", instance.ChargeType.ToString());
        json.WriteNumber("Cpu", type.Cpu);
        json.WriteNumber("Memory", (int)(type.MemoryGiB * 1024));
        json.WriteString("InternetChargeType", instance.InternetChargeType);
        json.WriteNumber("InternetMaxBandwidthOut", instance.InternetMaxBandwidthOut);
        json.WriteNumber("InternetMaxBandwidthIn", instance.InternetMaxBandwidthIn);
        json.WriteString("ExpiredTime", Minute(instance.ExpiredTime ?? NeverExpires));
        json.WriteString("StoppedMode", StoppedMode(instance));
        json.WriteString("InstanceNetworkType", "vpc");
        json.WriteBoolean("IoOptimized", true);
        json.WriteStartObject("OperationLocks");
        json.WriteStartArray("LockReason");
        var locks = instance.Status == InstanceStatus.Expired && !instance.LockReasons.Contains("financial")
            ? [.. instance.LockReasons, "financial"]
            : instance.LockReasons;
        foreach (var reason in locks)
        {
            json.WriteStartObject();
            json.WriteString("LockReason", reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string StoppedMode(EmulatorInstance instance) =>
        instance.Status is InstanceStatus.Stopped or InstanceStatus.Stopping && instance.ChargeType == InstanceChargeType.PostPaid
            ? instance.StoppedMode ?? "KeepCharging"
            : "Not-applicable";

    private static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);
}
