namespace AliEcsSpec.Emulator;

/// <summary>How an <see cref="EcsEmulator"/> behaves.</summary>
public sealed class EcsEmulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The initial state; <see cref="EmulatorSeed.Demo"/> by default.</summary>
    public EmulatorSeed Seed { get; set; } = EmulatorSeed.Demo;

    /// <summary>The emulator's clock (timestamps, nonces, cooldowns, when changes apply).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long after a successful call the new instance type applies (the documents say 5 to 10 seconds).</summary>
    public TimeSpan ApplyDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping instance takes to be <c>Stopped</c> after <c>StopInstance</c> (<c>Stopping</c> until then).</summary>
    public TimeSpan StopDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a starting instance takes to be <c>Running</c> after <c>StartInstance</c> (<c>Starting</c> until then).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Which revision of the API documents the rules follow: <see cref="EmulatorDocumentRevision.Newer"/> (the
    /// default) or <see cref="EmulatorDocumentRevision.Older"/>.
    /// </summary>
    public EmulatorDocumentRevision DocumentRevision { get; set; } = EmulatorDocumentRevision.Newer;

    /// <summary>
    /// The length of the documented five-minute rules: after a successful change (003), a downgrade (000), or a type
    /// downgrade before another (004), the instance refuses what the revision says for this long. 001/002 have none.
    /// </summary>
    public TimeSpan ChangeCooldown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Answers <c>OrderId</c> as a JSON number, as the older API revision does (default: a string, as the newer does).</summary>
    public bool OrderIdAsNumber { get; set; }

    /// <summary>
    /// Serves the admin routes under <c>/_emulator/</c>: the state as JSON, scripted and random faults, throttling and
    /// a reset (see the README). Off by default: anyone who can reach the port can use them.
    /// </summary>
    public bool EnableAdminRoutes { get; set; }

    /// <summary>Per-AccessKey throttling: requests per second (null, the default, disables it).</summary>
    public double? ThrottleRequestsPerSecond { get; set; }

    /// <summary>Per-AccessKey throttling: how many requests may arrive at once.</summary>
    public int ThrottleBurst { get; set; } = 10;

    /// <summary>
    /// Per-AccessKey throttling: the <c>Retry-After</c> hint a refusal carries (whole seconds, rounded up); none when
    /// null, the default, as the service sends none.
    /// </summary>
    public TimeSpan? ThrottleRetryAfter { get; set; }

    /// <summary>Serves the ECS metadata service stand-in under <c>/latest/</c> (on by default).</summary>
    public bool EnableMetadataService { get; set; } = true;

    /// <summary>Issues IMDSv2 session tokens (on by default); off, <c>PUT /latest/api/token</c> answers 404, as older instances do.</summary>
    public bool SupportImdsV2 { get; set; } = true;

    /// <summary>Refuses metadata requests without an IMDSv2 session token (hardened mode).</summary>
    public bool RequireImdsV2 { get; set; }

    /// <summary>How long the metadata service's RAM-role credentials last.</summary>
    public TimeSpan MetadataCredentialLifetime { get; set; } = TimeSpan.FromHours(1);
}
