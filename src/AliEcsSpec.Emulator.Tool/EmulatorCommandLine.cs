using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace AliEcsSpec.Emulator.Tool;

/// <summary>
/// The command line of <c>aliecs-emulator</c>: one option per setting of <see cref="EcsEmulatorOptions"/> (but the
/// clock) and the random faults, each checked as it is parsed, so that a bad value never reaches the emulator.
/// </summary>
internal sealed class EmulatorCommandLine
{
    /// <summary>The port when none is given: fixed, so that other languages' SDKs can be pointed at it once.</summary>
    public const int DefaultPort = 8085;

    // The longest duration any option takes (a day): long enough for every rule, short enough to stay a mistake check.
    private const double MaxSeconds = 86_400;

    private static readonly EcsEmulatorOptions Defaults = new();

    private readonly Option<int> _port = Ranged("--port", "Listen on 127.0.0.1:PORT; 0 picks a free port.", "PORT", 0, 65535, DefaultPort);

    private readonly Option<EmulatorSeed?> _seed = new("--seed")
    {
        Description = "Start from a JSON seed file instead of the demo fleet.", HelpName = "FILE", CustomParser = ReadSeed,
    };

    private readonly Option<bool> _admin = new("--admin") { Description = "Serve the admin routes under /_emulator/ (state, faults, throttling, reset)." };

    private readonly Option<double> _applyDelay = Seconds("--apply-delay", "When a new instance type applies after a successful call.", Defaults.ApplyDelay);
    private readonly Option<double> _stopDelay = Seconds("--stop-delay", "How long a StopInstance keeps the instance Stopping.", Defaults.StopDelay);
    private readonly Option<double> _startDelay = Seconds("--start-delay", "How long a StartInstance keeps the instance Starting.", Defaults.StartDelay);

    private readonly Option<double> _cooldown = Seconds("--change-cooldown", "The length of the documented five-minute rules.", Defaults.ChangeCooldown);

    private readonly Option<string> _revision = new Option<string>("--revision")
    {
        Description = "Which revision of the API documents the rules follow.", DefaultValueFactory = _ => "newer",
    }.AcceptOnlyFromAmong("newer", "older");

    private readonly Option<bool> _orderIdAsNumber = new("--order-id-as-number") { Description = "Answer OrderId as a JSON number, like the older API revision." };

    private readonly Option<double> _throttleRate = Ranged("--throttle-rate", "Throttle each AccessKey to RATE requests per second (off by default).", "RATE", 0.001, 1_000_000);

    private readonly Option<int> _throttleBurst = Ranged("--throttle-burst", "How many requests per AccessKey may arrive at once.", "N", 1, 1_000_000, Defaults.ThrottleBurst);

    private readonly Option<double> _retryAfter = Ranged("--retry-after", "Send Retry-After: SECONDS (rounded up) with each throttling refusal.", "SECONDS", 0, MaxSeconds);

    private readonly Option<double> _faultRate = Ranged("--fault-rate", "Answer this share of calls (0 to 1) with a random fault of the mix.", "RATE", 0.0, 1.0);

    private readonly Option<int> _faultSeed = new("--fault-seed") { Description = "The seed of the random faults, so that a run can be replayed.", HelpName = "N" };

    private readonly Option<IReadOnlyList<InjectedFault>> _faultMix = new("--fault-mix")
    {
        Description = $"The random faults, comma-separated, of: {string.Join(", ", InjectedFault.ByName.Keys)} (default: throttling, internal-error, service-unavailable).",
        HelpName = "NAMES",
        CustomParser = ReadMix,
    };

    private readonly Option<string> _faultKey = new Option<string>("--fault-key")
    {
        Description = "What identifies a call for the draws.", DefaultValueFactory = _ => "client-token",
    }.AcceptOnlyFromAmong("client-token", "instance-call-order");

    private readonly Option<bool> _noMetadata = new("--no-metadata-service") { Description = "Do not serve the ECS metadata service stand-in under /latest/." };

    private readonly Option<bool> _noImdsV2 = new("--no-imdsv2") { Description = "Answer PUT /latest/api/token with 404, as older instances do." };

    private readonly Option<bool> _requireImdsV2 = new("--require-imdsv2") { Description = "Refuse metadata requests without an IMDSv2 session token." };

    private readonly Option<double> _credentialLifetime = Seconds(
        "--metadata-credential-lifetime", "How long the metadata service's RAM-role credentials last.", Defaults.MetadataCredentialLifetime);

    public EmulatorCommandLine()
    {
        Command = new RootCommand("A local emulator of the Alibaba Cloud ECS RPC endpoint (ModifyPrepayInstanceSpec, ModifyInstanceSpec) on 127.0.0.1.")
        {
            _port, _seed, _admin, _applyDelay, _stopDelay, _startDelay, _cooldown, _revision, _orderIdAsNumber, _throttleRate, _throttleBurst, _retryAfter,
            _faultRate, _faultSeed, _faultMix, _faultKey, _noMetadata, _noImdsV2, _requireImdsV2, _credentialLifetime,
        };
        Command.Validators.Add(result =>
        {
            Needs(result, _throttleRate, _throttleBurst, _retryAfter);
            Needs(result, _faultRate, _faultSeed, _faultMix, _faultKey);
            if (Given(result, _noImdsV2) && Given(result, _requireImdsV2))
            {
                result.AddError("--no-imdsv2 and --require-imdsv2 contradict each other.");
            }
        });
    }

    /// <summary>The root command, for parsing and for its help.</summary>
    public RootCommand Command { get; }

    /// <summary>Parses <paramref name="args"/>; the result's errors say what is wrong.</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => Command.Parse(args);

    /// <summary>The settings of a parse result without errors.</summary>
    public ToolSettings Read(ParseResult result)
    {
        var options = new EcsEmulatorOptions
        {
            Port = result.GetValue(_port),
            Seed = result.GetValue(_seed) ?? EmulatorSeed.Demo,
            EnableAdminRoutes = result.GetValue(_admin),
            ApplyDelay = TimeSpan.FromSeconds(result.GetValue(_applyDelay)),
            StopDelay = TimeSpan.FromSeconds(result.GetValue(_stopDelay)),
            StartDelay = TimeSpan.FromSeconds(result.GetValue(_startDelay)),
            ChangeCooldown = TimeSpan.FromSeconds(result.GetValue(_cooldown)),
            DocumentRevision = result.GetValue(_revision) == "older" ? EmulatorDocumentRevision.Older : EmulatorDocumentRevision.Newer,
            OrderIdAsNumber = result.GetValue(_orderIdAsNumber),
            ThrottleRequestsPerSecond = ValueIfGiven(result, _throttleRate),
            ThrottleBurst = result.GetValue(_throttleBurst),
            ThrottleRetryAfter = ValueIfGiven(result, _retryAfter) is { } hint ? TimeSpan.FromSeconds(hint) : null,
            EnableMetadataService = !result.GetValue(_noMetadata),
            SupportImdsV2 = !result.GetValue(_noImdsV2),
            RequireImdsV2 = result.GetValue(_requireImdsV2),
            MetadataCredentialLifetime = TimeSpan.FromSeconds(result.GetValue(_credentialLifetime)),
        };
        var faults = ValueIfGiven(result, _faultRate) is { } rate
            ? new RandomFaultSettings(
                rate,
                result.GetValue(_faultSeed),
                result.GetValue(_faultMix) ?? InjectedFault.Transient,
                result.GetValue(_faultKey) == "instance-call-order" ? FaultDrawKey.InstanceCallOrder : FaultDrawKey.ClientToken)
            : null;
        return new ToolSettings(options, faults);
    }

    private static Option<double> Seconds(string name, string description, TimeSpan defaultValue) =>
        Ranged(name, description, "SECONDS", 0, MaxSeconds, defaultValue.TotalSeconds);

    /// <summary>
    /// A number option that refuses what does not parse (invariant culture) and what lies outside
    /// [<paramref name="min"/>, <paramref name="max"/>], NaN included, with one message naming the range.
    /// </summary>
    private static Option<T> Ranged<T>(string name, string description, string helpName, T min, T max, T? defaultValue = null)
        where T : struct, INumber<T>
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var token = result.Tokens[0].Value;
                if (T.TryParse(token, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                {
                    return value;
                }

                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}; it is {token}."));
                return default;
            },
        };
        if (defaultValue is { } fallback)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        return option;
    }

    private static EmulatorSeed? ReadSeed(ArgumentResult result)
    {
        var path = result.Tokens[0].Value;
        try
        {
            return EmulatorSeed.FromJsonFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            result.AddError($"--seed {path}: {exception.Message}");
            return null;
        }
    }

    private static List<InjectedFault>? ReadMix(ArgumentResult result)
    {
        var mix = new List<InjectedFault>();
        foreach (var name in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!InjectedFault.ByName.TryGetValue(name, out var fault))
            {
                result.AddError($"--fault-mix names {name}; the faults are {string.Join(", ", InjectedFault.ByName.Keys)}.");
                return null;
            }

            mix.Add(fault);
        }

        return mix;
    }

    private static void Needs(CommandResult result, Option required, params Option[] dependents)
    {
        if (!Given(result, required))
        {
            foreach (var dependent in dependents.Where(d => Given(result, d)))
            {
                result.AddError($"{dependent.Name} needs {required.Name}.");
            }
        }
    }

    private static bool Given(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static double? ValueIfGiven(ParseResult result, Option<double> option) =>
        result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : null;
}
