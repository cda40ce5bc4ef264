namespace AliEcsSpec.Emulator;

/// <summary>What identifies one call when random faults are drawn (see <see cref="FaultInjector.Random(double, int, IReadOnlyList{InjectedFault}, FaultDrawKey)"/>).</summary>
public enum FaultDrawKey
{
    /// <summary>
    /// The call's ClientToken (its instance when it has none). A run replays from its seed when the callers choose
    /// their tokens, in any order.
    /// </summary>
    ClientToken,

    /// <summary>
    /// The call's instance and its place among the calls on that instance (the n-th distinct ClientToken seen for it).
    /// A run replays from its seed even when the tokens are generated at random (a client's <c>AutoClientToken</c>),
    /// as long as each instance's calls are made one after another.
    /// </summary>
    InstanceCallOrder,
}
