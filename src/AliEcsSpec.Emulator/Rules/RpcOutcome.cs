namespace AliEcsSpec.Emulator.Rules;

/// <summary>What a rule decided: an error, or success with the documented fields.</summary>
/// <param name="Error">The error, or null on success.</param>
/// <param name="OrderId">The order of a successful <c>ModifyPrepayInstanceSpec</c>.</param>
internal sealed record RpcOutcome(ServiceError? Error, string? OrderId = null)
{
    /// <summary>Temporary credentials issued by an STS action.</summary>
    public StsSession? Session { get; init; }

    /// <summary>Writes the success document's fields after <c>RequestId</c> (a describing action's answer).</summary>
    public Action<System.Text.Json.Utf8JsonWriter>? Body { get; init; }

    public static implicit operator RpcOutcome(ServiceError error) => new(error);
}
