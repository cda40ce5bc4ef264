namespace AliEcsSpec.Emulator.Tool;

/// <summary>What the command line asks for: the emulator's options, and random faults from the start if any.</summary>
/// <param name="Options">The emulator's options.</param>
/// <param name="RandomFaults">Random faults to switch on once the emulator runs, or null.</param>
internal sealed record ToolSettings(EcsEmulatorOptions Options, RandomFaultSettings? RandomFaults);

/// <summary>The arguments of <see cref="FaultInjector.Random(double, int, IReadOnlyList{InjectedFault}, FaultDrawKey)"/>.</summary>
/// <param name="Rate">Between 0 and 1.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Mix">The faults drawn from.</param>
/// <param name="Key">What identifies a call.</param>
internal sealed record RandomFaultSettings(double Rate, int Seed, IReadOnlyList<InjectedFault> Mix, FaultDrawKey Key);
