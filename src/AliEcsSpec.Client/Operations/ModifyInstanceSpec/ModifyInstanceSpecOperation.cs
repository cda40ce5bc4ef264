using System.Text.Json.Serialization;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary><c>ModifyInstanceSpec</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class ModifyInstanceSpecOperation
    : EcsOperation<ModifyInstanceSpecRequest, ModifyInstanceSpecResponse, ModifyInstanceSpecDocument>
{
    private readonly DryRunReader _dryRun;

    private ModifyInstanceSpecOperation()
        : base("ModifyInstanceSpec", ModifyInstanceSpecJsonContext.Default.ModifyInstanceSpecDocument) =>
        _dryRun = new DryRunReader(this, static (requestId, clientToken) => new ModifyInstanceSpecResponse(requestId, clientToken, DryRun: true));

    public static ModifyInstanceSpecOperation Instance { get; } = new();

    public override void Validate(ModifyInstanceSpecRequest request) => request.Validate();

    public override string? RegionIdOf(ModifyInstanceSpecRequest request) => request.RegionId;

    public override string? ClientTokenOf(ModifyInstanceSpecRequest request) => request.ClientToken;

    public override IResponseReader ReaderFor(ModifyInstanceSpecRequest request) => request.DryRun == true ? _dryRun : this;

    public override IReadOnlyList<KeyValuePair<string, string>> ToWire(ModifyInstanceSpecRequest request, string? clientToken) =>
        new WireParameters()
            .Add("RegionId", request.RegionId)
            .Add("InstanceId", request.InstanceId)
            .Add("InstanceType", request.InstanceType)
            .Add("InternetMaxBandwidthOut", request.InternetMaxBandwidthOut)
            .Add("InternetMaxBandwidthIn", request.InternetMaxBandwidthIn)
            .AddSecondTime("Temporary.StartTime", request.TemporaryStartTime)
            .AddSecondTime("Temporary.EndTime", request.TemporaryEndTime)
            .Add("Temporary.InternetMaxBandwidthOut", request.TemporaryInternetMaxBandwidthOut)
            .Add("Async", request.Async)
            .Add("AllowMigrateAcrossZone", request.AllowMigrateAcrossZone)
            .Add("SystemDisk.Category", request.SystemDiskCategory is { } category ? WireParameters.Format(category) : null)
            .Add("ClientToken", clientToken)
            .Add("DryRun", request.DryRun)
            .Add("ModifyMode", request.ModifyMode)
            .AddDisks(request.Disks, static d => (d.DiskId, d.Category, d.PerformanceLevel))
            .Parameters;

    protected override string? RequestIdOf(ModifyInstanceSpecDocument document) => document.RequestId;

    protected override ModifyInstanceSpecResponse ToResponse(ModifyInstanceSpecDocument document, string requestId, string? clientToken) =>
        new(requestId, clientToken);
}

/// <summary>The success document of <c>ModifyInstanceSpec</c>.</summary>
internal sealed class ModifyInstanceSpecDocument
{
    public string? RequestId { get; set; }
}

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata of the success document.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ModifyInstanceSpecDocument))]
internal sealed partial class ModifyInstanceSpecJsonContext : JsonSerializerContext;
