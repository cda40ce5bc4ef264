namespace AliEcsSpec.Emulator;

/// <summary>The one timestamp format of the service: ISO 8601 in UTC, to the second.</summary>
internal static class EmulatorTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";
}
