namespace AliEcsSpec.Client.Errors;

/// <summary>What every response has, so that the call path can log it without knowing the operation.</summary>
internal interface IEcsResponse
{
    /// <summary>The service's request ID.</summary>
    string RequestId { get; }
}
