using AliEcsSpec.Client.Resilience.RateLimiting;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AliEcsSpec.Tests;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AliEcsSpec.Client.Tests.Reliability;

/// <summary>
/// Response fuzzing (issue "Reliability figures", section 3): generated answers to both operations, through both the
/// throwing and the <c>Try…</c> forms. Every case ends in a typed result or a typed <see cref="EcsException"/> — the
/// one its answer calls for — never an exception of the parsing underneath or a hang, the client never reads more
/// of a body than <see cref="EcsSpecClientOptions.MaxResponseBodyBytes"/> plus the one byte that tells it the body
/// is longer, and no answer keeps the same client from succeeding on a later call. Every log line, activity tag and exception text is checked for the secret, the token and every
/// signature sent, also when the answer echoes them (section 4).
/// </summary>
public sealed class ResponseFuzzTests(ResponseFuzzRun run, ITestOutputHelper output) : IClassFixture<ResponseFuzzRun>
{
    [Fact]
    public void GeneratedAnswers_EachCase_EndsInTheTypedResultOrTypedEcsExceptionItsAnswerCallsFor()
    {
        output.WriteLine(run.Summary);

        Assert.True(run.Failure is null, run.Failure?.Message);
        Assert.Equal(ResponseFuzzRun.TotalCases, run.Completed);
    }

    [Fact]
    public void GeneratedAnswers_Run_AnswersEveryStatusFrom100To599ToBothOperationsAndBothForms()
    {
        Assert.Equal(ResponseFuzzRun.TotalCases, run.Completed);

        var missing = Enumerable.Range(100, 500)
            .SelectMany(status => new[] { "ModifyPrepayInstanceSpecAsync", "ModifyPrepayInstanceSpec Try…Async", "ModifyInstanceSpecAsync", "ModifyInstanceSpec Try…Async" }
                .Select(call => $"{status} {call}"))
            .Where(key => !run.StatusesAnswered.ContainsKey(key))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void GeneratedAnswers_Run_IncludesEveryKindOfBrokenAnswerAndReachesEveryOutcome()
    {
        output.WriteLine(run.Summary);
        Assert.Equal(ResponseFuzzRun.TotalCases, run.Completed);

        string[] kinds =
        [
            "truncated success document", "truncated error document", "document with duplicated OrderId", "document with duplicated Code",
            "nested", "unterminated string", "random bytes", "UTF-8 BOM", "two UTF-8 BOMs", "UTF-16", "HTML gateway page", "empty",
            "wrong type", "OrderId as object", "OrderId as array", "OrderId as bool", "OrderId as huge number", "OrderId as string", "OrderId as null",
            "invalid UTF-8", "too deep member", "missing RequestId", "10 MB", "echo", "retried", "failing stream", "stalled stream",
            "trickling stream", "over a non-default bound", "over the default bound", "second call", "Date Skewed", "Date EndOfTime",
            "Date StartOfTime", "Date Malformed",
        ];
        Assert.DoesNotContain(kinds, kind => run.Seen.GetValueOrDefault(kind) < 5);
        Assert.All(new[] { "success", "service error", "unexpected response", "transport failure" }, outcome =>
            Assert.True(run.Outcomes.GetValueOrDefault(outcome) > 50, $"{outcome}: {run.Outcomes.GetValueOrDefault(outcome)}"));
    }

    [Fact]
    public void GeneratedAnswers_BodiesOverTheBound_AreReadToTheBoundPlusOneByteAndNoFurther()
    {
        Assert.Equal(ResponseFuzzRun.TotalCases, run.Completed);

        Assert.Equal(1, run.MostBytesReadBeyondTheBound);
        Assert.True(run.Seen.GetValueOrDefault("read to the bound plus one") > 100, "too few bodies were longer than the bound");
    }

    [Fact]
    public void GeneratedAnswers_LogsTagsAndExceptionTexts_NeverContainTheSecretTokenOrASignature()
    {
        Assert.Equal(ResponseFuzzRun.TotalCases, run.Completed);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"response fuzzing: {ResponseFuzzRun.TotalCases} cases ({run.Outcomes.GetValueOrDefault("success")} typed successes, " +
            $"{run.Outcomes.GetValueOrDefault("service error")} typed service errors, {run.Outcomes.GetValueOrDefault("unexpected response")} unexpected responses, " +
            $"{run.Outcomes.GetValueOrDefault("transport failure")} transport failures; every status 100-599, {run.Seen.GetValueOrDefault("10 MB")} bodies of 10 MB), " +
            $"{run.LinesScanned} lines scanned for secrets, {run.Leaks.Count} leaks");
        output.WriteLine(line);
        FuzzSettings.AppendFigures(line);

        Assert.True(run.Seen.GetValueOrDefault("echo") > 500, "too few answers echoed a secret to mean anything");
        Assert.Empty(run.Leaks.Take(5));
    }
}

/// <summary>
/// One response-fuzzing run, shared by the tests above: <see cref="GeneratedCases"/> cases from FsCheck, then a sweep
/// of every status from 100 to 599 for both operations and both forms, each through a new client over a scripted
/// primary handler whose bodies count the bytes read from them.
/// </summary>
public sealed class ResponseFuzzRun : IAsyncLifetime
{
    public const int GeneratedCases = 10_000;

    public const int SweepCases = 500 * 4;

    public const int TotalCases = GeneratedCases + SweepCases;

    private const string AccessKeySecret = "fuzz-secret-5b1f0c9e7d3a4e26";
    private const string SecurityToken = "CAIS-fuzz-token/8c2e+4f1a=9d07b3";
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly Type[] Forbidden =
    [
        typeof(JsonException), typeof(NullReferenceException), typeof(InvalidCastException), typeof(OutOfMemoryException),
        typeof(FormatException), typeof(OverflowException), typeof(InvalidOperationException), typeof(IndexOutOfRangeException),
        typeof(ArgumentException), typeof(DecoderFallbackException),
    ];

    private readonly ConcurrentQueue<string> _leaks = new();
    private int _completed;
    private long _linesScanned;
    private long _mostBeyond = long.MinValue;

    public Exception? Failure { get; private set; }

    public int Completed => _completed;

    public long LinesScanned => Interlocked.Read(ref _linesScanned);

    public IReadOnlyCollection<string> Leaks => _leaks;

    /// <summary>The most bytes any attempt read beyond the bound, over the bodies longer than it.</summary>
    public long MostBytesReadBeyondTheBound => Interlocked.Read(ref _mostBeyond);

    /// <summary>Statuses answered, by <c>status call</c>.</summary>
    public ConcurrentDictionary<string, int> StatusesAnswered { get; } = new(StringComparer.Ordinal);

    /// <summary>Outcomes: <c>success</c>, <c>service error</c>, <c>unexpected response</c>, <c>transport failure</c>.</summary>
    public ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each kind of answer was given.</summary>
    public ConcurrentDictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the run's time goes, by the slowest feature of each case.</summary>
    public ConcurrentDictionary<string, int> Milliseconds { get; } = new(StringComparer.Ordinal);

    public string Summary { get; private set; } = "(not run)";

    public async Task InitializeAsync()
    {
        var (config, seed) = FuzzSettings.Configure(GeneratedCases, seed: 20261124, gamma: 0xD1B54A32D192ED03);
        var clock = Stopwatch.StartNew();
        try
        {
            // Each case blocks its pool thread (no synchronization context there): FsCheck's Task-returning properties
            // cost about a millisecond of overhead each, more than most cases take.
            await Task.Run(() => Check.One(config, Prop.ForAll(ResponseGenerators.Cases, c => RunCaseAsync(c).GetAwaiter().GetResult())));
            await Task.Run(SweepAsync);
        }
#pragma warning disable CA1031 // FsCheck and the sweep report a failed case as an exception; the tests report it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failure = exception;
        }

        Summary = string.Create(
            CultureInfo.InvariantCulture,
            $"response fuzzing, seed {seed}: {_completed} of {TotalCases} cases in {clock.Elapsed.TotalSeconds:F1} s; {LinesScanned} lines scanned, " +
            $"{_leaks.Count} leaks{Environment.NewLine}outcomes: {Show(Outcomes)}{Environment.NewLine}seen: {Show(Seen)}{Environment.NewLine}" +
            $"milliseconds by kind: {Show(Milliseconds)}{string.Concat(_leaks.Take(3).Select(leak => Environment.NewLine + "leak: " + leak))}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Show(ConcurrentDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    /// <summary>Every status from 100 to 599 for both operations and both forms, with bodies drawn from the same generators.</summary>
    private async Task SweepAsync()
    {
        var rnd = new Rnd(20261125, 0x9E3779B97F4A7C15);
        var index = 0;
        foreach (var status in Enumerable.Range(100, 500))
        {
            foreach (var (operation, throwing) in new[] { (ResponseCase.Prepay, true), (ResponseCase.Prepay, false), (ResponseCase.Spec, true), (ResponseCase.Spec, false) })
            {
                var c = Gen.Sample(ResponseGenerators.Case(status, operation, throwing), 1, new Rnd(rnd.Seed + (ulong)index++, rnd.Gamma), 50)[0];
                try
                {
                    await RunCaseAsync(c);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    throw new InvalidOperationException($"Status sweep case {index} failed:{Environment.NewLine}{c}{Environment.NewLine}{exception}", exception);
                }
            }
        }
    }

    private async Task RunCaseAsync(ResponseCase c)
    {
        var started = Stopwatch.GetTimestamp();
        using var witness = new SecretsWitness();
        using var loggerFactory = witness.CreateLoggerFactory();
        var handler = new ScriptedHandler(c);
        var options = new EcsSpecClientOptions
        {
            RegionId = "cn-hangzhou",
            AccessKeyId = "fuzz-access-key-id",
            AccessKeySecret = AccessKeySecret,
            SecurityToken = SecurityToken,
        };
        // Unpaced, so that a throttling answer backs off and counts against MaxAttempts as the attempt bound below says.
        options.RateLimit.Mode = RateLimitMode.Off;
        if (c.MaxBodyBytes is { } bound)
        {
            options.MaxResponseBodyBytes = bound;
        }

        if (!c.Retries)
        {
            options.Retry.MaxAttempts = 1;
        }

        if (c.Answers.Any(a => a.Body.Delivery == Delivery.Stall))
        {
            // A stalled body ends with the attempt's time-out; a short one keeps the fake clock's steps few.
            options.Retry.AttemptTimeout = TimeSpan.FromSeconds(1);
        }

        var time = new FakeTimeProvider(Start);
        (object? Outcome, Exception? Thrown) call;
        (object? Outcome, Exception? Thrown) followUp = default;
        using (var client = new EcsSpecClientBuilder(options)
        {
            PrimaryHandler = handler,
            TimeProvider = time,
            LoggerFactory = loggerFactory,
            Budget = new RetryBudget(),
            Jitter = static () => 1.0,
        }.Build())
        {
            // The handler answers at once, so fake time passes only in back-offs and stalled bodies: one-second steps.
            call = await time.RunAsync(CallAsync(client, c), step: TimeSpan.FromSeconds(1)).WaitAsync(CaseTimeout);
            if (c.FollowUp)
            {
                time.Advance(TimeSpan.FromMinutes(1));
                handler.AnswerFollowUp();
                followUp = await time.RunAsync(CallAsync(client, c), step: TimeSpan.FromSeconds(1)).WaitAsync(CaseTimeout);
            }
        }

        var error = Verify(c, call.Outcome, call.Thrown, handler);
        Witness(witness, call.Outcome, call.Thrown, error);
        if (c.FollowUp)
        {
            Witness(witness, followUp.Outcome, followUp.Thrown, null);
            Assert.True(
                followUp.Thrown is null && followUp.Outcome is IEcsResponse or EcsResult<ModifyPrepayInstanceSpecResponse> { IsSuccess: true } or EcsResult<ModifyInstanceSpecResponse> { IsSuccess: true },
                $"after that answer, the client's next call to a service that answers it plainly failed: {followUp.Thrown?.ToString() ?? followUp.Outcome?.ToString()}");
        }

        List<string> secrets = [AccessKeySecret, SecurityToken, .. handler.Signatures];
        secrets.AddRange(secrets.Select(Uri.EscapeDataString).ToList());
        foreach (var leak in witness.Leaks(secrets))
        {
            _leaks.Enqueue($"{c}: {leak}");
        }

        Interlocked.Add(ref _linesScanned, witness.LinesKept);
        Interlocked.Increment(ref _completed);
        Count(c, handler, error);
        var slowest = c.Retries ? "retried"
            : c.Answers.Any(a => a.Body.Delivery == Delivery.Stall) ? "stalled"
            : c.Answers.Any(a => a.Body.Delivery == Delivery.Trickle) ? "trickling"
            : c.Answers.Any(a => a.Body.PadTo == ResponseGenerators.TenMegabytes) ? "10 MB"
            : "other";
        Milliseconds.AddOrUpdate(slowest, _ => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, (_, n) => n + (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Checks one case's outcome against its answers; returns the error it ended with, if any.</summary>
    private static EcsError? Verify(ResponseCase c, object? outcome, Exception? thrown, ScriptedHandler handler)
    {
        if (thrown is not null && !(c.Throwing && thrown is EcsServiceException or EcsTransportException or EcsUnexpectedResponseException))
        {
            Assert.Fail($"{(c.Throwing ? "the throwing form" : "the Try… form")} let {thrown.GetType().FullName} escape: {thrown}");
        }

        var (response, error) = (outcome, thrown) switch
        {
            (EcsResult<ModifyPrepayInstanceSpecResponse> r, _) => ((IEcsResponse?)r.Value, r.Error),
            (EcsResult<ModifyInstanceSpecResponse> r, _) => ((IEcsResponse?)r.Value, r.Error),
            (IEcsResponse r, _) => ((IEcsResponse?)r, (EcsError?)null),
            (_, EcsException e) => ((IEcsResponse?)null, e.Error),
            _ => throw new InvalidOperationException($"no outcome: {outcome}, {thrown}"),
        };

        // The typed exception is the one the error's kind and family call for, whichever form raised or returned it.
        if (error is not null)
        {
            var exception = c.Throwing ? thrown! : error.ToException();
            Assert.Equal(ExpectedExceptionType(error), exception.GetType());
            NothingForbiddenIn(exception);
            if (error.Kind == EcsErrorKind.Service)
            {
                Assert.Equal(EcsErrorCatalog.Find(c.Operation, error.ErrorCode!, error.Message)?.Family, error.Family);
            }
        }

        var attempts = handler.Attempts;
        Assert.InRange(attempts.Count, 1, c.Retries ? EcsRetryOptions.DefaultMaxAttempts : 1);
        foreach (var attempt in attempts)
        {
            Assert.True(attempt.Body.BytesRead <= c.Bound + 1, $"an attempt read {attempt.Body.BytesRead} bytes of a {attempt.Body.Length}-byte body, beyond the bound {c.Bound} + 1");
        }

        var last = attempts[^1];
        if (c.Answers.Count == 1)
        {
            CheckExpected(c, last, response, error);
        }

        return error;
    }

    /// <summary>The outcome the last answer calls for, where the answer decides it.</summary>
    private static void CheckExpected(ResponseCase c, Attempt last, IEcsResponse? response, EcsError? error)
    {
        var answer = last.Answer;
        var body = answer.Body;
        var cutShort = body.Delivery is Delivery.Fail or Delivery.Stall && body.BreakAt < Math.Min(last.Body.Length, c.Bound + 1L);
        if (cutShort)
        {
            Assert.True(error?.Kind == EcsErrorKind.Transport, $"a body cut short ended as {Describe(response, error)}, not as a transport failure");
            return;
        }

        var status = answer.Status;
        var success = status is >= 200 and <= 299;
        if (last.Body.Length > c.Bound)
        {
            Assert.True(
                error is { Kind: EcsErrorKind.UnexpectedResponse } && (int?)error.StatusCode == status,
                $"a {last.Body.Length}-byte body over the bound {c.Bound} ended as {Describe(response, error)}, not as an unexpected response with HTTP {status}");
            return;
        }

        var verdict = body.PadTo > body.Template.Length && body.Fill is not ((byte)' ' or (byte)'\n') ? Verdict.Broken : body.For(c.Operation, success);
        var headerRequestId = last.RequestIdHeader;
        var echoedIdentifier = body.EchoInIdentifier || headerRequestId != answer.RequestIdHeader;
        switch (verdict)
        {
            case BrokenVerdict:
                Assert.True(
                    error is { Kind: EcsErrorKind.UnexpectedResponse } && (int?)error.StatusCode == status,
                    $"a broken body ended as {Describe(response, error)}, not as an unexpected response with HTTP {status}");
                break;
            case Parses parsed when success:
                Assert.True(response is not null, $"a {c.Operation} document with HTTP {status} ended as {Describe(response, error)}, not as a success");
                if (!echoedIdentifier)
                {
                    Assert.Equal(parsed.RequestId ?? headerRequestId ?? string.Empty, response.RequestId);
                }

                if (response is ModifyPrepayInstanceSpecResponse prepay)
                {
                    Assert.Equal(parsed.OrderId, prepay.OrderId);
                }

                break;
            case Parses parsed:
                Assert.True(
                    error is { Kind: EcsErrorKind.Service } && (echoedIdentifier || error.ErrorCode == parsed.Code) && (int?)error.StatusCode == status,
                    $"an error document with Code {parsed.Code} and HTTP {status} ended as {Describe(response, error)}");
                if (!echoedIdentifier)
                {
                    Assert.Equal(parsed.RequestId ?? headerRequestId, error.RequestId);
                }

                break;
        }
    }

    private static string Describe(IEcsResponse? response, EcsError? error) =>
        response is not null ? $"success ({response})" : $"{error!.Kind} ({error})";

    /// <summary>The public contract: which exception type each kind of error and each documented family raises.</summary>
    private static Type ExpectedExceptionType(EcsError error) => error.Kind switch
    {
        EcsErrorKind.Transport => typeof(EcsTransportException),
        EcsErrorKind.UnexpectedResponse => typeof(EcsUnexpectedResponseException),
        _ => error.Family switch
        {
            null => typeof(EcsServiceException),
            EcsErrorFamily.Throttling => typeof(EcsThrottlingException),
            EcsErrorFamily.ServiceFailure => typeof(EcsServiceFailureException),
            EcsErrorFamily.NotFound => typeof(EcsNotFoundException),
            EcsErrorFamily.InvalidParameter => typeof(EcsInvalidParameterException),
            EcsErrorFamily.IncorrectInstanceState => typeof(EcsIncorrectInstanceStateException),
            EcsErrorFamily.QuotaExceeded => typeof(EcsQuotaExceededException),
            EcsErrorFamily.Billing => typeof(EcsBillingException),
            EcsErrorFamily.PermissionDenied => typeof(EcsPermissionDeniedException),
            EcsErrorFamily.OperationDenied => typeof(EcsOperationDeniedException),
            EcsErrorFamily.Capacity => typeof(EcsCapacityException),
            EcsErrorFamily.UnsupportedChange => typeof(EcsUnsupportedChangeException),
            EcsErrorFamily.IdempotencyMismatch => typeof(EcsIdempotencyMismatchException),
            EcsErrorFamily.Authentication => typeof(EcsAuthenticationException),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Family, "a family this test does not know"),
        },
    };

    /// <summary>No exception of the parsing underneath hides in the chain either (a transport failure keeps what broke the connection).</summary>
    private static void NothingForbiddenIn(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            Assert.False(Forbidden.Any(t => t.IsInstanceOfType(inner)), $"{exception.GetType().Name} wraps {inner.GetType().FullName}: {inner.Message}");
        }
    }

    private static async Task<(object? Outcome, Exception? Thrown)> CallAsync(EcsSpecClient client, ResponseCase c)
    {
        try
        {
            return (c.Operation, c.Throwing) switch
            {
                (ResponseCase.Prepay, true) => (await client.ModifyPrepayInstanceSpecAsync(Support.TestClient.Prepay()), null),
                (ResponseCase.Prepay, false) => (await client.TryModifyPrepayInstanceSpecAsync(Support.TestClient.Prepay()), null),
                (_, true) => (await client.ModifyInstanceSpecAsync(Support.TestClient.Spec()), null),
                _ => (await client.TryModifyInstanceSpecAsync(Support.TestClient.Spec()), null),
            };
        }
#pragma warning disable CA1031 // Whatever the call throws is the outcome under test.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, exception);
        }
    }

    /// <summary>Every text of the outcome a caller could print.</summary>
    private static void Witness(SecretsWitness witness, object? outcome, Exception? thrown, EcsError? error)
    {
        if (thrown is not null)
        {
            witness.Witness(thrown);
        }

        witness.Witness(outcome?.ToString() ?? string.Empty);
        if (error is not null)
        {
            witness.Witness(error.ToString());
            witness.Witness(error.ToException());
            witness.Witness($"{error.Message} {error.BodyExcerpt} {error.RequestId} {error.ErrorCode} {error.HostId} {error.Recommend} {error.AccessDeniedDetail}");
        }
    }

    private void Count(ResponseCase c, ScriptedHandler handler, EcsError? error)
    {
        void Saw(string what) => Seen.AddOrUpdate(what, 1, (_, n) => n + 1);

        var first = c.Answers[0];
        StatusesAnswered.AddOrUpdate($"{first.Status} {c.Operation}{(c.Throwing ? "Async" : " Try…Async")}", 1, (_, n) => n + 1);
        Outcomes.AddOrUpdate(
            error?.Kind switch
            {
                null => "success",
                EcsErrorKind.Service => "service error",
                EcsErrorKind.UnexpectedResponse => "unexpected response",
                _ => "transport failure",
            },
            1,
            (_, n) => n + 1);
        if (c.Retries)
        {
            Saw("retried");
        }

        if (c.FollowUp)
        {
            Saw("second call");
        }

        foreach (var attempt in handler.Attempts)
        {
            var body = attempt.Answer.Body;
            var text = Encoding.UTF8.GetString(body.Template);
            foreach (var kind in new[] { "truncated success document", "truncated error document", "document with duplicated OrderId", "document with duplicated Code", "nested", "unterminated string", "random bytes", "two UTF-8 BOMs", "UTF-16", "HTML gateway page", "empty" })
            {
                if (body.Kind.StartsWith(kind, StringComparison.Ordinal))
                {
                    Saw(kind);
                }
            }

            if (body.Kind.StartsWith("UTF-8 BOM", StringComparison.Ordinal))
            {
                Saw("UTF-8 BOM");
            }

            foreach (var trait in body.Traits)
            {
                Saw(trait);
            }

            Saw($"Date {attempt.Answer.Date}");

            if (body.PadTo == ResponseGenerators.TenMegabytes)
            {
                Saw("10 MB");
            }

            if (text.Contains("@@", StringComparison.Ordinal) || attempt.RequestIdHeader != attempt.Answer.RequestIdHeader || attempt.Answer.ContentType == ContentType.Echo)
            {
                Saw("echo");
            }

            Saw(body.Delivery switch
            {
                Delivery.Fail => "failing stream",
                Delivery.Stall => "stalled stream",
                Delivery.Trickle => "trickling stream",
                _ => "whole stream",
            });

            if (attempt.Body.Length > c.Bound && attempt.Body.BytesRead == c.Bound + 1)
            {
                Saw("read to the bound plus one");
                Saw(c.MaxBodyBytes is null ? "over the default bound" : "over a non-default bound");
                InterlockedMax(ref _mostBeyond, attempt.Body.BytesRead - c.Bound);
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>One attempt: the answer scripted for it, the body's stream as it was read, and the request ID header it sent.</summary>
    private sealed record Attempt(Answer Answer, ScriptedStream Body, string? RequestIdHeader);

    /// <summary>
    /// The primary handler: answers each attempt with the case's next answer (the last one repeats), with the echo
    /// markers replaced by the secret, the token and the signature of the request it answers, which it records.
    /// Synchronous on purpose, so that the fake clock only has to move for back-offs and stalled bodies.
    /// </summary>
    private sealed class ScriptedHandler(ResponseCase c) : HttpMessageHandler
    {
        private bool _followingUp;

        public List<Attempt> Attempts { get; } = [];

        public List<string> Signatures { get; } = [];

        /// <summary>From now on, answers every attempt with a plain success document of the case's operation.</summary>
        public void AnswerFollowUp() => _followingUp = true;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = request.Content!.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
            var signature = form.Split('&').Where(p => p.StartsWith("Signature=", StringComparison.Ordinal))
                .Select(p => Uri.UnescapeDataString(p["Signature=".Length..])).Single();
            Signatures.Add(signature);
            if (_followingUp)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                {
                    RequestMessage = request,
                    Content = new StringContent("{\"RequestId\":\"FOLLOW-UP\",\"OrderId\":\"42\"}", Encoding.UTF8, "application/json"),
                });
            }

            var answer = c.Answers[Math.Min(Attempts.Count, c.Answers.Count - 1)];
            string Echo(string text) => text.Replace(ResponseGenerators.SecretMarker, AccessKeySecret, StringComparison.Ordinal)
                .Replace(ResponseGenerators.TokenMarker, SecurityToken, StringComparison.Ordinal)
                .Replace(ResponseGenerators.SignatureMarker, signature, StringComparison.Ordinal);
            var bytes = Replace(answer.Body.Template, ResponseGenerators.SecretMarker, AccessKeySecret);
            bytes = Replace(bytes, ResponseGenerators.TokenMarker, SecurityToken);
            bytes = Replace(bytes, ResponseGenerators.SignatureMarker, signature);
            var stream = new ScriptedStream(bytes, Math.Max(answer.Body.PadTo, bytes.Length), answer.Body.Fill, answer.Body.Delivery, answer.Body.BreakAt);
            var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { RequestMessage = request, Content = new StreamContent(stream) };
            var headers = response.Content.Headers;
            switch (answer.ContentType)
            {
                case ContentType.Json: headers.TryAddWithoutValidation("Content-Type", "application/json"); break;
                case ContentType.JsonUtf8: headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf-8"); break;
                case ContentType.Html: headers.TryAddWithoutValidation("Content-Type", "text/html"); break;
                case ContentType.Text: headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=iso-8859-1"); break;
                case ContentType.Xml: headers.TryAddWithoutValidation("Content-Type", "application/xml"); break;
                case ContentType.OctetStream: headers.TryAddWithoutValidation("Content-Type", "application/octet-stream"); break;
                case ContentType.Malformed: headers.TryAddWithoutValidation("Content-Type", "json;;; =?\"/"); break;
                case ContentType.Echo: headers.TryAddWithoutValidation("Content-Type", Echo("text/x-" + ResponseGenerators.SecretMarker)); break;
            }

            headers.ContentLength = answer.Declared switch
            {
                DeclaredLength.Exact => stream.Length,
                DeclaredLength.Zero => 0,
                DeclaredLength.Smaller => stream.Length / 2,
                DeclaredLength.Larger => (stream.Length * 2) + 10,
                DeclaredLength.Huge => long.MaxValue,
                _ => null,
            };
            if (answer.RequestIdHeader is { } requestId)
            {
                response.Headers.TryAddWithoutValidation("x-acs-request-id", Echo(requestId));
            }

            // The header as the client will see it (a value HttpHeaders refuses is simply not there).
            Attempts.Add(new Attempt(answer, stream, response.Headers.TryGetValues("x-acs-request-id", out var sent) ? sent.FirstOrDefault() : null));

            switch (answer.Date)
            {
                case ServerDate.Skewed: response.Headers.Date = Start.AddMinutes(20); break;
                case ServerDate.EndOfTime: response.Headers.TryAddWithoutValidation("Date", "Fri, 31 Dec 9999 23:59:59 GMT"); break;
                case ServerDate.StartOfTime: response.Headers.TryAddWithoutValidation("Date", "Mon, 01 Jan 0001 00:00:00 GMT"); break;
                case ServerDate.Malformed: response.Headers.TryAddWithoutValidation("Date", "yesterday, around noon"); break;
            }

            return Task.FromResult(response);
        }

        private static byte[] Replace(byte[] bytes, string marker, string value)
        {
            var pattern = Encoding.ASCII.GetBytes(marker);
            var at = bytes.AsSpan().IndexOf(pattern);
            if (at < 0)
            {
                return bytes;
            }

            var output = new List<byte>(bytes.Length + value.Length);
            var rest = bytes.AsSpan();
            for (; at >= 0; at = rest.IndexOf(pattern))
            {
                output.AddRange(rest[..at]);
                output.AddRange(Encoding.UTF8.GetBytes(value));
                rest = rest[(at + pattern.Length)..];
            }

            output.AddRange(rest);
            return [.. output];
        }
    }

    /// <summary>
    /// A body's stream: the bytes, then <c>fill</c> up to <c>length</c>, made on the fly (a 10 MB body costs nothing
    /// until read), counting every byte it hands out; it may trickle, fail or stall as scripted.
    /// </summary>
    private sealed class ScriptedStream(byte[] bytes, long length, byte fill, Delivery delivery, long breakAt) : Stream
    {
        private long _position;

        public long BytesRead => Interlocked.Read(ref _position);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (delivery is Delivery.Fail or Delivery.Stall && _position >= breakAt && _position < length)
            {
                throw delivery == Delivery.Fail
                    ? new IOException("The fuzzer reset the connection in the middle of the body.")
                    : new InvalidOperationException("A stalled body must be read asynchronously.");
            }

            var count = (int)Math.Min(buffer.Length, length - _position);
            if (delivery == Delivery.Trickle)
            {
                count = Math.Min(count, 1);
            }
            else if (delivery is Delivery.Fail or Delivery.Stall)
            {
                count = (int)Math.Min(count, breakAt - _position);
            }

            for (var i = 0; i < count; i++, _position++)
            {
                buffer[i] = _position < bytes.Length ? bytes[_position] : fill;
            }

            return count;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (delivery == Delivery.Stall && _position >= breakAt && _position < length)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
