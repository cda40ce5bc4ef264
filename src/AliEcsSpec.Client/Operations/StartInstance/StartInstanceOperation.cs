using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary><c>StartInstance</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class StartInstanceOperation : EcsOperation<StartInstanceRequest, StartInstanceResponse, RequestIdDocument>
{
    private readonly DryRunReader _dryRun;

    private StartInstanceOperation()
        : base("StartInstance", RequestIdJsonContext.Default.RequestIdDocument) =>
        _dryRun = new DryRunReader(this, static (requestId, _) => new StartInstanceResponse(requestId, DryRun: true));

    public static StartInstanceOperation Instance { get; } = new();

    public override bool SendsClientToken => false;

    public override void Validate(StartInstanceRequest request) => request.Validate();

    public override string? RegionIdOf(StartInstanceRequest request) => null;

    public override string? ClientTokenOf(StartInstanceRequest request) => null;

    public override IResponseReader ReaderFor(StartInstanceRequest request) => request.DryRun == true ? _dryRun : this;

    public override IReadOnlyList<KeyValuePair<string, string>> ToWire(StartInstanceRequest request, string? clientToken) =>
        new WireParameters()
            .Add("InstanceId", request.InstanceId)
            .Add("InitLocalDisk", request.InitLocalDisk)
            .Add("DryRun", request.DryRun)
            .Parameters;

    protected override string? RequestIdOf(RequestIdDocument document) => document.RequestId;

    protected override StartInstanceResponse ToResponse(RequestIdDocument document, string requestId, string? clientToken) => new(requestId);
}
