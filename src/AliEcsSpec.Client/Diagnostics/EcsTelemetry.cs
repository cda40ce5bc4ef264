using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Diagnostics;

/// <summary>
/// The client's traces and metrics, both named <see cref="Name"/>: one <see cref="Activity"/> per logical call (tags
/// after OpenTelemetry's RPC conventions, one event per retry) and five instruments: logical calls, retries, call
/// duration, the rate limiter's wait and each rate limiter's current rate. Tags carry identifiers only, never credentials or signatures.
/// </summary>
internal sealed class EcsTelemetry : IDisposable
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = "AliEcsSpec.Client";

    /// <summary>The counter of logical calls.</summary>
    public const string RequestsInstrument = "aliecsspec.client.requests";

    /// <summary>The counter of retries.</summary>
    public const string RetriesInstrument = "aliecsspec.client.retries";

    /// <summary>The histogram of logical call durations, in seconds, back-offs included.</summary>
    public const string DurationInstrument = "aliecsspec.client.request.duration";

    /// <summary>The histogram of the rate limiter's wait before an attempt, in seconds.</summary>
    public const string PermitWaitInstrument = "aliecsspec.client.rate_limit.wait";

    /// <summary>The gauge of each rate limiter's current rate, in attempts per second.</summary>
    public const string RateInstrument = "aliecsspec.client.rate_limit.rate";

    /// <summary>The tag that names a rate limiter: its endpoint and a redacted AccessKey ID.</summary>
    public const string RateLimiterTag = "aliecsspec.rate_limit.key";

    /// <summary>The tag on a call's activity with how long its attempts waited for rate-limit permits, in milliseconds.</summary>
    public const string PermitWaitTag = "aliecsspec.rate_limit.wait_ms";

    /// <summary>The name of the event added to a call's activity for each retry.</summary>
    public const string RetryEvent = "aliecsspec.retry";

    private static readonly string? Version = typeof(EcsTelemetry).Assembly.GetName().Version?.ToString();

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _permitWait;
    private int _observesRates;

    /// <param name="meterFactory">Creates the meter (dependency injection); without one the meter is the client's own.</param>
    public EcsTelemetry(IMeterFactory? meterFactory)
    {
        var options = new MeterOptions(Name) { Version = Version };
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _requests = _meter.CreateCounter<long>(RequestsInstrument, "{request}", "Logical ECS calls, by operation and outcome.");
        _retries = _meter.CreateCounter<long>(RetriesInstrument, "{retry}", "Retries of ECS calls, by operation and the error that caused them.");
#if NET9_0_OR_GREATER
        _duration = _meter.CreateHistogram<double>(
            DurationInstrument,
            "s",
            "Duration of logical ECS calls, every attempt and back-off included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
#else
        // Bucket advice needs System.Diagnostics.DiagnosticSource 9; on net8.0 the library keeps the framework's own
        // version rather than add a package for a hint, and exporters use their default buckets.
        _duration = _meter.CreateHistogram<double>(DurationInstrument, "s", "Duration of logical ECS calls, every attempt and back-off included.");
#endif
        _permitWait = _meter.CreateHistogram<double>(PermitWaitInstrument, "s", "How long an ECS attempt waited for its rate-limit permit.");
    }

    /// <summary>The source of the call activities.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>Starts the activity of one logical call, when something listens.</summary>
    public static Activity? StartCall(string operation, Uri endpoint, string? clientToken)
    {
        if (!ActivitySource.HasListeners())
        {
            // Nothing traces: skip even the activity name, so that an untraced call pays nothing here.
            return null;
        }

        var activity = ActivitySource.StartActivity(string.Concat("Ecs/", operation), ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "alibaba_cloud_rpc");
            activity.SetTag("rpc.service", "Ecs");
            activity.SetTag("rpc.method", operation);
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("server.port", endpoint.Port);
            activity.SetTag("alibabacloud.ecs.client_token", clientToken);
        }

        return activity;
    }

    /// <summary>The name of the activity of one resize; its steps are its children, and their calls theirs.</summary>
    public const string ResizeActivity = "Ecs/ResizeInstance";

    /// <summary>Starts the activity of one resize, when something listens.</summary>
    public static Activity? StartResize(string instanceId, string targetType, bool planOnly)
    {
        var activity = ActivitySource.HasListeners() ? ActivitySource.StartActivity(ResizeActivity, ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("alibabacloud.ecs.instance_id", instanceId);
            activity.SetTag("alibabacloud.ecs.target_instance_type", targetType);
            activity.SetTag("aliecsspec.resize.plan_only", planOnly);
        }

        return activity;
    }

    /// <summary>Ends a resize's activity with what it did.</summary>
    public static void CompleteResize(Activity? activity, bool changed, string? orderId)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("aliecsspec.resize.changed", changed);
            activity.SetTag("alibabacloud.ecs.order_id", orderId);
        }
    }

    /// <summary>Starts the activity of one resize step, a child of the resize's.</summary>
    public static Activity? StartResizeStep(string step, string? clientToken)
    {
        var activity = ActivitySource.HasListeners() ? ActivitySource.StartActivity(string.Concat(ResizeActivity, "/", step), ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("aliecsspec.resize.step", step);
            activity.SetTag("alibabacloud.ecs.client_token", clientToken);
        }

        return activity;
    }

    /// <summary>Ends a step's activity with its state; a failed step's activity gets the error status.</summary>
    public static void CompleteResizeStep(Activity? activity, string state, string? failure)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("aliecsspec.resize.step_state", state);
            if (failure is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure);
            }
        }
    }

    /// <summary>Records a retry: an event on the call's activity and one count.</summary>
    public void RecordRetry(Activity? activity, int attempt, TimeSpan delay, EcsError failure)
    {
        var errorType = ErrorType(failure);
        _retries.Add(1, new KeyValuePair<string, object?>("rpc.method", failure.Operation), new KeyValuePair<string, object?>("error.type", errorType));
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(RetryEvent, tags: new ActivityTagsCollection
            {
                ["aliecsspec.attempt"] = attempt,
                ["aliecsspec.retry.delay_ms"] = delay.TotalMilliseconds,
                ["error.type"] = errorType,
                ["alibabacloud.request_id"] = failure.RequestId,
            }));
        }
    }

    /// <summary>Records one attempt's wait for its rate-limit permit, when the histogram is listened to.</summary>
    public void RecordPermitWait(string operation, TimeSpan wait)
    {
        if (_permitWait.Enabled)
        {
            _permitWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("rpc.method", operation));
        }
    }

    /// <summary>Puts the call's total permit wait so far on its activity.</summary>
    public static void TagPermitWait(Activity? activity, TimeSpan total)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(PermitWaitTag, total.TotalMilliseconds);
        }
    }

    /// <summary>Publishes each rate limiter's current rate as a gauge, once per meter; <paramref name="rates"/> names limiters by endpoint and redacted key only.</summary>
    public void ObserveRates(Func<IEnumerable<(string Name, double Rate)>> rates)
    {
        if (Interlocked.Exchange(ref _observesRates, 1) == 0)
        {
            _meter.CreateObservableGauge(
                RateInstrument,
                () => rates().Select(limiter => new Measurement<double>(limiter.Rate, new KeyValuePair<string, object?>(RateLimiterTag, limiter.Name))),
                "{attempt}/s",
                "The current rate of each ECS rate limiter (AccessKey and endpoint).");
        }
    }

    /// <summary>Whether anything listens to the call duration metric (so that the call's clock needs reading at its end).</summary>
    public bool MeasuresDuration => _duration.Enabled;

    /// <summary>Ends a logical call: its activity's outcome tags and status, one count and its duration.</summary>
    /// <param name="activity">The call's activity, if traced.</param>
    /// <param name="operation">The action.</param>
    /// <param name="errorType">Null on success; otherwise <see cref="ErrorType"/> of the failure, <c>canceled</c> or <c>credentials</c>.</param>
    /// <param name="failure">The error the call ended with, if it ended with one.</param>
    /// <param name="requestId">The service's request ID, if known.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="elapsed">How long the call took.</param>
    public void CompleteCall(Activity? activity, string operation, string? errorType, EcsError? failure, string? requestId, int attempts, TimeSpan elapsed)
    {
        var method = new KeyValuePair<string, object?>("rpc.method", operation);
        var error = new KeyValuePair<string, object?>("error.type", errorType);
        if (errorType is null)
        {
            _requests.Add(1, method);
            _duration.Record(elapsed.TotalSeconds, method);
        }
        else
        {
            _requests.Add(1, method, error);
            _duration.Record(elapsed.TotalSeconds, method, error);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("alibabacloud.request_id", requestId);
            activity.SetTag("aliecsspec.attempts", attempts);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetTag("alibabacloud.error_code", failure?.ErrorCode);
                if (failure?.StatusCode is { } status)
                {
                    activity.SetTag("http.response.status_code", (int)status);
                }

                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
        }
    }

    /// <summary>
    /// A low-cardinality name for what went wrong: the service's code, <c>transport</c> for no answer, or the HTTP
    /// status of an answer that is not an ECS error document.
    /// </summary>
    public static string ErrorType(EcsError failure) => failure.ErrorCode ?? failure.Kind switch
    {
        EcsErrorKind.Transport => "transport",
        _ => ((int?)failure.StatusCode ?? 0).ToString(CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
