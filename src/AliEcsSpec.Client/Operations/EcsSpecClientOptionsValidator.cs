using Microsoft.Extensions.Options;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Transport;

namespace AliEcsSpec.Client;

/// <summary>
/// The rules of <see cref="EcsSpecClientOptions"/>, shared by <see cref="EcsSpecClient.Create(EcsSpecClientOptions)"/>
/// and by dependency injection (where they run at start-up through <c>ValidateOnStart</c>).
/// </summary>
internal sealed class EcsSpecClientOptionsValidator : IValidateOptions<EcsSpecClientOptions>
{
    /// <summary>The longest timeout or back-off accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The most attempts one call may make.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The smallest bound on a body: room for any ECS document, with its message.</summary>
    public const int MinResponseBodyBytes = 1024;

    /// <summary>The largest bound on a body: more would only let a misbehaving proxy fill memory.</summary>
    public const int MaxResponseBodyBytes = 16 * 1024 * 1024;

    private readonly Func<EcsSpecClientOptions, string?>? _credentialsCheck;

    /// <param name="credentialsCheck">Says why no credentials can be found, or returns null when they can. Runs only when every other rule holds.</param>
    public EcsSpecClientOptionsValidator(Func<EcsSpecClientOptions, string?>? credentialsCheck = null) =>
        _credentialsCheck = credentialsCheck;

    public ValidateOptionsResult Validate(string? name, EcsSpecClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        // Only when the options themselves are sound: resolving credentials from broken options proves nothing.
        if (failures.Count == 0 && _credentialsCheck?.Invoke(options) is { } credentialsProblem)
        {
            failures.Add(credentialsProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(EcsSpecClientOptions options)
    {
        if (options.RegionId is not null && !RegionIds.IsValid(options.RegionId))
        {
            yield return $"EcsSpecClientOptions.RegionId '{options.RegionId}' is not a region ID: use lower-case letters, digits and '-', for example 'cn-hangzhou'.";
        }

        if (options.Endpoint is { } endpoint && EndpointResolver.Check(endpoint) is { } endpointProblem)
        {
            yield return $"EcsSpecClientOptions.Endpoint {endpointProblem}";
        }

        if (options.RegionId is null && options.Endpoint is null)
        {
            yield return "EcsSpecClientOptions.RegionId is required when no Endpoint is set: it chooses the endpoint https://ecs.{RegionId}.aliyuncs.com.";
        }

        if (options.MaxResponseBodyBytes is < MinResponseBodyBytes or > MaxResponseBodyBytes)
        {
            yield return $"EcsSpecClientOptions.MaxResponseBodyBytes must be from {MinResponseBodyBytes} (1 KiB) to {MaxResponseBodyBytes} (16 MiB) (was {options.MaxResponseBodyBytes}).";
        }

        foreach (var failure in RetryFailures(options.Retry))
        {
            yield return failure;
        }

        var hasId = !string.IsNullOrWhiteSpace(options.AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.AccessKeySecret);
        if (hasId != hasSecret)
        {
            yield return hasId
                ? "EcsSpecClientOptions.AccessKeySecret is required when AccessKeyId is set."
                : "EcsSpecClientOptions.AccessKeyId is required when AccessKeySecret is set.";
        }

        if (options.SecurityToken is not null && (!hasId || string.IsNullOrWhiteSpace(options.SecurityToken)))
        {
            yield return "EcsSpecClientOptions.SecurityToken must be non-blank and needs AccessKeyId and AccessKeySecret (the temporary AccessKey it belongs to).";
        }
    }

    private static IEnumerable<string> RetryFailures(EcsRetryOptions retry)
    {
        if (retry.MaxAttempts is < 1 or > MaxAttempts)
        {
            yield return $"EcsSpecClientOptions.Retry.MaxAttempts must be from 1 to {MaxAttempts} (was {retry.MaxAttempts}).";
        }

        foreach (var (name, value, zeroAllowed) in new (string Name, TimeSpan Value, bool ZeroAllowed)[]
        {
            (nameof(retry.BaseDelay), retry.BaseDelay, true),
            (nameof(retry.ThrottlingBaseDelay), retry.ThrottlingBaseDelay, true),
            (nameof(retry.MaxDelay), retry.MaxDelay, true),
            (nameof(retry.AttemptTimeout), retry.AttemptTimeout, false),
            (nameof(retry.TotalTimeout), retry.TotalTimeout, false),
        })
        {
            if (value < TimeSpan.Zero || (!zeroAllowed && value == TimeSpan.Zero) || value > MaxTimeout)
            {
                yield return $"EcsSpecClientOptions.Retry.{name} must be {(zeroAllowed ? "zero or more" : "greater than zero")} and at most {MaxTimeout.TotalMinutes} minutes (was {value}).";
            }
        }

        if (retry.AttemptTimeout > retry.TotalTimeout)
        {
            yield return $"EcsSpecClientOptions.Retry.AttemptTimeout ({retry.AttemptTimeout}) must not be longer than Retry.TotalTimeout ({retry.TotalTimeout}).";
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every broken rule (for code that does not use DI).</summary>
    public void ThrowIfInvalid(EcsSpecClientOptions options, string paramName)
    {
        var result = Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid EcsSpecClientOptions: " + string.Join(" ", result.Failures), paramName);
        }
    }
}
