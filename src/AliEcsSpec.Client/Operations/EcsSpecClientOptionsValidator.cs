using Microsoft.Extensions.Options;
using AliEcsSpec.Client.Resilience;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Signing;
using AliEcsSpec.Client.Transport;

namespace AliEcsSpec.Client;

/// <summary>
/// The rules of <see cref="EcsSpecClientOptions"/>: the ranges its attributes give (checked by the source-generated
/// <see cref="EcsSpecClientOptionsRanges"/>), then the rules no attribute can say, then the credentials check. Shared
/// by <see cref="EcsSpecClient.Create(EcsSpecClientOptions)"/> and by dependency injection (where they run at start-up through <c>ValidateOnStart</c>).
/// </summary>
internal sealed class EcsSpecClientOptionsValidator : IValidateOptions<EcsSpecClientOptions>
{
    private static readonly EcsSpecClientOptionsRanges Ranges = new();

    private readonly Func<EcsSpecClientOptions, string?>? _credentialsCheck;

    /// <param name="credentialsCheck">Says why no credentials can be found, or returns null when they can. Runs only when every other rule holds.</param>
    public EcsSpecClientOptionsValidator(Func<EcsSpecClientOptions, string?>? credentialsCheck = null) =>
        _credentialsCheck = credentialsCheck;

    public ValidateOptionsResult Validate(string? name, EcsSpecClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = (Ranges.Validate(name, options).Failures ?? []).Concat(CustomRuleFailures(options)).ToList();
        // Only when the options themselves are sound: resolving credentials from broken options proves nothing.
        if (failures.Count == 0 && _credentialsCheck?.Invoke(options) is { } credentialsProblem)
        {
            failures.Add(credentialsProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // What no attribute can say: formats shared with the requests' own checks (region IDs, endpoints), and rules that
    // span fields.
    private static IEnumerable<string> CustomRuleFailures(EcsSpecClientOptions options)
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

        if (!Enum.IsDefined(options.SignatureVersion))
        {
            yield return $"EcsSpecClientOptions.SignatureVersion {(int)options.SignatureVersion} is not a signature version: use V2 or V3.";
        }

        if (options.Retry.AttemptTimeout > options.Retry.TotalTimeout)
        {
            yield return $"EcsSpecClientOptions.Retry.AttemptTimeout ({options.Retry.AttemptTimeout}) must not be longer than Retry.TotalTimeout ({options.Retry.TotalTimeout}).";
        }

        if (!Enum.IsDefined(options.RateLimit.Mode))
        {
            yield return $"EcsSpecClientOptions.RateLimit.Mode {(int)options.RateLimit.Mode} is not a rate-limit mode: use Adaptive, Fixed or Off.";
        }

        if (options.RateLimit is { Mode: RateLimitMode.Fixed, RequestsPerSecond: null })
        {
            yield return "EcsSpecClientOptions.RateLimit.RequestsPerSecond is required when RateLimit.Mode is Fixed: it is the rate the client keeps to.";
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
