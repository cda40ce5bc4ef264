using AliEcsSpec.Client.Signing;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AliEcsSpec.Client;

/// <summary>
/// Collects one operation's wire parameters in their documented names and formats. Unset (null) values are not
/// sent; booleans are <c>true</c>/<c>false</c>; times are UTC in the documented ISO 8601 forms.
/// </summary>
internal sealed class WireParameters
{
    /// <summary><c>RebootTime</c> and <c>EndTime</c>: <c>yyyy-MM-ddTHH:mmZ</c>, UTC, to the minute.</summary>
    public const string MinuteTimeFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    private readonly List<KeyValuePair<string, string>> _parameters;


    public WireParameters() => _parameters = [];

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public WireParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public WireParameters Add(string name, bool? value) =>
        value is { } flag ? Add(name, flag ? "true" : "false") : this;

    public WireParameters Add(string name, int? value) =>
        value is { } number ? Add(name, number.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>An enum whose members are named as the documents name the values (<c>KeepCharging</c>, <c>Upgrade</c>, …).</summary>
    public WireParameters AddName<TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum =>
        value is { } named ? Add(name, named.ToString()) : this;

    public WireParameters Add(string name, double? value) =>
        value is { } number ? Add(name, number.ToString("R", CultureInfo.InvariantCulture)) : this;

    /// <summary>A list sent as one parameter holding a JSON array of strings, for example <c>["i-1","i-2"]</c>.</summary>
    public WireParameters AddJsonArray(string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return this;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Add(name, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>A list sent as <c>Name.1</c>, <c>Name.2</c>, …</summary>
    public WireParameters AddNumbered(string name, IReadOnlyList<string>? values)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            Add($"{name}.{i + 1}", values![i]);
        }

        return this;
    }

    /// <summary>Pairs sent as <c>Name.N.Key</c> and <c>Name.N.Value</c>, N from 1; an unset value is not sent.</summary>
    public WireParameters AddKeyValues<TPair>(string name, IReadOnlyList<TPair>? pairs, Func<TPair, (string Key, string? Value)> parts)
    {
        for (var i = 0; i < (pairs?.Count ?? 0); i++)
        {
            var (key, value) = parts(pairs![i]);
            Add($"{name}.{i + 1}.Key", key).Add($"{name}.{i + 1}.Value", value);
        }

        return this;
    }

    public WireParameters AddMinuteTime(string name, DateTimeOffset? value) =>
        value is { } time ? Add(name, time.UtcDateTime.ToString(MinuteTimeFormat, CultureInfo.InvariantCulture)) : this;

    public WireParameters AddSecondTime(string name, DateTimeOffset? value) =>
        value is { } time ? Add(name, RpcSigner.FormatTimestamp(time)) : this;

    /// <summary>The <c>Disk.N.DiskId</c>, <c>Disk.N.Category</c> and <c>Disk.N.PerformanceLevel</c> of each item, N from 1.</summary>
    public WireParameters AddDisks<TDisk>(
        IReadOnlyList<TDisk>? disks, Func<TDisk, (string? DiskId, string? Category, string? PerformanceLevel)> parts)
    {
        for (var i = 0; i < (disks?.Count ?? 0); i++)
        {
            var (diskId, category, performanceLevel) = parts(disks![i]);
            var prefix = $"Disk.{i + 1}.";
            Add(prefix + "DiskId", diskId).Add(prefix + "Category", category).Add(prefix + "PerformanceLevel", performanceLevel);
        }

        return this;
    }

    public static string Format(OperatorType value) => value switch
    {
        OperatorType.Upgrade => "upgrade",
        OperatorType.Downgrade => "downgrade",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown OperatorType."),
    };

    public static string Format(SystemDiskCategory value) => value switch
    {
        SystemDiskCategory.CloudEfficiency => "cloud_efficiency",
        SystemDiskCategory.CloudSsd => "cloud_ssd",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown SystemDiskCategory."),
    };
}
