using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>Parsing helpers for the wire values of both operations.</summary>
internal static class Parameters
{
    public static bool InRange(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;

    public static bool? ParseBool(IReadOnlyDictionary<string, string> p, string name, bool fallback) =>
        !p.TryGetValue(name, out var text) ? fallback : text switch { "true" => true, "false" => false, _ => null };

    public static bool IsMinuteTime(string text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    public static DateTimeOffset? ParseSecondTime(string text) =>
        DateTimeOffset.TryParseExact(text, EmulatorTime.Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
