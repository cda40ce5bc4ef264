using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary><c>StopInstance</c>: the wire parameters of its request and the reading of its answer.</summary>
internal sealed class StopInstanceOperation : EcsOperation<StopInstanceRequest, StopInstanceResponse, RequestIdDocument>
{
    private readonly DryRunReader _dryRun;

    private StopInstanceOperation()
        : base("StopInstance", RequestIdJsonContext.Default.RequestIdDocument) =>
        _dryRun = new DryRunReader(this, static (requestId, _) => new StopInstanceResponse(requestId, DryRun: true));

    public static StopInstanceOperation Instance { get; } = new();

    public override bool SendsClientToken => false;

    public override void Validate(StopInstanceRequest request) => request.Validate();

    public override string? RegionIdOf(StopInstanceRequest request) => null;

    public override string? ClientTokenOf(StopInstanceRequest request) => null;

    public override IResponseReader ReaderFor(StopInstanceRequest request) => request.DryRun == true ? _dryRun : this;

    public override IReadOnlyList<KeyValuePair<string, string>> ToWire(StopInstanceRequest request, string? clientToken) =>
        new WireParameters()
            .Add("InstanceId", request.InstanceId)
            .Add("ForceStop", request.ForceStop)
            .AddName("StoppedMode", request.StoppedMode)
            .Add("ConfirmStop", request.ConfirmStop)
            .Add("Hibernate", request.Hibernate)
            .Add("DryRun", request.DryRun)
            .Parameters;

    protected override string? RequestIdOf(RequestIdDocument document) => document.RequestId;

    protected override StopInstanceResponse ToResponse(RequestIdDocument document, string requestId, string? clientToken) => new(requestId);
}
