using System.Diagnostics.CodeAnalysis;

namespace AliEcsSpec.Client.Errors;

/// <summary>
/// The outcome of a <c>Try…</c> call: either the response (<see cref="IsSuccess"/>) or the <see cref="EcsError"/>
/// that describes why the call failed. Service errors and transport failures become failures; invalid arguments
/// and the caller's own cancellation still throw.
/// </summary>
/// <typeparam name="T">The response type.</typeparam>
public sealed class EcsResult<T>
    where T : class
{
    internal EcsResult(T? value, EcsError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Whether the call succeeded; then <see cref="Value"/> is set, otherwise <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The response of a successful call; <see langword="null"/> on failure.</summary>
    public T? Value { get; }

    /// <summary>Why the call failed; <see langword="null"/> on success.</summary>
    public EcsError? Error { get; }

    /// <summary>Returns the response, or throws the typed exception of the failure.</summary>
    /// <returns>The response.</returns>
    /// <exception cref="EcsException">The typed exception of <see cref="Error"/>.</exception>
    public T GetValueOrThrow() => IsSuccess ? Value : throw Error.ToException();

    /// <summary>Runs one of two functions depending on the outcome.</summary>
    /// <typeparam name="TResult">What both functions return.</typeparam>
    /// <param name="onSuccess">Called with the response.</param>
    /// <param name="onFailure">Called with the error.</param>
    /// <returns>What the function that ran returned.</returns>
    public TResult Match<TResult>(Func<T, TResult> onSuccess, Func<EcsError, TResult> onFailure)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        return IsSuccess ? onSuccess(Value) : onFailure(Error);
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success: {Value}" : $"Failure: {Error}";
}

/// <summary>Creates <see cref="EcsResult{T}"/> values, for example in test doubles of <see cref="IEcsSpecClient"/>.</summary>
public static class EcsResult
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="value">The response.</param>
    /// <returns>A result whose <see cref="EcsResult{T}.IsSuccess"/> is <see langword="true"/>.</returns>
    public static EcsResult<T> Success<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new EcsResult<T>(value, null);
    }

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="error">Why the call failed.</param>
    /// <returns>A result whose <see cref="EcsResult{T}.IsSuccess"/> is <see langword="false"/>.</returns>
    public static EcsResult<T> Failure<T>(EcsError error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(error);
        return new EcsResult<T>(null, error);
    }
}
