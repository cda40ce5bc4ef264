using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// How the waiters and <see cref="InstanceResizer.ResizeInstanceAsync"/> poll: the clock they read, how long they
/// wait between two <c>DescribeInstances</c> calls and in all, and where they log.
/// </summary>
public sealed record EcsWorkflowOptions
{
    /// <summary>The clock every wait and step duration is measured with (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where each step is logged; unset, nothing is logged.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The pause before the second poll; each following pause doubles, up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan FirstPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between two polls.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one wait (until Stopped, until the new type shows, until Running) may take in all.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the option and the rule.</summary>
    internal void Validate(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, parameterName);
        if (FirstPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(FirstPollInterval)} must be positive; it is {FirstPollInterval}.", parameterName);
        }

        if (MaxPollInterval < FirstPollInterval)
        {
            throw new ArgumentException(
                $"{nameof(MaxPollInterval)} ({MaxPollInterval}) must be at least {nameof(FirstPollInterval)} ({FirstPollInterval}).", parameterName);
        }

        if (WaitTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(WaitTimeout)} must be positive; it is {WaitTimeout}.", parameterName);
        }
    }
}
