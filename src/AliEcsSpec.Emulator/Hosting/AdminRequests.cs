namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// The body of <c>POST /_emulator/faults</c>: the next <see cref="Count"/> calls of <see cref="Action"/> on
/// <see cref="InstanceId"/> (any when absent) answer the fault <see cref="Kind"/>.
/// </summary>
internal sealed class ScriptedFaultRequest
{
    /// <summary>A name of <see cref="InjectedFault.ByName"/>, <c>error</c> or <c>delay-after-commit</c>.</summary>
    public string? Kind { get; set; }

    public int Count { get; set; } = 1;

    public string? Action { get; set; }

    public string? InstanceId { get; set; }

    /// <summary>For <c>error</c>: the HTTP status (400 to 599).</summary>
    public int? Status { get; set; }

    /// <summary>For <c>error</c>: the error code.</summary>
    public string? Code { get; set; }

    /// <summary>For <c>error</c>: the message (a generic one when absent).</summary>
    public string? Message { get; set; }

    /// <summary>For <c>delay-after-commit</c>: how long to wait before answering.</summary>
    public double? DelaySeconds { get; set; }

    /// <summary>The fault the body describes, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public InjectedFault? ToFault(out string problem)
    {
        problem = string.Empty;
        if (Kind is not null && InjectedFault.ByName.TryGetValue(Kind, out var named))
        {
            return named;
        }

        if (string.Equals(Kind, "error", StringComparison.OrdinalIgnoreCase))
        {
            if (Status is >= 400 and <= 599 && !string.IsNullOrEmpty(Code))
            {
                return Message is null ? InjectedFault.Answer(Status.Value, Code) : InjectedFault.Answer(Status.Value, Code, Message);
            }

            problem = "kind \"error\" needs status (400 to 599) and code.";
            return null;
        }

        if (string.Equals(Kind, "delay-after-commit", StringComparison.OrdinalIgnoreCase))
        {
            if (DelaySeconds is >= 0 and <= 3600)
            {
                return InjectedFault.DelayAfterCommit(TimeSpan.FromSeconds(DelaySeconds.Value));
            }

            problem = "kind \"delay-after-commit\" needs delaySeconds (0 to 3600).";
            return null;
        }

        problem = $"kind must be one of {string.Join(", ", InjectedFault.ByName.Keys)}, error, delay-after-commit.";
        return null;
    }
}

/// <summary>The body of <c>POST /_emulator/faults/random</c>: see <see cref="FaultInjector.Random(double, int, IReadOnlyList{InjectedFault}, FaultDrawKey)"/>.</summary>
internal sealed class RandomFaultsRequest
{
    public double Rate { get; set; }

    public int Seed { get; set; }

    /// <summary>Names of <see cref="InjectedFault.ByName"/>; <see cref="InjectedFault.Transient"/> when absent.</summary>
    public IReadOnlyList<string>? Mix { get; set; }

    public FaultDrawKey Key { get; set; }
}

/// <summary>The body of <c>POST /_emulator/throttling</c>: see <see cref="EmulatorThrottling.Enable"/>.</summary>
internal sealed class ThrottlingRequest
{
    public double Rate { get; set; }

    public int Burst { get; set; } = 10;

    public double? RetryAfterSeconds { get; set; }
}

/// <summary>The answer to a refused admin call.</summary>
/// <param name="Error">What is wrong.</param>
internal sealed record AdminError(string Error);
