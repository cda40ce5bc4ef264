using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AliEcsSpec.Client.Soak.Calls;
using AliEcsSpec.Client.Soak.Faults;
using AliEcsSpec.Client.Soak.Fleet;
using AliEcsSpec.Client.Soak.Wire;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Soak.Audit;

/// <summary>
/// Compares what the callers were told with what the emulator recorded (its changes and orders, each with the
/// ClientToken of the call that made it, and its request log) and with what went on the wire. The token of a call is
/// the one its attempts carried on the wire, not the one the client reported, so a client that reports the wrong
/// token is caught too.
/// </summary>
internal sealed class SoakAudit
{
    private readonly List<string> _disagreements = [];

    private SoakAudit()
    {
    }

    /// <summary>Changes made more than once for one ClientToken (beyond the first). Must be 0.</summary>
    public int DuplicateChanges { get; private set; }

    /// <summary>Orders placed more than once for one ClientToken (beyond the first). Must be 0.</summary>
    public int DuplicateOrders { get; private set; }

    /// <summary>Changes the emulator recorded without a ClientToken (every soak call has one, so: 0).</summary>
    public int ChangesWithoutToken { get; private set; }

    /// <summary>Calls that ended in neither success nor a typed EcsException, hung ones included. Must be 0.</summary>
    public int EndedUntyped { get; private set; }

    /// <summary>Calls the watchdog gave up on.</summary>
    public int Hung { get; private set; }

    /// <summary>Each call whose outcome disagrees with the emulator's records, with the reason. Must be empty.</summary>
    public IReadOnlyList<string> Disagreements => _disagreements;

    /// <summary>Calls that failed although the emulator applied their change, whose exception carries the call's token.</summary>
    public int AppliedButReportedFailed { get; private set; }

    /// <summary>Attempts sent, per call index.</summary>
    public IReadOnlyList<int> AttemptsPerCall { get; private set; } = [];

    /// <summary>Requests of the two operations the emulator received.</summary>
    public int EmulatorRequests { get; private set; }

    /// <summary>Attempts sent that the emulator has no record of (they never reached it).</summary>
    public int AttemptsNotReceived { get; private set; }

    /// <summary>Slow replies the client stopped waiting for (the emulator saw the connection go before it answered).</summary>
    public int SlowRepliesAbandoned { get; private set; }

    /// <summary>
    /// Attempts the emulator's signature check refused as expired (a fast client clock), not by an injected fault. They
    /// are refused before the fault draw, so they take no draw from their call.
    /// </summary>
    public int RefusedForClockSkew { get; private set; }

    /// <summary>Faults the emulator injected, by kind.</summary>
    public IReadOnlyDictionary<string, int> FaultsByKind { get; private set; } = new Dictionary<string, int>();

    /// <summary>
    /// A digest of which fault met which attempt of which call (call index, draw number, fault): the same for two runs
    /// of one seed that made the same attempts. Whether a retry is made can depend on timing (the retry budget is
    /// shared by all callers, and runs dry in a long soak), so two runs may differ in the attempts they made.
    /// </summary>
    public string FaultDigest { get; private set; } = string.Empty;

    /// <summary>
    /// A digest of the fault (or none) each call met on its first attempt: every call makes one, so this is the same
    /// for every run of one seed whatever the timing.
    /// </summary>
    public string FirstAttemptDigest { get; private set; } = string.Empty;

    public static SoakAudit Of(IReadOnlyList<CallOutcome> outcomes, WireLog wire, EmulatorState state, FaultMix mix)
    {
        var changes = state.Changes;
        var orders = state.Orders;
        var requests = state.RequestLog.Where(r => r.Action is Actions.Prepay or Actions.PayAsYouGo).ToList();
        var changesByCall = changes.Where(c => c.ClientToken is not null).ToLookup(c => (c.Action, c.ClientToken!));
        var ordersByToken = orders.Where(o => o.ClientToken is not null).ToLookup(o => o.ClientToken!);
        var requestByNonce = requests.Where(r => r.SignatureNonce is not null)
            .GroupBy(r => r.SignatureNonce!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var attemptsPerCall = new int[outcomes.Count];
        var faultLines = new StringBuilder();
        var firstAttemptLines = new StringBuilder();
        var notReceived = 0;
        var callTokens = new HashSet<(string, string)>();
        var audit = new SoakAudit
        {
            DuplicateChanges = changesByCall.Sum(g => g.Count() - 1),
            DuplicateOrders = ordersByToken.Sum(g => g.Count() - 1),
            ChangesWithoutToken = changes.Count(c => c.ClientToken is null),
            EndedUntyped = outcomes.Count(o => o.EndedUntyped),
            Hung = outcomes.Count(o => o.Hung),
            AttemptsPerCall = attemptsPerCall,
            EmulatorRequests = requests.Count,
            FaultsByKind = requests.Where(r => r.Fault is not null).GroupBy(r => mix.KindOf(r.Fault!)).ToDictionary(g => g.Key, g => g.Count()),
            // The emulator records status 0 for a delayed reply whose connection the client closed first.
            SlowRepliesAbandoned = requests.Count(r => r.Fault is not null && mix.KindOf(r.Fault) == mix.SlowReply && r.Status == 0),
            RefusedForClockSkew = requests.Count(RefusedBeforeTheDraw),
        };

        foreach (var outcome in outcomes)
        {
            var call = outcome.Call;
            var attempts = wire.AttemptsOf(call.Index);
            attemptsPerCall[call.Index] = attempts.Count;
            var draw = 0;
            foreach (var attempt in attempts)
            {
                if (attempt.SignatureNonce is null || !requestByNonce.TryGetValue(attempt.SignatureNonce, out var received))
                {
                    notReceived++;
                }
                else if (!RefusedBeforeTheDraw(received))
                {
                    // Numbered as the emulator draws (only attempts past the signature check draw), so that how
                    // many attempts the fast clock cost, which depends on timing, does not change the digest.
                    draw++;
                    if (draw == 1)
                    {
                        firstAttemptLines.Append(CultureInfo.InvariantCulture, $"{call.Index}={received.Fault}\n");
                    }

                    if (received.Fault is not null)
                    {
                        faultLines.Append(CultureInfo.InvariantCulture, $"{call.Index}.{draw}={received.Fault}\n");
                    }
                }
            }

            var token = audit.CheckTokens(outcome, attempts);
            if (token is not null)
            {
                callTokens.Add((call.Action, token));
                audit.CheckOutcome(outcome, token, [.. changesByCall[(call.Action, token)]], [.. ordersByToken[token]]);
            }
        }

        foreach (var change in changes.Where(c => c.ClientToken is not null && !callTokens.Contains((c.Action, c.ClientToken))))
        {
            audit._disagreements.Add($"a change no call made: {change.Action} on {change.InstanceId} with ClientToken {change.ClientToken}");
        }

        audit.AttemptsNotReceived = notReceived;
        audit.FaultDigest = Digest(faultLines);
        audit.FirstAttemptDigest = Digest(firstAttemptLines);
        return audit;
    }

    private static string Digest(StringBuilder lines) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())))[..16];

    /// <summary>An expired timestamp the signature check refused: only a client's clock causes one (the injected clock skew is recorded as a fault).</summary>
    private static bool RefusedBeforeTheDraw(RequestLogEntry request) => request.Fault is null && request.Code == "InvalidTimeStamp.Expired";

    /// <summary>
    /// The call's token: the one every attempt carried (they must all carry the same), which must be the caller's
    /// own when it gave one, and which the client must report back.
    /// </summary>
    private string? CheckTokens(CallOutcome outcome, IReadOnlyList<WireAttempt> attempts)
    {
        var call = outcome.Call;
        var sent = attempts.Select(a => a.ClientToken).Distinct(StringComparer.Ordinal).ToList();
        if (sent.Count > 1 || sent.Contains(null))
        {
            Disagree(call, $"its attempts sent ClientTokens [{string.Join(", ", sent.Select(t => t ?? "none"))}], not one token");
            return null;
        }

        var token = sent.Count == 1 ? sent[0] : call.GivenToken ?? outcome.ReportedToken;
        if (call.GivenToken is { } given && token != given)
        {
            Disagree(call, $"the caller gave ClientToken {given} but {token} was sent");
        }

        if ((outcome.Succeeded || outcome.Failure is not null) && outcome.ReportedToken != token)
        {
            Disagree(call, $"ClientToken {token} was sent but the caller was told {outcome.ReportedToken ?? "none"}");
        }

        return token;
    }

    private void CheckOutcome(CallOutcome outcome, string token, IReadOnlyList<EmulatorChange> changes, IReadOnlyList<EmulatorOrder> orders)
    {
        var call = outcome.Call;
        var applied = changes.Count > 0;
        if (changes.Any(c => c.InstanceId != call.InstanceId))
        {
            Disagree(call, $"the emulator changed {changes[0].InstanceId}, not {call.InstanceId}");
        }

        if (outcome.Succeeded)
        {
            if (!applied)
            {
                Disagree(call, $"it succeeded but the emulator made no change for ClientToken {token}");
            }
            else if (call.Action == Actions.Prepay && (orders.Count == 0 || orders[0].OrderId != outcome.OrderId))
            {
                Disagree(call, $"it succeeded with OrderId {outcome.OrderId} but the emulator's order for ClientToken {token} is {(orders.Count == 0 ? "missing" : orders[0].OrderId)}");
            }
        }
        else if (applied && outcome.Failure?.ClientToken == token)
        {
            // The caller was told it failed, and holds the token that tells it otherwise when the call is repeated.
            AppliedButReportedFailed++;
        }
        else if (applied)
        {
            Disagree(call, $"it ended with {outcome.FailureLabel} without ClientToken {token}, but the emulator applied the change");
        }
    }

    private void Disagree(PlannedCall call, string reason) =>
        _disagreements.Add(string.Create(CultureInfo.InvariantCulture, $"call #{call.Index} ({call.Action} {call.InstanceId}, {call.Change}): {reason}"));
}
