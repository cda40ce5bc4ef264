using System.Globalization;
using System.Text;
using System.Text.Json;
using AliEcsSpec.Emulator.Authentication;
using AliEcsSpec.Emulator.Rules;
using Microsoft.AspNetCore.Http;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// The RPC endpoint at <c>/</c>: reads the parameters (GET query or POST form), authenticates, throttles, injects
/// faults, applies the rules and answers with the service's JSON documents.
/// </summary>
internal sealed class RpcEndpoint
{
    private readonly EmulatorState _state;
    private readonly FaultInjector _faults;
    private readonly EcsEmulatorOptions _options;
    private readonly RpcSignatureVerifier _verifier;
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
        _verifier = new RpcSignatureVerifier(state.PrincipalOf, _time);
        // Action names match exactly (ordinal), as the service matches them; each operation keeps its rules in its own file.
        _operations = new(StringComparer.Ordinal)
        {
            [EcsActions.ModifyPrepayInstanceSpec] = new ModifyPrepayInstanceSpecRules(state, options).Handle,
            [EcsActions.ModifyInstanceSpec] = new ModifyInstanceSpecRules(state, options).Handle,
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
            Log(_time.GetUtcNow(), context.Request.Method, [], 500, error, requestId, injected: null);
            await WriteAsync(context, 500, error, requestId, [], injected: null).ConfigureAwait(false);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var arrived = _time.GetUtcNow();
        var parameters = await ReadParametersAsync(request).ConfigureAwait(false);
        var action = parameters.GetValueOrDefault("Action");

        InjectedFault? injected = null;
        RpcOutcome outcome;
        if (request.Method is not ("GET" or "POST"))
        {
            outcome = new ServiceError(400, "UnsupportedHTTPMethod", "This http method is not supported.");
        }
        else if (action == StsRules.AssumeRoleWithOidc && parameters.GetValueOrDefault("Version") == StsRules.Version)
        {
            // Anonymous by design: the OIDC token is the proof of identity, not a signature.
            outcome = _sts.Assume(action, callerAccount: null, parameters);
        }
        else if (_verifier.Verify(request.Method, parameters, out var account) is { } authenticationError)
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
                _ => Dispatch(action!, account, parameters),
            };
        }

        var status = outcome.Error?.Status ?? 200;
        if (injected?.Kind == InjectedFaultKind.CloseConnectionAfterCommit)
        {
            Log(arrived, request.Method, parameters, 0, outcome, requestId, injected);
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
                Log(arrived, request.Method, parameters, 0, outcome, requestId, injected);
                return;
            }
        }

        Log(arrived, request.Method, parameters, status, outcome, requestId, injected);
        await WriteAsync(context, status, outcome, requestId, parameters, injected).ConfigureAwait(false);
    }

    private RpcOutcome Dispatch(string action, string accessKeyId, Dictionary<string, string> parameters)
    {
        if (action == StsRules.AssumeRole && parameters["Version"] == StsRules.Version)
        {
            return _sts.Assume(action, accessKeyId, parameters);
        }

        if (parameters["Version"] != EcsActions.Version)
        {
            return new ServiceError(400, "InvalidVersion", "Specified parameter Version is not valid.");
        }

        return _operations.TryGetValue(action, out var handle)
            ? handle(accessKeyId, parameters)
            : new ServiceError(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
    }

    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (request.Method == "POST" && request.HasFormContentType)
        {
            // Decoded here rather than by ReadFormAsync, which refuses a percent-encoded NUL (%00) as if the form were a
            // URL path: in a form body it is a legal character, and the service answers such a value by its rules.
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            foreach (var (key, value) in DecodeForm(body))
            {
                parameters[key] = value;
            }
        }

        return parameters;
    }

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body: pairs separated by <c>&amp;</c>, <c>+</c> for a space, UTF-8
    /// percent-encoding; a name given more than once keeps its values joined by commas.
    /// </summary>
    private static Dictionary<string, string> DecodeForm(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            form[name] = form.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        return form;

        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private void Log(DateTimeOffset at, string method, Dictionary<string, string> parameters, int status, RpcOutcome outcome, string requestId, InjectedFault? injected) =>
        _state.Record(new RequestLogEntry(
            at,
            method,
            parameters.GetValueOrDefault("Action"),
            parameters.GetValueOrDefault("AccessKeyId"),
            parameters.GetValueOrDefault("ClientToken"),
            parameters.GetValueOrDefault("SignatureNonce"),
            status,
            outcome.Error?.Code,
            requestId,
            injected?.ToString(),
            parameters.Where(p => p.Key != "Signature").ToDictionary(StringComparer.Ordinal)));

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
