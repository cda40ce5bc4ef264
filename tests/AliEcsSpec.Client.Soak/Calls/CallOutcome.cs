using System.Globalization;
using AliEcsSpec.Client.Soak.Fleet;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Soak.Calls;

/// <summary>How one logical call ended, as its caller saw it.</summary>
internal sealed record CallOutcome(PlannedCall Call, TimeSpan Elapsed)
{
    /// <summary>Whether the call returned a response.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The ClientToken the caller learned: from the response, or from the exception.</summary>
    public string? ReportedToken { get; init; }

    /// <summary>The OrderId of a successful ModifyPrepayInstanceSpec.</summary>
    public string? OrderId { get; init; }

    /// <summary>The typed exception the call ended with.</summary>
    public EcsException? Failure { get; init; }

    /// <summary>Anything else the call ended with: what must never happen.</summary>
    public Exception? Untyped { get; init; }

    /// <summary>Whether the call was still running when the watchdog gave up on it.</summary>
    public bool Hung { get; init; }

    /// <summary>The error behind <see cref="Failure"/>.</summary>
    public EcsError? Error => Failure switch
    {
        EcsServiceException service => service.Error,
        EcsTransportException transport => transport.Error,
        _ => null,
    };

    /// <summary>Whether the call ended in neither success nor a typed <see cref="EcsException"/>.</summary>
    public bool EndedUntyped => !Succeeded && Failure is null;

    /// <summary>What the call failed with, as one label: the error code, or the kind of failure without one.</summary>
    public string FailureLabel => Failure switch
    {
        null => Hung ? "hung (watchdog)" : $"untyped {Untyped?.GetType().Name}",
        EcsUnexpectedResponseException unexpected => string.Create(CultureInfo.InvariantCulture, $"unexpected response, HTTP {(int)unexpected.StatusCode}"),
        EcsServiceException service => service.ErrorCode ?? "(no code)",
        EcsTransportException transport => "no answer: " + transport.Error.Message.TrimEnd('.'),
        _ => Failure.GetType().Name,
    };

    /// <summary>
    /// Whether the failure is the service refusing the request itself (a business error) rather than faults the
    /// retries could not get past.
    /// </summary>
    public bool IsBusinessError => Error is { IsRetryable: false, Kind: EcsErrorKind.Service };
}
