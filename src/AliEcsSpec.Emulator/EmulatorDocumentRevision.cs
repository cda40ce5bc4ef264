namespace AliEcsSpec.Emulator;

/// <summary>
/// Which revision of the API documents the emulator's rules follow. The documents are the five in the repository's
/// seeds: 000 (older ModifyPrepayInstanceSpec), 001 and 002 (newer ModifyPrepayInstanceSpec), 003 (newer
/// ModifyInstanceSpec) and 004 (older ModifyInstanceSpec).
/// </summary>
public enum EmulatorDocumentRevision
{
    /// <summary>The newer revision of each operation: 001/002 for ModifyPrepayInstanceSpec, 003 for ModifyInstanceSpec (the default).</summary>
    Newer,

    /// <summary>The older revision of each operation: 000 for ModifyPrepayInstanceSpec, 004 for ModifyInstanceSpec.</summary>
    Older,
}
