namespace AliEcsSpec.Client;

/// <summary>
/// What a call hands its caller: the result itself (the <c>Try…</c> methods) or the response, thrown as an
/// exception on failure. Chosen at compile time, so that the throwing methods need no second async layer.
/// </summary>
internal interface ICallOutcome<TResponse, TOutcome>
    where TResponse : class, IEcsResponse
{
    static abstract TOutcome From(EcsResult<TResponse> result);
}

internal sealed class ThrowingOutcome<TResponse> : ICallOutcome<TResponse, TResponse>
    where TResponse : class, IEcsResponse
{
    public static TResponse From(EcsResult<TResponse> result) => result.GetValueOrThrow();
}

internal sealed class ResultOutcome<TResponse> : ICallOutcome<TResponse, EcsResult<TResponse>>
    where TResponse : class, IEcsResponse
{
    public static EcsResult<TResponse> From(EcsResult<TResponse> result) => result;
}
