using System.Globalization;
using System.Security.Cryptography;

namespace AliEcsSpec.Client.Soak;

/// <summary>
/// What one soak run does: the command line (<c>--calls</c>, <c>--fault-rate</c>, <c>--seed</c>, <c>--callers</c>) and
/// the client timings shortened so that ten thousand calls under faults take minutes instead of hours.
/// </summary>
internal sealed record SoakSettings
{
    public const string Usage = "usage: soak [--calls N (10000)] [--fault-rate R (0.3)] [--seed S (random)] [--callers C (16)] [--resizes N (200)]";

    /// <summary>The first back-off after a service failure or a lost answer (the client's default is 0.5 s).</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The first back-off after throttling (the client's default is 2 s).</summary>
    public static readonly TimeSpan ThrottlingBaseDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest back-off (the client's default is 20 s).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long one attempt may take (the client's default is 30 s). Far above a loopback answer on a busy two-core
    /// machine, so that only the injected slow replies time out.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a whole call may take (the client's default is 2 min): room for every attempt to time out.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a slow reply waits after the change was committed: well beyond <see cref="AttemptTimeout"/>.</summary>
    public static readonly TimeSpan SlowReply = AttemptTimeout * 3;

    /// <summary>
    /// How long a logical call may run before it counts as hung: far above <see cref="TotalTimeout"/>, which the
    /// client promises to keep, so only a real hang reaches it.
    /// </summary>
    public static readonly TimeSpan Watchdog = TotalTimeout * 6;

    /// <summary>How many logical calls in all.</summary>
    public int Calls { get; init; } = 10_000;

    /// <summary>The probability that an attempt meets a fault.</summary>
    public double FaultRate { get; init; } = 0.3;

    /// <summary>The seed of the fleet, the call plan and the fault draws.</summary>
    public int Seed { get; init; }

    /// <summary>How many callers run at once.</summary>
    public int Callers { get; init; } = 16;

    /// <summary>How many instances the workflow phase resizes, each with its own plan, under the same fault rate.</summary>
    public int Resizes { get; init; } = 200;

    /// <summary>Reads the command line; a random seed when none is given. Throws <see cref="ArgumentException"/> with the usage.</summary>
    public static SoakSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new SoakSettings { Seed = RandomNumberGenerator.GetInt32(1, int.MaxValue) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            settings = name switch
            {
                "--calls" => settings with { Calls = Int(name, value, 1, 10_000_000) },
                "--fault-rate" => settings with { FaultRate = Rate(name, value) },
                "--seed" => settings with { Seed = Int(name, value, int.MinValue, int.MaxValue) },
                "--callers" => settings with { Callers = Int(name, value, 1, 1024) },
                "--resizes" => settings with { Resizes = Int(name, value, 0, 100_000) },
                _ => throw new ArgumentException($"Unknown option {name}. {Usage}"),
            };
        }

        return settings;
    }

    /// <summary>The command that repeats this run.</summary>
    public string ReplayCommand => string.Create(
        CultureInfo.InvariantCulture,
        $"bash build/soak.sh --calls {Calls} --fault-rate {FaultRate} --seed {Seed} --callers {Callers} --resizes {Resizes}");

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not \"{value}\". {Usage}");

    private static double Rate(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new ArgumentException($"{name} must be a number from 0 to 1, not \"{value}\". {Usage}");
}
