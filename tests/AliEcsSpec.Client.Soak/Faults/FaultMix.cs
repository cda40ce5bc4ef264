using System.Globalization;
using AliEcsSpec.Emulator;

namespace AliEcsSpec.Client.Soak.Faults;

/// <summary>
/// The six kinds of fault the issue names, each drawn equally often (InternalError and 503 share their kind's
/// share): a throttling answer, a service failure, a gateway's HTML page, a connection closed after the emulator
/// committed the change, a reply slower than the client's attempt time-out (also after the commit), and clock skew.
/// </summary>
internal sealed class FaultMix
{
    private readonly Dictionary<string, string> _kindOf;

    public FaultMix(TimeSpan slowReply, TimeSpan attemptTimeout)
    {
        if (slowReply <= attemptTimeout)
        {
            throw new ArgumentException("A slow reply must outlast the attempt time-out, or it is no fault at all.", nameof(slowReply));
        }

        var slow = InjectedFault.DelayAfterCommit(slowReply);
        SlowReply = string.Create(CultureInfo.InvariantCulture, $"reply {slowReply.TotalMilliseconds:0} ms after the commit");
        Kinds =
        [
            ("throttling (400 Throttling)", [InjectedFault.Throttling, InjectedFault.Throttling]),
            ("500 InternalError / 503 ServiceUnavailable", [InjectedFault.InternalError, InjectedFault.ServiceUnavailable]),
            ("502 with an HTML page, not JSON", [InjectedFault.NonJsonBadGateway, InjectedFault.NonJsonBadGateway]),
            ("connection closed after the commit", [InjectedFault.CloseConnectionAfterCommit, InjectedFault.CloseConnectionAfterCommit]),
            (SlowReply, [slow, slow]),
            ("clock skew (400 InvalidTimeStamp.Expired)", [InjectedFault.ClockSkew, InjectedFault.ClockSkew]),
        ];
        Draws = [.. Kinds.SelectMany(k => k.Faults)];
        _kindOf = Kinds.SelectMany(k => k.Faults.Select(f => (Key: f.ToString(), k.Name))).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Each kind, by name, with the two draws it holds in the mix.</summary>
    public IReadOnlyList<(string Name, InjectedFault[] Faults)> Kinds { get; }

    /// <summary>What the emulator draws from: two entries per kind, so each kind is a sixth of the faults.</summary>
    public IReadOnlyList<InjectedFault> Draws { get; }

    /// <summary>The name of the slow-reply kind.</summary>
    public string SlowReply { get; }

    /// <summary>The kind of a fault as the emulator's request log names it (<see cref="InjectedFault.ToString"/>).</summary>
    public string KindOf(string recordedFault) => _kindOf.GetValueOrDefault(recordedFault, recordedFault);
}
