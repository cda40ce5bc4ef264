namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// The rules of ModifyPrepayInstanceSpec and ModifyInstanceSpec as the five API documents describe them, each answering
/// with its documented code and HTTP status.
/// </summary>
internal sealed class EcsRules(EmulatorState state, EcsEmulatorOptions options)
{
    private readonly ModifyPrepayInstanceSpecRules _prepay = new(state, options);
    private readonly ModifyInstanceSpecRules _spec = new(state, options);

    public RpcOutcome ModifyPrepayInstanceSpec(string accessKeyId, IReadOnlyDictionary<string, string> p) => _prepay.Handle(accessKeyId, p);

    public RpcOutcome ModifyInstanceSpec(string accessKeyId, IReadOnlyDictionary<string, string> p) => _spec.Handle(accessKeyId, p);
}

/// <summary>The actions the emulator serves.</summary>
internal static class EcsActions
{
    public const string ModifyPrepayInstanceSpec = nameof(ModifyPrepayInstanceSpec);

    public const string ModifyInstanceSpec = nameof(ModifyInstanceSpec);

    public const string Version = "2014-05-26";
}
