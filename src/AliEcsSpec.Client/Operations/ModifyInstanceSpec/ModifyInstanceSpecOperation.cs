using System.Text.Json.Serialization;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary><c>ModifyInstanceSpec</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class ModifyInstanceSpecOperation
    : EcsOperation<ModifyInstanceSpecRequest, ModifyInstanceSpecResponse, ModifyInstanceSpecDocument>
{
    private readonly bool _dryRun;

    private ModifyInstanceSpecOperation(bool dryRun)
        : base("ModifyInstanceSpec", ModifyInstanceSpecJsonContext.Default.ModifyInstanceSpecDocument) => _dryRun = dryRun;

    public static ModifyInstanceSpecOperation Instance { get; } = new(dryRun: false);

    /// <summary>The same operation for a request that asks for a dry run, whose passing answer is an error code.</summary>
    private static ModifyInstanceSpecOperation DryRun { get; } = new(dryRun: true);

    public override void Validate(ModifyInstanceSpecRequest request) => request.Validate();

    public override string? RegionIdOf(ModifyInstanceSpecRequest request) => request.RegionId;

    public override string? ClientTokenOf(ModifyInstanceSpecRequest request) => request.ClientToken;

    public override IResponseReader ReaderFor(ModifyInstanceSpecRequest request) => request.DryRun == true ? DryRun : this;

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

    /// <summary>
    /// The service answers a dry run that would succeed with the error code <c>DryRunOperation</c>: for a request that
    /// asked for a dry run, that answer is the success. The same code without a dry run stays an error.
    /// </summary>
    public override IEcsResponse? SuccessFromError(EcsError error) =>
        _dryRun && error is { Kind: EcsErrorKind.Service, ErrorCode: EcsErrorCatalog.DryRunOperation }
            ? new ModifyInstanceSpecResponse(error.RequestId ?? string.Empty, error.ClientToken, DryRun: true)
            : null;

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
