using System.Globalization;
using System.Text.Json;
using AliEcsSpec.Emulator.Authentication;
using AliEcsSpec.Emulator.Rules;
using Microsoft.AspNetCore.Http;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// The RPC endpoint at <c>/</c>: reads the parameters (GET query or POST form), authenticates (signature V2 or V3),
/// throttles, injects faults, applies the rules and answers with the service's JSON documents.
/// </summary>
internal sealed class RpcEndpoint
{
    private readonly EmulatorState _state;
    private readonly FaultInjector _faults;
    private readonly EcsEmulatorOptions _options;
    private readonly RpcSignatureVerifier _verifier;
    private readonly AcsV3SignatureVerifier _v3Verifier;
    private readonly Dictionary<string, Func<string, IReadOnlyDictionary<string, string>, RpcOutcome>> _operations;
    private readonly StsRules _sts;
    private readonly EmulatorThrottling _throttling;
    private readonly TimeProvider _time;

    public RpcEndpoint(EmulatorState state, FaultInjector faults, EmulatorThrottling throttling, EcsEmulatorOptions options)
    {
        _state = state;
        _faults = faults;
        _options = options;
        _time = options.TimeProvider;
        // One set of caller rules for both versions: a nonce used with one is used for the other.
        var callers = new CallerRules(state.PrincipalOf, _time);
        _verifier = new RpcSignatureVerifier(callers);
        _v3Verifier = new AcsV3SignatureVerifier(callers);
        // Action names match exactly (ordinal), as the service matches them; each operation keeps its rules in its own file.
        _operations = new(StringComparer.Ordinal)
        {
            [EcsActions.ModifyPrepayInstanceSpec] = new ModifyPrepayInstanceSpecRules(state, options).Handle,
            [EcsActions.ModifyInstanceSpec] = new ModifyInstanceSpecRules(state, options).Handle,
            [EcsActions.DescribeInstances] = new DescribeInstancesRules(state).Handle,
            [EcsActions.StopInstance] = new StopInstanceRules(state, options).Handle,
            [EcsActions.StartInstance] = new StartInstanceRules(state, options).Handle,
            [EcsActions.DescribeResourcesModification] = new DescribeResourcesModificationRules(state).Handle,
        };
        _sts = new StsRules(state);
        _throttling = throttling;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A bug or a malformed body must still produce one logged answer in the service's shape.
            var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
            var error = new ServiceError(500, "InternalError", $"The request processing has failed due to some unknown error ({exception.GetType().Name}).");
            Log(_time.GetUtcNow(), context.Request.Method, null, 500, error, requestId, injected: null);
            await WriteAsync(context, 500, error, requestId, [], injected: null).ConfigureAwait(false);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var arrived = _time.GetUtcNow();
        var call = await RpcRequest.ReadAsync(request).ConfigureAwait(false);
        var parameters = call.Parameters;
        var action = call.Action;

        InjectedFault? injected = null;
        RpcOutcome outcome;
        if (request.Method is not ("GET" or "POST"))
        {
            outcome = new ServiceError(400, "UnsupportedHTTPMethod", "This http method is not supported.");
        }
        else if (action == StsRules.AssumeRoleWithOidc && call.Version == StsRules.Version)
        {
            // Anonymous by design: the OIDC token is the proof of identity, not a signature.
            outcome = _sts.Assume(action, callerAccount: null, parameters);
        }
        else if (Authenticate(call, out var account) is { } authenticationError)
        {
            outcome = authenticationError;
        }
        else if (!_throttling.TryTake(account, out var retryAfter))
        {
            outcome = new ServiceError(400, "Throttling", "Request was denied due to request throttling.");
            if (retryAfter is { } hint)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(hint.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
        }
        else
        {
            injected = _faults.Draw(action, parameters.GetValueOrDefault("InstanceId"), parameters.GetValueOrDefault("ClientToken"));
            outcome = injected?.Kind switch
            {
                InjectedFaultKind.Error => injected.Error!,
                InjectedFaultKind.ClockSkew => new ServiceError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
                InjectedFaultKind.NonJsonBadGateway => new ServiceError(502, "(html)", "Bad Gateway"),
                _ => Dispatch(action!, call.Version!, account, parameters),
            };
        }

        var status = outcome.Error?.Status ?? 200;
        if (injected?.Kind == InjectedFaultKind.CloseConnectionAfterCommit)
        {
            Log(arrived, request.Method, call, 0, outcome, requestId, injected);
            context.Abort();
            return;
        }

        if (injected?.Kind == InjectedFaultKind.DelayAfterCommit)
        {
            try
            {
                await Task.Delay(injected.Delay, _time, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Log(arrived, request.Method, call, 0, outcome, requestId, injected);
                return;
            }
        }

        Log(arrived, request.Method, call, status, outcome, requestId, injected);
        await WriteAsync(context, status, outcome, requestId, parameters, injected).ConfigureAwait(false);
    }

    /// <summary>
    /// A V3 request (an <c>ACS3-</c> Authorization header) is verified by V3 rules, a V2 request (signature parameters)
    /// by V2 rules; one that carries neither is told so, rather than which V2 parameter it lacks.
    /// </summary>
    private ServiceError? Authenticate(RpcRequest call, out string account)
    {
        account = string.Empty;
        return call.Kind switch
        {
            RpcSignatureKind.V3 => _v3Verifier.Verify(call.V3, out account),
            RpcSignatureKind.V2 => _verifier.Verify(call.Method, call.Parameters, out account),
            _ => new ServiceError(400, "IncompleteSignature",
                "The request signature does not conform to Aliyun standards: the request carries neither a V2 signature (the Signature, "
                + "SignatureMethod and AccessKeyId parameters) nor a V3 Authorization header (ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…)."),
        };
    }

    private RpcOutcome Dispatch(string action, string version, string accessKeyId, Dictionary<string, string> parameters)
    {
        if (action == StsRules.AssumeRole && version == StsRules.Version)
        {
            return _sts.Assume(action, accessKeyId, parameters);
        }

        if (version != EcsActions.Version)
        {
            return new ServiceError(400, "InvalidVersion", "Specified parameter Version is not valid.");
        }

        return _operations.TryGetValue(action, out var handle)
            ? handle(accessKeyId, parameters)
            : new ServiceError(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
    }

    private void Log(DateTimeOffset at, string method, RpcRequest? call, int status, RpcOutcome outcome, string requestId, InjectedFault? injected) =>
        _state.Record(new RequestLogEntry(
            at,
            method,
            call?.Action,
            call?.AccessKeyId,
            call?.Parameters.GetValueOrDefault("ClientToken"),
            call?.Nonce,
            status,
            outcome.Error?.Code,
            requestId,
            injected?.ToString(),
            call?.Logged() ?? []));

    private async Task WriteAsync(
        HttpContext context, int status, RpcOutcome outcome, string requestId, Dictionary<string, string> parameters, InjectedFault? injected)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["x-acs-request-id"] = requestId;
        response.Headers.Date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        if (injected?.Kind == InjectedFaultKind.NonJsonBadGateway)
        {
            response.ContentType = "text/html";
            await response.WriteAsync("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n").ConfigureAwait(false);
            return;
        }

        response.ContentType = "application/json;charset=utf-8";
        using var buffer = new MemoryStream();
        // Relaxed escaping, as the service answers: quotes in messages stay readable (\" rather than \u0022).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("RequestId", requestId);
            if (outcome.Error is { } error)
            {
                var region = parameters.GetValueOrDefault("RegionId");
                json.WriteString("HostId", region is null ? "ecs.aliyuncs.com" : $"ecs.{region}.aliyuncs.com");
                json.WriteString("Code", error.Code);
                json.WriteString("Message", error.Message);
                json.WriteString("Recommend", $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Ecs");
            }
            else if (outcome.Session is { } session)
            {
                json.WriteStartObject("AssumedRoleUser");
                json.WriteString("Arn", session.RoleArn.Replace(":role/", ":assumed-role/", StringComparison.Ordinal) + "/" + parameters.GetValueOrDefault("RoleSessionName", "session"));
                json.WriteString("AssumedRoleId", session.AccessKeyId);
                json.WriteEndObject();
                json.WriteStartObject("Credentials");
                json.WriteString("AccessKeyId", session.AccessKeyId);
                json.WriteString("AccessKeySecret", session.AccessKeySecret);
                json.WriteString("SecurityToken", session.SecurityToken);
                json.WriteString("Expiration", session.Expiration.UtcDateTime.ToString(EmulatorTime.Format, CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            else if (outcome.Body is { } body)
            {
                body(json);
            }
            else if (outcome.OrderId is { } orderId)
            {
                if (_options.OrderIdAsNumber)
                {
                    json.WriteNumber("OrderId", long.Parse(orderId, CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteString("OrderId", orderId);
                }
            }

            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
    }
}
