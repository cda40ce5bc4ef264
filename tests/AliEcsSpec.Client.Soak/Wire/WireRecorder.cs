using System.Collections.Concurrent;

namespace AliEcsSpec.Client.Soak.Wire;

/// <summary>One HTTP attempt as it left the client: signed, with its ClientToken and nonce.</summary>
/// <param name="Number">1 for the call's first attempt, 2 for its first retry, and so on.</param>
/// <param name="Action">The action sent.</param>
/// <param name="InstanceId">The instance sent.</param>
/// <param name="ClientToken">The ClientToken sent, if any.</param>
/// <param name="SignatureNonce">The nonce, which also finds the attempt in the emulator's request log.</param>
internal sealed record WireAttempt(int Number, string? Action, string? InstanceId, string? ClientToken, string? SignatureNonce);

/// <summary>
/// Every attempt every client sent, by logical call, and every <c>Signature</c> value that went out (each one a
/// secret the witness must never see).
/// </summary>
internal sealed class WireLog
{
    private readonly ConcurrentDictionary<int, List<WireAttempt>> _byCall = new();
    private readonly ConcurrentQueue<string> _signatures = new();
    private int _outsideAnyCall;

    /// <summary>Every signature sent.</summary>
    public IReadOnlyCollection<string> Signatures => _signatures;

    /// <summary>Attempts sent while no soak call was running: must stay 0, or an attempt escaped its call.</summary>
    public int OutsideAnyCall => Volatile.Read(ref _outsideAnyCall);

    /// <summary>The attempts of one call, in the order sent.</summary>
    public IReadOnlyList<WireAttempt> AttemptsOf(int callIndex)
    {
        if (!_byCall.TryGetValue(callIndex, out var attempts))
        {
            return [];
        }

        lock (attempts)
        {
            return [.. attempts];
        }
    }

    public void Record(int? callIndex, IReadOnlyDictionary<string, string> form)
    {
        if (form.TryGetValue("Signature", out var signature))
        {
            _signatures.Enqueue(signature);
        }

        if (callIndex is not { } index)
        {
            Interlocked.Increment(ref _outsideAnyCall);
            return;
        }

        var attempts = _byCall.GetOrAdd(index, _ => []);
        lock (attempts)
        {
            attempts.Add(new WireAttempt(
                attempts.Count + 1,
                form.GetValueOrDefault("Action"),
                form.GetValueOrDefault("InstanceId"),
                form.GetValueOrDefault("ClientToken"),
                form.GetValueOrDefault("SignatureNonce")));
        }
    }
}

/// <summary>
/// The innermost handler of each soak client, around the socket handler: it reads every signed attempt as it goes
/// on the wire. It sees each attempt (the retry handler is further out), so it counts attempts per call, proves the
/// ClientToken stays the same across them, and collects every Signature sent.
/// </summary>
internal sealed class WireRecorder(WireLog log) : DelegatingHandler
{
    private static readonly AsyncLocal<int?> CurrentCallIndex = new();

    /// <summary>
    /// The logical call the current async flow is making. Set by the caller before it calls the client; it flows
    /// through the client's retry and signing handlers down to this one.
    /// </summary>
    public static int? CurrentCall
    {
        get => CurrentCallIndex.Value;
        set => CurrentCallIndex.Value = value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            // The signing handler puts the form in a byte array: reading it here leaves it whole for the socket.
            log.Record(CurrentCall, ParseForm(await content.ReadAsStringAsync(cancellationToken)));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static Dictionary<string, string> ParseForm(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            form[Unescape(name)] = Unescape(value);
        }

        return form;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
