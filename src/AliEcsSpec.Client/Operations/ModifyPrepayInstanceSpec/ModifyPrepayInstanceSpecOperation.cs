using System.Text.Json.Serialization;

namespace AliEcsSpec.Client;

/// <summary><c>ModifyPrepayInstanceSpec</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class ModifyPrepayInstanceSpecOperation
    : EcsOperation<ModifyPrepayInstanceSpecRequest, ModifyPrepayInstanceSpecResponse, ModifyPrepayInstanceSpecDocument>
{
    private ModifyPrepayInstanceSpecOperation()
        : base("ModifyPrepayInstanceSpec", ModifyPrepayInstanceSpecJsonContext.Default.ModifyPrepayInstanceSpecDocument)
    {
    }

    public static ModifyPrepayInstanceSpecOperation Instance { get; } = new();

    public override void Validate(ModifyPrepayInstanceSpecRequest request) => request.Validate();

    public override string? RegionIdOf(ModifyPrepayInstanceSpecRequest request) => request.RegionId;

    public override string? ClientTokenOf(ModifyPrepayInstanceSpecRequest request) => request.ClientToken;

    public override IReadOnlyList<KeyValuePair<string, string>> ToWire(ModifyPrepayInstanceSpecRequest request, string? clientToken) =>
        new WireParameters()
            .Add("RegionId", request.RegionId)
            .Add("InstanceId", request.InstanceId)
            .Add("InstanceType", request.InstanceType)
            .Add("OperatorType", request.OperatorType is { } op ? WireParameters.Format(op) : null)
            .Add("ClientToken", clientToken)
            .Add("AutoPay", request.AutoPay)
            .Add("MigrateAcrossZone", request.MigrateAcrossZone)
            .Add("SystemDisk.Category", request.SystemDiskCategory is { } category ? WireParameters.Format(category) : null)
            .AddMinuteTime("RebootTime", request.RebootTime)
            .AddMinuteTime("EndTime", request.EndTime)
            .Add("RebootWhenFinished", request.RebootWhenFinished)
            .Add("ModifyMode", request.ModifyMode)
            .AddDisks(request.Disks, static d => (d.DiskId, d.Category, d.PerformanceLevel))
            .Parameters;

    protected override string? RequestIdOf(ModifyPrepayInstanceSpecDocument document) => document.RequestId;

    /// <summary>An answer without an <c>OrderId</c> is not the documented document: the order it created is unknown.</summary>
    protected override ModifyPrepayInstanceSpecResponse? ToResponse(ModifyPrepayInstanceSpecDocument document, string requestId, string? clientToken) =>
        string.IsNullOrEmpty(document.OrderId) ? null : new(requestId, document.OrderId, clientToken);
}

/// <summary>The success document of <c>ModifyPrepayInstanceSpec</c>.</summary>
internal sealed class ModifyPrepayInstanceSpecDocument
{
    public string? RequestId { get; set; }

    [JsonConverter(typeof(StringOrIntegerConverter))]
    public string? OrderId { get; set; }
}

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata of the success document.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ModifyPrepayInstanceSpecDocument))]
internal sealed partial class ModifyPrepayInstanceSpecJsonContext : JsonSerializerContext;
