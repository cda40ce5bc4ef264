namespace AliEcsSpec.Client.Soak.Fleet;

/// <summary>Where a call's ClientToken comes from.</summary>
internal enum TokenSource
{
    /// <summary>The caller puts its own token on the request.</summary>
    CallerGiven,

    /// <summary>The request has none; the client's <c>AutoClientToken</c> makes one before the first attempt.</summary>
    Generated,
}

/// <summary>The two operations, by their action names (as the emulator records them).</summary>
internal static class Actions
{
    public const string Prepay = "ModifyPrepayInstanceSpec";

    public const string PayAsYouGo = "ModifyInstanceSpec";
}

/// <summary>One logical call as planned: which instance, what change, and where its token comes from.</summary>
/// <param name="Index">The call's number in the run (0-based), the key of everything recorded about it.</param>
/// <param name="Caller">The caller that makes it.</param>
/// <param name="Action">The operation.</param>
/// <param name="InstanceId">The instance changed.</param>
/// <param name="TokenSource">Whether the caller gives the token or the client generates it.</param>
/// <param name="Change">What the call asks for, in words.</param>
internal sealed record PlannedCall(int Index, int Caller, string Action, string InstanceId, TokenSource TokenSource, string Change)
{
    /// <summary>The request of a ModifyPrepayInstanceSpec call.</summary>
    public ModifyPrepayInstanceSpecRequest? Prepay { get; init; }

    /// <summary>The request of a ModifyInstanceSpec call.</summary>
    public ModifyInstanceSpecRequest? PayAsYouGo { get; init; }

    /// <summary>The token the caller gave, if it gave one.</summary>
    public string? GivenToken => Prepay?.ClientToken ?? PayAsYouGo?.ClientToken;
}
