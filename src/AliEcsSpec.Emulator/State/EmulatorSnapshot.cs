namespace AliEcsSpec.Emulator;

/// <summary>Everything the emulator holds, as the admin route shows it.</summary>
/// <param name="Accounts">Accounts (without secrets).</param>
/// <param name="Instances">Instances.</param>
/// <param name="Orders">Orders.</param>
/// <param name="Changes">Committed changes.</param>
/// <param name="Requests">The request log.</param>
internal sealed record EmulatorSnapshot(
    IReadOnlyList<AccountView> Accounts,
    IReadOnlyList<EmulatorInstance> Instances,
    IReadOnlyList<EmulatorOrder> Orders,
    IReadOnlyList<EmulatorChange> Changes,
    IReadOnlyList<RequestLogEntry> Requests);

/// <summary>An account without its secret.</summary>
internal sealed record AccountView(string AccessKeyId, decimal Balance, bool InArrears);
