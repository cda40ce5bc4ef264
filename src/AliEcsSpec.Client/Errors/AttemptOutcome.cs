namespace AliEcsSpec.Client.Errors;

/// <summary>
/// What one attempt came to, classified once by <see cref="OutcomeClassifier"/>: the operation's typed response, or
/// the <see cref="EcsError"/> that describes why there is none.
/// </summary>
internal sealed class AttemptOutcome
{
    private AttemptOutcome(IEcsResponse? response, EcsError? error)
    {
        Response = response;
        Error = error;
    }

    /// <summary>The response; <see langword="null"/> when the attempt failed.</summary>
    public IEcsResponse? Response { get; }

    /// <summary>Why the attempt failed; <see langword="null"/> when it succeeded.</summary>
    public EcsError? Error { get; }

    public static AttemptOutcome Success(IEcsResponse response) => new(response, null);

    public static AttemptOutcome Failure(EcsError error) => new(null, error);
}
