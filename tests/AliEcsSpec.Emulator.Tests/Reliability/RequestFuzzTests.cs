using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;
using AliEcsSpec.Tests;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AliEcsSpec.Emulator.Tests.Reliability;

/// <summary>
/// Request fuzzing (issue "Reliability figures", section 2): generated requests of both operations, each either
/// refused by the client before anything is sent, naming the parameter at fault, or sent once, signed, and accepted by
/// the emulator — answered with success or with a business error of the instance's state, never with a signature
/// error or a rejection of the request's form. Every log line, activity tag and exception text of the run is checked
/// for the AccessKeySecret, the SecurityToken and every Signature sent (section 4).
/// </summary>
public sealed class RequestFuzzTests(RequestFuzzRun run, ITestOutputHelper output) : IClassFixture<RequestFuzzRun>
{
    [Fact]
    public void GeneratedRequests_EachCase_IsAcceptedByTheEmulatorOrRefusedNamingTheParameterWithNothingSent()
    {
        output.WriteLine(run.Summary);

        Assert.True(run.Failure is null, run.Failure?.Message);
        Assert.Equal(RequestFuzzRun.Cases, run.Accepted + run.Refused);
    }

    [Fact]
    public void GeneratedRequests_Run_ReachesEveryRefusalAndAnAnswerOfEveryKindForBothOperations()
    {
        output.WriteLine(run.Summary);
        Assert.Equal(RequestFuzzRun.Cases, run.Accepted + run.Refused);

        string[] prepayRefusals = ["RegionId", "InstanceId", "InstanceType", "OperatorType", "ClientToken", "SystemDiskCategory", "ModifyMode", "Disks"];
        string[] specRefusals =
        [
            "RegionId", "InstanceId", "InstanceType", "InternetMaxBandwidthOut", "InternetMaxBandwidthIn", "TemporaryInternetMaxBandwidthOut",
            "TemporaryStartTime", "TemporaryEndTime", "SystemDiskCategory", "ClientToken",
        ];
        var missing = prepayRefusals.Select(p => "ModifyPrepayInstanceSpec." + p)
            .Concat(specRefusals.Select(p => "ModifyInstanceSpec." + p))
            .Where(key => !run.RefusedBy.ContainsKey(key));
        Assert.Empty(missing);
        Assert.All(new[] { "ModifyPrepayInstanceSpec", "ModifyInstanceSpec" }, operation =>
        {
            Assert.True(run.Outcomes.GetValueOrDefault(operation + " success") > 0, operation + " never succeeded");
            Assert.True(run.Outcomes.Keys.Count(k => k.StartsWith(operation + " ", StringComparison.Ordinal)) > 3, operation + " got too few kinds of answer");
        });
        Assert.InRange(run.Accepted, RequestFuzzRun.Cases / 4, RequestFuzzRun.Cases * 3 / 4);
    }

    [Fact]
    public void GeneratedRequests_LogsTagsAndExceptionTexts_NeverContainTheSecretTokenOrASignature()
    {
        Assert.Equal(RequestFuzzRun.Cases, run.Accepted + run.Refused);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"request fuzzing: {RequestFuzzRun.Cases} cases ({run.Accepted} sent and accepted, {run.Refused} refused with nothing sent), " +
            $"{run.LinesScanned} lines scanned for secrets, {run.Leaks.Count} leaks");
        output.WriteLine(line);
        FuzzSettings.AppendFigures(line);

        Assert.True(run.LinesScanned > RequestFuzzRun.Cases * 2, "too few texts were witnessed to mean anything");
        Assert.Empty(run.Leaks);
    }
}

/// <summary>
/// One request-fuzzing run, shared by the tests above: an emulator on loopback, temporary (STS) credentials it
/// issued, and <see cref="Cases"/> generated calls, each through a new client whose primary handler counts and records
/// what it sends over one shared connection pool.
/// </summary>
public sealed class RequestFuzzRun : IAsyncLifetime, IDisposable
{
    /// <summary>How many calls one run makes.</summary>
    public const int Cases = 10_000;

    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The emulator's answers that mean the client let malformed input through. Each is a rule about the request's
    /// form that the client checks itself (or a signature it computes), so none may come back for a request it sent:
    /// authentication codes (the signature, timestamp, nonce or token did not verify: a signing bug); codes of missing,
    /// malformed or out-of-range parameters, of parameters that do not go together, and of invalid tokens; and an
    /// internal error (the emulator failed on the input). <c>InvalidParameter</c> counts here too, except the one the
    /// client cannot check: an <c>OperatorType</c> that contradicts the direction of the change, which depends on the
    /// instance's current type (see <see cref="IsBusinessAnswer"/>).
    /// </summary>
    private static readonly FrozenSet<string> MalformedInputCodes = new[]
    {
        "SignatureDoesNotMatch", "IncompleteSignature", "InvalidTimeStamp.Format", "InvalidTimeStamp.Expired", "SignatureNonceUsed",
        "InvalidAccessKeyId.NotFound", "InvalidSecurityToken.MalFormed", "InvalidSecurityToken.Mismatch", "InvalidSecurityToken.Expired",
        "UnsupportedHTTPMethod", "InvalidVersion", "InvalidAction.NotFound",
        "MissingParameter", "MissingParameter.RegionId", "MissingParameter.InstanceIdNotSupported", "MissingParameter.DiskCategory",
        "InvalidParameter", "InvalidParameter.Mismatch", "InvalidParameter.Bandwidth", "InvalidParameter.AllowMigrateAcrossZone",
        "InvalidParam.SystemDiskCategory", "InvalidSystemDiskCategory.NotMatchInstanceType", "InvalidRebootTime.MalFormed",
        "MissingTemporary.StartTime", "MissingTemporary.EndTime", "InvalidTemporary.StartTime", "InvalidTemporary.EndTime",
        "InvalidClientToken.ValueNotSupported", "InternalError",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The emulator's answers about the world rather than the request: unknown regions and instances, the instance's
    /// billing method, state, disks and pending changes, the account's arrears and balance, the downgrade quota, and a
    /// reused ClientToken. A well-formed request may get any of them.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> BusinessCodes = new Dictionary<string, FrozenSet<string>>
    {
        ["ModifyPrepayInstanceSpec"] = new[]
        {
            "InvalidRegionId.NotFound", "InvalidInstanceId.NotFound", "InvalidInstanceId.Released", "Account.Arrearage",
            "InvalidBillingMethod.ValueNotSupported", "IncorrectInstanceStatus", "OperationDenied.LocalDiskUnsupported",
            "InvalidInstance.UnpaidOrder", "InvalidInstanceType.ValueNotSupported", "LastOrderProcessing", "InvalidStatus.NotStopped",
            "InstanceDowngrade.QuotaExceed", "InvalidAccountStatus.NotEnoughBalance", "IdempotenceParamNotMatch",
        }.ToFrozenSet(StringComparer.Ordinal),
        ["ModifyInstanceSpec"] = new[]
        {
            "InvalidRegionId.NotFound", "InvalidInstanceId.NotFound", "Account.Arrearage", "ChargeTypeViolation", "Throttling",
            "InvalidInstanceStatus.NotStopped", "CategoryViolation", "InvalidInstanceType.ValueNotSupported", "InvalidStatus.ValueNotSupported",
            "BandwidthUpgradeDenied.EipBoundInstance", "IdempotenceParamNotMatch",
        }.ToFrozenSet(StringComparer.Ordinal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly EmulatorInstance[] Changeable =
        [.. EmulatorSeed.Demo.Instances.Where(i => i.InstanceId is "i-prepaid-running-01" or "i-prepaid-running-02" or "i-prepaid-stopped-01")];

    private readonly FakeTimeProvider _time = new(Harness.Start);
    private readonly SocketsHttpHandler _connections = new() { UseCookies = false, AllowAutoRedirect = false };
    private readonly ConcurrentQueue<string> _leaks = new();
    private EcsEmulator? _emulator;
    private StsSession? _session;
    private int _accepted;
    private int _refused;
    private long _linesScanned;

    /// <summary>Why the run stopped early (FsCheck's report: the seed, the case and the failed assertion), if it did.</summary>
    public Exception? Failure { get; private set; }

    public int Accepted => _accepted;

    public int Refused => _refused;

    public long LinesScanned => Interlocked.Read(ref _linesScanned);

    public IReadOnlyCollection<string> Leaks => _leaks;

    /// <summary>Refusals by <c>Operation.Property</c>.</summary>
    public ConcurrentDictionary<string, int> RefusedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>The emulator's answers to sent calls by <c>Operation code</c> (<c>success</c> for a success).</summary>
    public ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string Summary { get; private set; } = "(not run)";

    public async Task InitializeAsync()
    {
        _emulator = await EcsEmulator.StartAsync(new EcsEmulatorOptions
        {
            TimeProvider = _time,
            // Every well-formed change may succeed at once, so that successes keep coming all run long.
            ChangeCooldown = TimeSpan.Zero,
            ApplyDelay = TimeSpan.Zero,
        });
        // Temporary credentials, so that a SecurityToken travels with every request and must never show.
        _session = _emulator.State.IssueSession(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoRoleArn, TimeSpan.FromDays(30));

        var (config, seed) = FuzzSettings.Configure(Cases, seed: 20261123, gamma: 0x9E3779B97F4A7C15);
        var clock = Stopwatch.StartNew();
        try
        {
            // Each case blocks its pool thread (no synchronization context there): FsCheck's Task-returning properties
            // cost about a millisecond of overhead each, as much as a case takes.
            var property = Prop.ForAll(RequestGenerators.Cases, c => RunCaseAsync(c).GetAwaiter().GetResult());
            await Task.Run(() => Check.One(config, property));
        }
#pragma warning disable CA1031 // FsCheck reports a falsified case as an exception; the tests report it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failure = exception;
        }

        Summary = string.Create(
            CultureInfo.InvariantCulture,
            $"request fuzzing, seed {seed}: {_accepted + _refused} of {Cases} cases in {clock.Elapsed.TotalSeconds:F1} s, " +
            $"{_accepted} sent and accepted, {_refused} refused with nothing sent; {LinesScanned} lines scanned, {_leaks.Count} leaks{Environment.NewLine}" +
            $"answers: {string.Join(", ", Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}{Environment.NewLine}" +
            $"refusals: {string.Join(", ", RefusedBy.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}");
    }

    public async Task DisposeAsync()
    {
        Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public void Dispose() => _connections.Dispose();

    private async Task RunCaseAsync(RequestCase c)
    {
        using var witness = new SecretsWitness();
        using var loggerFactory = witness.CreateLoggerFactory();
        var handler = new RecordingHandler(_connections);
        var options = new EcsSpecClientOptions
        {
            Endpoint = _emulator!.Endpoint,
            AccessKeyId = _session!.AccessKeyId,
            AccessKeySecret = _session.AccessKeySecret,
            SecurityToken = _session.SecurityToken,
            AutoClientToken = c.AutoClientToken,
        };
        options.Retry.MaxAttempts = 1;
        // Unpaced: the cases share one AccessKey, endpoint and frozen fake clock, so a limiter would make the calls after
        // its burst wait for time that never passes.
        options.RateLimit.Mode = AliEcsSpec.Client.Resilience.RateLimiting.RateLimitMode.Off;
        if (c is PrepayCase)
        {
            // A prepaid instance soon reaches a state no change leaves (the largest type while running, a downgrade
            // waiting for a start): the instances that can change start each call as seeded, so successes keep coming.
            foreach (var instance in Changeable)
            {
                _emulator.State.PutInstance(instance);
            }
        }

        var logged = _emulator.State.RequestLog.Count;

        (object? Outcome, Exception? Thrown) call;
        using (var client = EcsSpecClient.Create(options, handler, _time, loggerFactory))
        {
            call = await CallAsync(client, c).WaitAsync(CaseTimeout);
        }

        if (call.Thrown is ArgumentException refusal)
        {
            witness.Witness(refusal);
            CheckRefusal(c, refusal, handler);
        }
        else
        {
            Witness(witness, call.Outcome, call.Thrown);
            CheckAccepted(c, call.Outcome, call.Thrown, handler, logged);
        }

        List<string> secrets = [_session.AccessKeySecret, _session.SecurityToken, .. handler.Signatures];
        secrets.AddRange(secrets.Select(Uri.EscapeDataString).ToList());
        foreach (var leak in witness.Leaks(secrets))
        {
            _leaks.Enqueue($"{c}: {leak}");
        }

        Interlocked.Add(ref _linesScanned, witness.LinesKept);
    }

    private void CheckRefusal(RequestCase c, ArgumentException refusal, RecordingHandler handler)
    {
        var broken = DocumentedRules.Broken(c);
        Assert.True(handler.Sent == 0, $"{handler.Sent} request(s) went out before the client refused the call: {refusal.Message}");
        Assert.True(
            refusal.ParamName is not null && broken.Contains(refusal.ParamName),
            $"the client refused the call naming '{refusal.ParamName}' ({refusal.Message}), but the documented rules find fault only with [{string.Join(", ", broken)}]");
        var wire = DocumentedRules.WireNames[refusal.ParamName!];
        Assert.True(refusal.Message.Contains(wire, StringComparison.Ordinal), $"the message does not name {wire}: {refusal.Message}");
        // The message quotes no input unbounded, and no raw control character that could forge a log line.
        Assert.InRange(refusal.Message.Length, wire.Length + 10, 1024);
        Assert.DoesNotContain(refusal.Message, ch => char.IsControl(ch) && ch != '\n');
        Interlocked.Increment(ref _refused);
        RefusedBy.AddOrUpdate($"{c.Operation}.{refusal.ParamName}", 1, (_, n) => n + 1);
    }

    private void CheckAccepted(RequestCase c, object? outcome, Exception? thrown, RecordingHandler handler, int logged)
    {
        Assert.True(thrown is null or EcsServiceException, $"the call ended with {thrown?.GetType().Name}, not an answer of the emulator: {thrown}");
        var broken = DocumentedRules.Broken(c);
        Assert.True(broken.Count == 0, $"the client sent a call the documented rules refuse for [{string.Join(", ", broken)}] (a validation gap)");
        Assert.Equal(1, handler.Sent);

        var log = _emulator!.State.RequestLog;
        Assert.Equal(logged + 1, log.Count);
        var entry = log[^1];
        Assert.Equal(c.Operation, entry.Action);
        var error = thrown is EcsException typed ? typed.Error
            : outcome switch
            {
                EcsResult<ModifyPrepayInstanceSpecResponse> r => r.Error,
                EcsResult<ModifyInstanceSpecResponse> r => r.Error,
                _ => null,
            };
        Assert.True(IsBusinessAnswer(c.Operation, entry, error?.Message, out var classification), classification);
        Assert.Equal(entry.Code, error?.ErrorCode);
        Assert.Equal(entry.Status, (int?)error?.StatusCode ?? 200);
        SameParametersArrived(c, entry);
        Interlocked.Increment(ref _accepted);
        Outcomes.AddOrUpdate($"{c.Operation} {entry.Code ?? "success"}", 1, (_, n) => n + 1);
    }

    /// <summary>Whether the emulator's answer is a success or a business error; otherwise why it counts as malformed input let through.</summary>
    private static bool IsBusinessAnswer(string operation, RequestLogEntry entry, string? message, out string classification)
    {
        if (entry.Code is null)
        {
            classification = "success";
            return entry.Status == 200;
        }

        // Only the service knows the instance's current type, so only it can tell an upgrade from a downgrade.
        if (operation == "ModifyPrepayInstanceSpec" && entry.Code == "InvalidParameter"
            && message?.StartsWith("OperatorType ", StringComparison.Ordinal) == true && message.Contains(" does not match a change from ", StringComparison.Ordinal))
        {
            classification = "OperatorType contradicts the direction of the change";
            return true;
        }

        // 003 bounds InternetMaxBandwidthIn by the outbound bandwidth (10 while it is at most 10 Mbit/s): the instance's
        // current one when the call does not send it, which only the service knows. The client checks 1 to 200 (004).
        if (operation == "ModifyInstanceSpec" && entry.Code == "InvalidParameter.Bandwidth"
            && int.TryParse(entry.Parameters.GetValueOrDefault("InternetMaxBandwidthIn"), CultureInfo.InvariantCulture, out var inbound)
            && inbound is >= 1 and <= 200
            && inbound > Math.Max(10, int.TryParse(entry.Parameters.GetValueOrDefault("InternetMaxBandwidthOut"), CultureInfo.InvariantCulture, out var outbound) ? outbound : 0))
        {
            classification = "InternetMaxBandwidthIn above the newer revision's bound from the outbound bandwidth";
            return true;
        }

        classification = MalformedInputCodes.Contains(entry.Code)
            ? $"the emulator refused a call the client let through: {entry.Code} (HTTP {entry.Status}): {message}"
            : $"the emulator answered {entry.Code} (HTTP {entry.Status}), which this fuzzer has not classified as a business error or as malformed input";
        return BusinessCodes[operation].Contains(entry.Code);
    }

    /// <summary>The emulator decoded exactly the values the request held: the form encoding and the signature agree on every character.</summary>
    private static void SameParametersArrived(RequestCase c, RequestLogEntry entry)
    {
        var p = entry.Parameters;
        void Same(string wire, string? value)
        {
            if (value is null)
            {
                Assert.False(p.ContainsKey(wire), $"{wire} was sent although the request does not set it");
            }
            else
            {
                Assert.True(p.TryGetValue(wire, out var arrived) && arrived == value, $"{wire} arrived as {FuzzSettings.Show(arrived)}, not {FuzzSettings.Show(value)}");
            }
        }

        string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
        string? Time(DateTimeOffset? value, string format) => value?.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);

        var requestToken = c switch
        {
            PrepayCase prepay => prepay.Request.ClientToken,
            SpecCase spec => spec.Request.ClientToken,
            _ => null,
        };
        if (requestToken is null && c.AutoClientToken)
        {
            Assert.True(Guid.TryParse(entry.ClientToken, out _), $"the generated ClientToken is {FuzzSettings.Show(entry.ClientToken)}");
        }
        else
        {
            Same("ClientToken", requestToken);
        }

        switch (c)
        {
            case PrepayCase { Request: var r }:
                Same("RegionId", r.RegionId);
                Same("InstanceId", r.InstanceId);
                Same("InstanceType", r.InstanceType);
                Same("ModifyMode", r.ModifyMode);
                Same("RebootTime", Time(r.RebootTime, "yyyy-MM-dd'T'HH:mm'Z'"));
                Same("EndTime", Time(r.EndTime, "yyyy-MM-dd'T'HH:mm'Z'"));
                for (var i = 0; i < (r.Disks?.Count ?? 0); i++)
                {
                    Same($"Disk.{i + 1}.DiskId", r.Disks![i].DiskId);
                    Same($"Disk.{i + 1}.Category", r.Disks[i].Category);
                    Same($"Disk.{i + 1}.PerformanceLevel", r.Disks[i].PerformanceLevel);
                }

                break;
            case SpecCase { Request: var r }:
                Same("RegionId", r.RegionId);
                Same("InstanceId", r.InstanceId);
                Same("InstanceType", r.InstanceType);
                Same("InternetMaxBandwidthOut", Number(r.InternetMaxBandwidthOut));
                Same("InternetMaxBandwidthIn", Number(r.InternetMaxBandwidthIn));
                Same("Temporary.InternetMaxBandwidthOut", Number(r.TemporaryInternetMaxBandwidthOut));
                Same("Temporary.StartTime", Time(r.TemporaryStartTime, "yyyy-MM-dd'T'HH:mm:ss'Z'"));
                Same("Temporary.EndTime", Time(r.TemporaryEndTime, "yyyy-MM-dd'T'HH:mm:ss'Z'"));
                break;
        }
    }

    private static async Task<(object? Outcome, Exception? Thrown)> CallAsync(EcsSpecClient client, RequestCase c)
    {
        try
        {
            return c switch
            {
                PrepayCase { Throwing: true } p => (await client.ModifyPrepayInstanceSpecAsync(p.Request), null),
                PrepayCase p => (await client.TryModifyPrepayInstanceSpecAsync(p.Request), null),
                SpecCase { Throwing: true } s => (await client.ModifyInstanceSpecAsync(s.Request), null),
                SpecCase s => (await client.TryModifyInstanceSpecAsync(s.Request), null),
                _ => throw new ArgumentOutOfRangeException(nameof(c)),
            };
        }
#pragma warning disable CA1031 // Whatever the call throws is the outcome under test.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, exception);
        }
    }

    /// <summary>Every text of the outcome a caller could print: the exception, or the result, its error and that error's exception.</summary>
    private static void Witness(SecretsWitness witness, object? outcome, Exception? thrown)
    {
        if (thrown is not null)
        {
            witness.Witness(thrown);
        }

        witness.Witness(outcome?.ToString() ?? string.Empty);
        var error = outcome switch
        {
            EcsResult<ModifyPrepayInstanceSpecResponse> r => r.Error,
            EcsResult<ModifyInstanceSpecResponse> r => r.Error,
            _ => null,
        };
        if (error is not null)
        {
            witness.Witness(error.ToString());
            witness.Witness(error.ToException());
        }
    }

    /// <summary>
    /// The primary handler of one case's client: counts the requests, records each <c>Signature</c> sent, and passes
    /// them on over the run's shared connections (which it does not own, so a case's client does not close them).
    /// </summary>
    private sealed class RecordingHandler(HttpMessageHandler connections) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _invoker = new(connections, disposeHandler: false);
        private int _sent;

        public int Sent => _sent;

        public ConcurrentQueue<string> Signatures { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            foreach (var pair in form.Split('&'))
            {
                if (pair.StartsWith("Signature=", StringComparison.Ordinal))
                {
                    Signatures.Enqueue(Uri.UnescapeDataString(pair["Signature=".Length..]));
                }
            }

            return await _invoker.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _invoker.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
